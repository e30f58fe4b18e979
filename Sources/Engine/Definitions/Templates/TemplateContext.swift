/// The values a template can reference while one step (or the workflow output) is rendered.
/// Secrets are deliberately absent: they arrive separately as `ResolvedSecrets`, so a context can
/// be logged or stored without leaking them.
public struct TemplateContext: Sendable, Hashable {
    /// The execution input (`{{input…}}`).
    public var input: JSONValue
    /// Outputs of completed steps by id (`{{steps.<id>.output…}}`).
    public var stepOutputs: [String: JSONValue]
    /// Environment values (`{{env.NAME}}`).
    public var env: [String: String]
    /// The current `forEach` element (`{{item…}}`), nil outside `forEach`.
    public var item: JSONValue?
    /// The current `forEach` position (`{{index}}`), nil outside `forEach`.
    public var index: Int?

    /// Creates a context.
    public init(
        input: JSONValue, stepOutputs: [String: JSONValue] = [:], env: [String: String] = [:],
        item: JSONValue? = nil, index: Int? = nil
    ) {
        self.input = input
        self.stepOutputs = stepOutputs
        self.env = env
        self.item = item
        self.index = index
    }

    /// This context for one `forEach` element.
    public func forEachElement(_ item: JSONValue, index: Int) -> TemplateContext {
        var copy = self
        copy.item = item
        copy.index = index
        return copy
    }
}

/// The result of rendering: the value to use, a twin with every secret replaced by its
/// reference text (`{{secret:payments/api-key}}`), and whether the two differ.
///
/// Callers send `value` and store, log or hash only `redacted`; when `containsSecrets` is true,
/// `value` must never be persisted.
public struct RenderedValue: Sendable, Hashable {
    /// The rendered value, including secret values.
    public let value: JSONValue
    /// The same value with secrets replaced by their reference text; safe to store and log.
    public let redacted: JSONValue
    /// True when at least one secret value went into `value`.
    public let containsSecrets: Bool

    /// Creates a result.
    public init(value: JSONValue, redacted: JSONValue, containsSecrets: Bool) {
        self.value = value
        self.redacted = redacted
        self.containsSecrets = containsSecrets
    }
}

/// A reference that could not be rendered. `description` reads like
/// `cannot render {{input.items[3].sku}} at /body/sku: input.items has 2 elements, so [3] does not exist`.
/// It never contains secret values.
public struct TemplateRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reference text, e.g. `input.items[3].sku`.
    public let reference: String
    /// Where the template is inside the rendered value (root for a bare template).
    public let location: JSONPointer
    /// Why it could not be resolved.
    public let reason: String

    /// Creates an error.
    public init(reference: String, location: JSONPointer, reason: String) {
        self.reference = reference
        self.location = location
        self.reason = reason
    }

    /// A sentence naming the reference, its location and the reason.
    public var description: String {
        let place = location.tokens.isEmpty ? "" : " at \(location)"
        return "cannot render {{\(reference)}}\(place): \(reason)"
    }
}
