import Foundation

/// A template string of a workflow definition, parsed once when the definition is loaded:
/// literal text interleaved with `{{…}}` references, e.g. `"{{env.PRICING_URL}}/quote/{{input.sku}}"`.
///
/// Rendering (see `TemplateRenderer`) never re-reads the text. A template that is exactly one
/// reference (`"{{input.count}}"`) keeps the referenced JSON type; any other template renders
/// to a string.
public struct Template: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a template.
    public enum Part: Sendable, Hashable {
        /// Text copied as-is.
        case literal(String)
        /// A `{{…}}` reference.
        case reference(TemplateReference)
    }

    /// The pieces in order; adjacent literals are merged and empty literals dropped.
    public let parts: [Part]
    /// The text the template was parsed from.
    public let source: String

    /// Parses template text.
    /// - Throws: `TemplateSyntaxError` for an unterminated `{{`, an empty or malformed reference,
    ///   or an unknown root (anything but `input`, `steps`, `env`, `secret:`, `item`, `index`).
    public init(parsing text: String) throws(TemplateSyntaxError) {
        self.parts = try TemplateParser.parseParts(text)
        self.source = text
    }

    /// True when `text` contains template markup (`{{`); other strings are plain values.
    public static func containsMarkup(_ text: String) -> Bool { text.contains("{{") }

    /// The reference when the template is exactly one `{{…}}` with no text around it.
    public var wholeReference: TemplateReference? {
        guard parts.count == 1, case .reference(let reference) = parts[0] else { return nil }
        return reference
    }

    /// Every reference, in order of appearance.
    public var references: [TemplateReference] {
        parts.compactMap { part in
            if case .reference(let reference) = part { return reference }
            return nil
        }
    }

    /// The source text.
    public var description: String { source }
}

/// One step of a path below a reference root: `.sku` or `["two words"]` is a key, `[0]` an index.
public enum TemplatePathComponent: Sendable, Hashable {
    /// An object member.
    case key(String)
    /// An array element (zero-based).
    case index(Int)
}

/// What a `{{…}}` reference names.
public struct TemplateReference: Sendable, Hashable, CustomStringConvertible {
    /// The root of the reference.
    public enum Root: Sendable, Hashable {
        /// `input…`: the execution input.
        case input
        /// `steps.<id>.output…`: the output of a completed step.
        case step(String)
        /// `env.<NAME>`: an environment value of the tenant/deployment (always a string).
        case env(String)
        /// `secret:<path>`: a vault reference, resolved only through a `SecretProvider`.
        case secret(String)
        /// `item…`: the current element inside a `forEach` step.
        case item
        /// `index`: the current element's position inside a `forEach` step.
        case index
    }

    /// The root.
    public let root: Root
    /// The path below the root (below `output` for steps); always empty for `env`, `secret:` and `index`.
    public let path: [TemplatePathComponent]

    /// Creates a reference.
    public init(root: Root, path: [TemplatePathComponent] = []) {
        self.root = root
        self.path = path
    }

    /// The step id for a `steps.<id>…` reference.
    public var stepID: String? {
        if case .step(let id) = root { return id }
        return nil
    }

    /// Canonical text without braces, e.g. `input.items[0].sku`, `steps.quote.output.price`,
    /// `secret:payments/api-key`.
    public var description: String {
        var text: String
        switch root {
        case .input: text = "input"
        case .step(let id): text = "steps.\(id).output"
        case .env(let name): return "env.\(name)"
        case .secret(let path): return "secret:\(path)"
        case .item: text = "item"
        case .index: return "index"
        }
        text += TemplateReference.describe(path)
        return text
    }

    /// Path text such as `.items[0].sku` (keys that are not identifiers are written `["…"]`).
    static func describe(_ path: some Sequence<TemplatePathComponent>) -> String {
        var text = ""
        for component in path {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key) where TemplateParser.isIdentifier(key): text += ".\(key)"
            case .key(let key):
                let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                text += "[\"\(escaped)\"]"
            }
        }
        return text
    }
}

/// Why template text could not be parsed. `description` reads like
/// `invalid template "{{input.}}": expected a name after "." at character 9`.
public struct TemplateSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template text.
    public let template: String
    /// What is wrong.
    public let reason: String
    /// One-based character position in the template where the problem was noticed.
    public let position: Int

    /// Creates an error.
    public init(template: String, reason: String, position: Int) {
        self.template = template
        self.reason = reason
        self.position = position
    }

    /// A sentence naming the template, the problem and its position.
    public var description: String {
        "invalid template \"\(template)\": \(reason) at character \(position)"
    }
}
