/// A JSON value of a definition in which strings may be templates, parsed once: `with.body`,
/// `with.input`, a transform's `output`, the workflow's `output`.
///
/// Subtrees without any template are kept as `.constant` so rendering them is a copy.
public indirect enum TemplatedValue: Sendable, Hashable {
    /// A member of a templated object; object members keep their order.
    public struct Member: Sendable, Hashable {
        /// The key (keys are never templates).
        public let key: String
        /// The value.
        public let value: TemplatedValue

        /// Creates a member.
        public init(key: String, value: TemplatedValue) {
            self.key = key
            self.value = value
        }
    }

    /// A value containing no template, rendered as-is.
    case constant(JSONValue)
    /// A template string.
    case template(Template)
    /// An array with at least one template inside.
    case array([TemplatedValue])
    /// An object with at least one template inside.
    case object([Member])

    /// Parses every string of `value` that contains `{{` as a template.
    /// - Throws: the first `TemplateSyntaxError` found (definitions use the collecting variant).
    public init(parsing value: JSONValue) throws(TemplateSyntaxError) {
        var firstError: TemplateSyntaxError?
        self = TemplatedValue.parse(value, at: .root) { _, error in
            if firstError == nil { firstError = error }
        }
        if let firstError { throw firstError }
    }

    /// Parses `value`, reporting every syntax error with its location (relative to `pointer`).
    /// A string with a syntax error is kept as a constant so the walk can continue.
    static func parse(
        _ value: JSONValue, at pointer: JSONPointer, onError: (JSONPointer, TemplateSyntaxError) -> Void
    ) -> TemplatedValue {
        switch value {
        case .string(let text) where Template.containsMarkup(text):
            do throws(TemplateSyntaxError) {
                return .template(try Template(parsing: text))
            } catch {
                onError(pointer, error)
                return .constant(value)
            }
        case .array(let elements):
            let parsed = elements.enumerated().map { offset, element in
                parse(element, at: pointer.appending(offset), onError: onError)
            }
            return parsed.allSatisfy(\.isConstant) ? .constant(value) : .array(parsed)
        case .object(let object):
            let members = object.map { key, member in
                Member(key: key, value: parse(member, at: pointer.appending(key), onError: onError))
            }
            return members.allSatisfy(\.value.isConstant) ? .constant(value) : .object(members)
        default:
            return .constant(value)
        }
    }

    /// True when the value contains no template.
    public var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    /// Every template with its location relative to `base`, in document order.
    public func templates(at base: JSONPointer = .root) -> [(pointer: JSONPointer, template: Template)] {
        var found: [(pointer: JSONPointer, template: Template)] = []
        collectTemplates(at: base, into: &found)
        return found
    }

    private func collectTemplates(at pointer: JSONPointer, into found: inout [(pointer: JSONPointer, template: Template)]) {
        switch self {
        case .constant: return
        case .template(let template): found.append((pointer, template))
        case .array(let elements):
            for (offset, element) in elements.enumerated() { element.collectTemplates(at: pointer.appending(offset), into: &found) }
        case .object(let members):
            for member in members { member.value.collectTemplates(at: pointer.appending(member.key), into: &found) }
        }
    }

    /// Every reference in the value, in document order.
    public var references: [TemplateReference] {
        templates().flatMap { $0.template.references }
    }
}
