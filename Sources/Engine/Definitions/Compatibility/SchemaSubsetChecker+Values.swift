// Running the project's validator on concrete values (enum members, property names, patterns),
// and proving two `oneOf` alternatives disjoint.

extension SchemaSubsetChecker {
    struct ValidatorKey: Hashable {
        let schema: JSONValue
        let resource: String
        let strips: Bool
        let assertsFormats: Bool
    }

    /// Applicators that `.plain` parts leave to other parts.
    private static let composites = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref", "dependentSchemas"]

    /// `schema` compiled on its own, optionally without its in-place applicators (which B checks
    /// as separate parts). Nil when that cannot be done faithfully: references other than
    /// `#/$defs/…` / `#/definitions/…` would resolve differently outside the document.
    mutating func validator(for schema: Located, strippingComposites strips: Bool, assertingFormats: Bool) -> JSONSchema? {
        let key = ValidatorKey(schema: schema.schema, resource: schema.resourceKey, strips: strips, assertsFormats: assertingFormats)
        if let cached = validators[key] { return cached }
        // A reference loop that never descends into the value would make evaluation explode.
        var explored: Set<String> = []
        var path: Set<String> = []
        let built = loopsInPlace(schema, path: &path, explored: &explored)
            ? nil : Self.buildValidator(schema, strips: strips, assertingFormats: assertingFormats)
        validators.updateValue(built, forKey: key)
        return built
    }

    private static func buildValidator(_ schema: Located, strips: Bool, assertingFormats: Bool) -> JSONSchema? {
        let options = JSONSchema.Options(formatAssertion: assertingFormats)
        guard case .object(var object) = schema.schema else { return try? JSONSchema(compiling: schema.schema, options: options) }
        if object["$dynamicRef"] != nil { return nil }
        if !strips && schema.schema == schema.resource { return try? JSONSchema(compiling: schema.schema, options: options) }
        if strips { for keyword in composites { object[keyword] = nil } }
        guard referencesOnlyDefinitions(.object(object), isTop: true) else { return nil }
        let document: JSONValue
        if object["$id"] != nil {
            document = ["allOf": [.object(object)]]
        } else {
            object["$schema"] = nil
            var wrapper: JSONObject = ["allOf": [.object(object)]]
            for keyword in ["$defs", "definitions"] {
                guard let definitions = schema.resource[keyword] else { continue }
                guard referencesOnlyDefinitions(definitions, isTop: false) else { return nil }
                wrapper[keyword] = definitions
            }
            document = .object(wrapper)
        }
        return try? JSONSchema(compiling: document, options: options)
    }

    /// True when evaluating `schema` can reach a `$ref` again through in-place applicators only,
    /// i.e. without descending into the value. Depth-first over references on the current path.
    private func loopsInPlace(_ schema: Located, path: inout Set<String>, explored: inout Set<String>) -> Bool {
        guard let object = schema.object else { return false }
        if let reference = object["$ref"]?.stringValue, let target = resolve(reference, from: schema) {
            let key = schema.resourceKey + "|" + reference
            if path.contains(key) { return true }
            if !explored.contains(key) {
                path.insert(key)
                if loopsInPlace(target, path: &path, explored: &explored) { return true }
                path.remove(key)
                explored.insert(key)
            }
        }
        var inPlace: [JSONValue] = []
        for keyword in ["allOf", "anyOf", "oneOf"] { inPlace += object[keyword]?.arrayValue ?? [] }
        for keyword in ["not", "if", "then", "else"] { if let subschema = object[keyword] { inPlace.append(subschema) } }
        inPlace += object["dependentSchemas"]?.objectValue?.values ?? []
        return inPlace.contains { loopsInPlace(schema.child($0), path: &path, explored: &explored) }
    }

    /// True when every reference in `value` (outside nested resources) points into `$defs`/`definitions`.
    private static func referencesOnlyDefinitions(_ value: JSONValue, isTop: Bool) -> Bool {
        switch value {
        case .object(let object):
            if !isTop && object["$id"] != nil { return true }
            if object["$dynamicRef"] != nil { return false }
            if let reference = object["$ref"] {
                guard let text = reference.stringValue, text.hasPrefix("#/$defs/") || text.hasPrefix("#/definitions/") else { return false }
            }
            return object.values.allSatisfy { referencesOnlyDefinitions($0, isTop: false) }
        case .array(let elements):
            return elements.allSatisfy { referencesOnlyDefinitions($0, isTop: false) }
        default:
            return true
        }
    }

