/// Renders parsed templates against a `TemplateContext`.
///
/// - A template that is exactly one reference keeps the referenced JSON type
///   (`"{{input.count}}"` → `3`); other templates interpolate: strings as-is, other values as
///   compact JSON (`null`, `[1,2]`).
/// - Objects and arrays are rendered member by member.
/// - A missing reference is an error naming it, never an empty string.
/// - Secrets come only from the `ResolvedSecrets` given; the result says whether any were used
///   and carries a redacted twin for storage and logs.
public struct TemplateRenderer: Sendable {
    /// The values references resolve against.
    public var context: TemplateContext
    /// Secret values for `{{secret:…}}` references.
    public var secrets: ResolvedSecrets

    /// A renderer over `context`, with `secrets` for any secret references.
    public init(context: TemplateContext, secrets: ResolvedSecrets = .none) {
        self.context = context
        self.secrets = secrets
    }

    /// Renders a templated value.
    /// - Throws: `TemplateRenderError` for the first reference that cannot be resolved.
    public func render(_ value: TemplatedValue) throws(TemplateRenderError) -> RenderedValue {
        var usedSecret = false
        let (rendered, redacted) = try render(value, at: .root, usedSecret: &usedSecret)
        return RenderedValue(value: rendered, redacted: redacted, containsSecrets: usedSecret)
    }

    /// Renders one template.
    /// - Throws: `TemplateRenderError` for the first reference that cannot be resolved.
    public func render(_ template: Template) throws(TemplateRenderError) -> RenderedValue {
        try render(.template(template))
    }

    /// Renders `value`, first fetching the secrets it references through `provider`.
    /// - Throws: `SecretResolutionError` or `TemplateRenderError`.
    public static func render(
        _ value: TemplatedValue, context: TemplateContext, secretProvider provider: any SecretProvider
    ) async throws -> RenderedValue {
        let secrets = try await ResolvedSecrets.resolving(value.secretPaths, with: provider)
        return try TemplateRenderer(context: context, secrets: secrets).render(value)
    }

    private func render(
        _ value: TemplatedValue, at pointer: JSONPointer, usedSecret: inout Bool
    ) throws(TemplateRenderError) -> (JSONValue, JSONValue) {
        switch value {
        case .constant(let constant):
            return (constant, constant)
        case .template(let template):
            return try render(template, at: pointer, usedSecret: &usedSecret)
        case .array(let elements):
            var values: [JSONValue] = [], redacted: [JSONValue] = []
            for (offset, element) in elements.enumerated() {
                let (value, twin) = try render(element, at: pointer.appending(offset), usedSecret: &usedSecret)
                values.append(value)
                redacted.append(twin)
            }
            return (.array(values), .array(redacted))
        case .object(let members):
            var values = JSONObject(), redacted = JSONObject()
            for member in members {
                let (value, twin) = try render(member.value, at: pointer.appending(member.key), usedSecret: &usedSecret)
                values[member.key] = value
                redacted[member.key] = twin
            }
            return (.object(values), .object(redacted))
        }
    }

    private func render(
        _ template: Template, at pointer: JSONPointer, usedSecret: inout Bool
    ) throws(TemplateRenderError) -> (JSONValue, JSONValue) {
        if let reference = template.wholeReference {
            if case .secret(let path) = reference.root {
                usedSecret = true
                return (.string(try secret(path, reference, at: pointer)), .string("{{\(reference)}}"))
            }
            let value = try resolve(reference, at: pointer)
            return (value, value)
        }
        var text = "", redacted = ""
        for part in template.parts {
            switch part {
            case .literal(let literal):
                text += literal
                redacted += literal
            case .reference(let reference):
                if case .secret(let path) = reference.root {
                    usedSecret = true
                    text += try secret(path, reference, at: pointer)
                    redacted += "{{\(reference)}}"
                } else {
                    let piece = TemplateRenderer.interpolated(try resolve(reference, at: pointer))
                    text += piece
                    redacted += piece
                }
            }
        }
        return (.string(text), .string(redacted))
    }

    /// Strings interpolate as their content; everything else as compact JSON.
    static func interpolated(_ value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        return value.serialized()
    }

    private func secret(_ path: String, _ reference: TemplateReference, at pointer: JSONPointer) throws(TemplateRenderError) -> String {
        guard let value = secrets.value(at: path) else {
            throw TemplateRenderError(reference: reference.description, location: pointer, reason: "the secret was not resolved")
        }
        return value
    }

    /// The value a non-secret reference names in the context.
    public func resolve(_ reference: TemplateReference, at pointer: JSONPointer = .root) throws(TemplateRenderError) -> JSONValue {
        let fail = { (reason: String) in TemplateRenderError(reference: reference.description, location: pointer, reason: reason) }
        switch reference.root {
        case .input:
            return try walk(context.input, path: reference.path, from: "input", fail: fail)
        case .step(let id):
            guard let output = context.stepOutputs[id] else { throw fail("step \"\(id)\" has no output (it has not completed)") }
            return try walk(output, path: reference.path, from: "steps.\(id).output", fail: fail)
        case .env(let name):
            guard let value = context.env[name] else { throw fail("environment value \"\(name)\" is not set") }
            return .string(value)
        case .item:
            guard let item = context.item else { throw fail("item is only available inside a forEach step") }
            return try walk(item, path: reference.path, from: "item", fail: fail)
        case .index:
            guard let index = context.index else { throw fail("index is only available inside a forEach step") }
            return .int(Int64(index))
        case .secret:
            throw fail("secrets are resolved through a SecretProvider, not the context")
        }
    }

    private func walk(
        _ root: JSONValue, path: [TemplatePathComponent], from rootName: String, fail: (String) -> TemplateRenderError
    ) throws(TemplateRenderError) -> JSONValue {
        var current = root
        for (depth, component) in path.enumerated() {
            let prefix = rootName + TemplateReference.describe(path.prefix(depth))
            switch (component, current) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { throw fail("\(prefix) has no member \"\(key)\"") }
                current = next
            case (.index(let index), .array(let array)):
                guard index < array.count else {
                    throw fail("\(prefix) has \(array.count) element\(array.count == 1 ? "" : "s"), so [\(index)] does not exist")
                }
                current = array[index]
            case (.key, _):
                throw fail("\(prefix) is \(TemplateRenderer.kind(of: current)), not an object")
            case (.index, _):
                throw fail("\(prefix) is \(TemplateRenderer.kind(of: current)), not an array")
            }
        }
        return current
    }

    /// "null", "an integer", "a string", … for messages.
    static func kind(of value: JSONValue) -> String {
        let name = value.typeName
        if name == "null" { return name }
        return (["a", "e", "i", "o", "u"].contains(name.first.map(String.init)) ? "an " : "a ") + name
    }
}