    /// Whether every conjunct of an A alternative accepts `value` (true when unknown: widening A is safe).
    mutating func accepted(_ value: JSONValue, by conjuncts: [Located]) -> Bool {
        conjuncts.allSatisfy { conjunct in
            validator(for: conjunct, strippingComposites: false, assertingFormats: false)?.isValid(value) ?? true
        }
    }

    /// Whether property name `name` matches the regular expression `pattern` (nil when it cannot be compiled).
    mutating func matches(_ pattern: String, _ name: String) -> Bool? {
        let matcher: JSONSchema?
        if let cached = patternMatchers[pattern] {
            matcher = cached
        } else {
            matcher = try? JSONSchema(compiling: ["pattern": .string(pattern)])
            patternMatchers.updateValue(matcher, forKey: pattern)
        }
        return matcher?.isValid(.string(name))
    }

    /// True only when no instance can match both `x` and `y`: their kinds, finite values or a
    /// required property (e.g. a `const` discriminator) cannot overlap.
    mutating func provablyDisjoint(_ x: Located, _ y: Located, depth: Int = 0) -> Bool {
        provablyDisjoint([x], y, depth: depth)
    }

    /// Like `provablyDisjoint(_:_:depth:)` for the conjunction `x`.
    mutating func provablyDisjoint(_ x: [Located], _ y: Located, depth: Int = 0) -> Bool {
        guard depth < 4 else { return false }
        for left in alternatives(of: x) {
            for right in alternatives(of: [y]) where !disjoint(BranchSummary(left), BranchSummary(right), depth: depth) {
                return false
            }
        }
        return true
    }

    private mutating func disjoint(_ x: BranchSummary, _ y: BranchSummary, depth: Int) -> Bool {
        let common = x.kinds.intersection(y.kinds)
        if common.isEmpty { return true }
        if let left = x.values, let right = y.values, !left.contains(where: { value in right.contains { $0.jsonEquals(value) } }) {
            return true
        }
        guard common == .object else { return false }
        for (first, second) in [(x, y), (y, x)] {
            for name in first.required {
                if forbids(second, name) { return true }
                guard second.required.contains(name) else { continue }
                let left = first.conjuncts.compactMap { propertySchema(of: $0, name) }
                let right = second.conjuncts.compactMap { propertySchema(of: $0, name) }
                for l in left { for r in right where provablyDisjoint(l, r, depth: depth + 1) { return true } }
            }
        }
        return false
    }

    /// The schema one conjunct gives property `name` (nil: unconstrained). Over-approximates: a
    /// declared property ignores matching `patternProperties`, an unknown pattern match gives nil.
    mutating func propertySchema(of conjunct: Located, _ name: String) -> Located? {
        guard let object = conjunct.object else { return nil }
        if let declared = object["properties"]?[name] { return conjunct.child(declared) }
        if let patterns = object["patternProperties"]?.objectValue {
            for (pattern, schema) in patterns {
                switch matches(pattern, name) {
                case true?: return conjunct.child(schema)
                case nil: return nil
                case false?: continue
                }
            }
        }
        return Self.additionalProperties(of: conjunct)
    }

    /// True when an alternative never has property `name`.
    mutating func forbids(_ summary: BranchSummary, _ name: String) -> Bool {
        if let names = closedNames(summary), !names.contains(name) { return true }
        return summary.conjuncts.contains { propertySchema(of: $0, name)?.isFalse == true }
    }

    /// The only property names an alternative allows, when some conjunct closes its object
    /// (`additionalProperties: false`, no `patternProperties`); nil when names are open.
    func closedNames(_ summary: BranchSummary) -> [String]? {
        var result: [String]?
        for conjunct in summary.conjuncts {
            guard let object = conjunct.object, Self.additionalProperties(of: conjunct)?.isFalse == true,
                  (object["patternProperties"]?.objectValue?.isEmpty ?? true) else { continue }
            let declared = object["properties"]?.objectValue ?? JSONObject()
            let names = declared.keys.filter { declared[$0] != .bool(false) }
            result = result.map { current in current.filter(names.contains) } ?? names
        }
        return result
    }
}
