// Splitting schemas: A into alternatives (a union of conjunctions), B into parts that must all hold,
// and a summary of what one A alternative allows.

extension SchemaSubsetChecker {
    /// A as a union of conjunctions: `allOf` and `$ref` targets join the conjunction, each
    /// `anyOf`/`oneOf` multiplies the alternatives (`oneOf` read as `anyOf`, which only widens A).
    /// Past `maxAlternatives` a union is dropped, which also only widens A.
    func alternatives(of conjuncts: [Located]) -> [[Located]] {
        var result: [[Located]] = [[]]
        for conjunct in conjuncts { result = Self.product(result, alternatives(of: conjunct, visiting: [])) }
        return result
    }

    private func alternatives(of schema: Located, visiting: Set<String>) -> [[Located]] {
        guard case .object(let object) = schema.schema else { return schema.isFalse ? [] : [[]] }
        var result: [[Located]] = [[schema]]
        if case .array(let entries)? = object["allOf"] {
            for entry in entries { result = Self.product(result, alternatives(of: schema.child(entry), visiting: visiting)) }
        }
        if let reference = object["$ref"]?.stringValue, let target = resolve(reference, from: schema) {
            let key = schema.resourceKey + "|" + reference
            if !visiting.contains(key) {
                result = Self.product(result, alternatives(of: target, visiting: visiting.union([key])))
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let options)? = object[keyword] else { continue }
            var union: [[Located]] = []
            for option in options {
                union += alternatives(of: schema.child(option), visiting: visiting)
                if union.count > Self.maxAlternatives { break }
            }
            if union.count <= Self.maxAlternatives { result = Self.product(result, union) }
        }
        return result
    }

    /// Every combination of one alternative of `x` with one of `y`; `x` alone when that grows too large.
    private static func product(_ x: [[Located]], _ y: [[Located]]) -> [[Located]] {
        guard x.count * y.count <= maxAlternatives else { return x }
        return x.flatMap { left in y.map { left + $0 } }
    }

    /// The conditions B imposes, each of which every A alternative must meet.
    func parts(of schema: Located, visiting: Set<String>) -> [Part] {
        guard case .object(let object) = schema.schema else { return schema.isFalse ? [.never] : [] }
        var parts: [Part] = [.plain(schema)]
        if case .array(let entries)? = object["allOf"] {
            for entry in entries { parts += self.parts(of: schema.child(entry), visiting: visiting) }
        }
        if let reference = object["$ref"]?.stringValue {
            let key = schema.resourceKey + "|" + reference
            if visiting.contains(key) {
                parts.append(.cycle(reference))
            } else if let target = resolve(reference, from: schema) {
                parts += self.parts(of: target, visiting: visiting.union([key]))
            } else {
                parts.append(.unresolved(reference))
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let options)? = object[keyword] else { continue }
            parts.append(.union(keyword: keyword, owner: schema, options: options.map(schema.child)))
        }
        var opaque = ["not", "$dynamicRef"].filter { object[$0] != nil }
        if object["if"] != nil && (object["then"] != nil || object["else"] != nil) { opaque.append("if") }
        if let dependent = object["dependentSchemas"]?.objectValue, !dependent.isEmpty { opaque.append("dependentSchemas") }
        if !Self.hasInPlaceApplicators(object) {
            // Without in-place applicators these read as additionalProperties / items (see `effective`).
            if object["unevaluatedItems"] != nil && object["contains"] != nil && object["items"] == nil {
                opaque.append("unevaluatedItems")
            }
        } else {
            opaque += ["unevaluatedProperties", "unevaluatedItems"].filter { object[$0] != nil && object[$0] != .bool(true) }
        }
        parts += opaque.map { .opaque(keyword: $0, owner: schema) }
        return parts
    }

    /// Keywords whose subschemas evaluate the same instance (and so affect `unevaluated*`).
    static func hasInPlaceApplicators(_ object: JSONObject) -> Bool {
        ["allOf", "anyOf", "oneOf", "not", "if", "$ref", "$dynamicRef", "dependentSchemas"].contains { object[$0] != nil }
    }

    /// `additionalProperties`, or `unevaluatedProperties` where it means the same.
    static func additionalProperties(of schema: Located) -> Located? {
        guard let object = schema.object else { return nil }
        if let additional = schema.member("additionalProperties") { return additional }
        guard !hasInPlaceApplicators(object) else { return nil }
        return schema.member("unevaluatedProperties")
    }

    /// `items`, or `unevaluatedItems` where it means the same.
    static func itemsSchema(of schema: Located) -> Located? {
        guard let object = schema.object else { return nil }
        if let items = schema.member("items") { return items }
        guard !hasInPlaceApplicators(object), object["contains"] == nil else { return nil }
        return schema.member("unevaluatedItems")
    }
}

/// The kinds of JSON values, with numbers split into integers and non-integers (`integer` ⊂ `number`).
struct InstanceKinds: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let null = InstanceKinds(rawValue: 1 << 0)
    static let boolean = InstanceKinds(rawValue: 1 << 1)
    static let integer = InstanceKinds(rawValue: 1 << 2)
    static let fraction = InstanceKinds(rawValue: 1 << 3)
    static let string = InstanceKinds(rawValue: 1 << 4)
    static let array = InstanceKinds(rawValue: 1 << 5)
    static let object = InstanceKinds(rawValue: 1 << 6)
    static let number: InstanceKinds = [.integer, .fraction]
    static let all: InstanceKinds = [.null, .boolean, .number, .string, .array, .object]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(typeName: String) {
        switch typeName {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    /// The kinds a `type` keyword allows; nil when absent or malformed.
    init?(typeKeyword: JSONValue?) {
        switch typeKeyword {
        case .string(let name)?:
            guard let kinds = InstanceKinds(typeName: name) else { return nil }
            self = kinds
        case .array(let names)?:
            var kinds: InstanceKinds = []
            for name in names {
                guard let text = name.stringValue, let kind = InstanceKinds(typeName: text) else { return nil }
                kinds.formUnion(kind)
            }
            self = kinds
        default:
            return nil
        }
    }

    /// The kind of `value` (integral numbers such as `1.0` are integers).
    init(of value: JSONValue) {
        let name = value.typeName
        self = name == "number" ? .fraction : InstanceKinds(typeName: name) ?? .null
    }

    /// Type names, e.g. `["string","null"]`; `number` covers non-integers.
    var names: [String] {
        var result: [String] = []
        if contains(.null) { result.append("null") }
        if contains(.boolean) { result.append("boolean") }
        if contains(.fraction) { result.append("number") } else if contains(.integer) { result.append("integer") }
        if contains(.string) { result.append("string") }
        if contains(.array) { result.append("array") }
        if contains(.object) { result.append("object") }
        return result
    }
}

/// What one A alternative (a conjunction of subschemas) allows, read from its keywords.
struct BranchSummary {
    let conjuncts: [SchemaCompatibility.LocatedSchema]
    let objects: [JSONObject]
    /// Kinds of values allowed by `type`, `enum` and `const` together.
    private(set) var kinds: InstanceKinds = .all
    /// The first `type` as written, for messages.
    private(set) var declaredTypes: [String]?
    /// When finite: every value that may be allowed (a superset until filtered by the conjuncts).
    var values: [JSONValue]?
    private(set) var usesEnum = false
    /// Union of the conjuncts' `required`.
    private(set) var required: [String] = []

    init(_ conjuncts: [SchemaCompatibility.LocatedSchema]) {
        self.conjuncts = conjuncts
        objects = conjuncts.compactMap(\.object)
        for object in objects {
            if let kinds = InstanceKinds(typeKeyword: object["type"]) {
                self.kinds.formIntersection(kinds)
                if declaredTypes == nil { declaredTypes = BranchSummary.typeNames(object["type"]) }
            }
            var allowed: [JSONValue]?
            if case .array(let members)? = object["enum"] {
                allowed = members
                usesEnum = true
            }
            if let constant = object["const"] { allowed = (allowed ?? [constant]).filter { $0.jsonEquals(constant) } }
            if let allowed {
                values = (values ?? allowed).filter { value in allowed.contains { $0.jsonEquals(value) } }
            }
            // A whole-number multipleOf leaves only integers.
            if let divisor = object["multipleOf"]?.intValue, divisor > 0 {
                kinds.remove(.fraction)
            }
            if case .array(let names)? = object["required"] {
                for case .string(let name) in names where !required.contains(name) { required.append(name) }
            }
        }
        if let values {
            let kinds = self.kinds
            self.values = values.filter { kinds.contains(InstanceKinds(of: $0)) }
            self.kinds = (self.values ?? []).reduce(into: InstanceKinds()) { $0.formUnion(InstanceKinds(of: $1)) }
        } else if kinds.isSubset(of: [.null, .boolean]) {
            values = (kinds.contains(.null) ? [.null] : []) + (kinds.contains(.boolean) ? [.bool(true), .bool(false)] : [])
        }
    }

    /// The type list shown for A in messages; nil for "any type".
    var typeDisplay: [String]? { declaredTypes ?? (kinds == .all ? nil : kinds.names) }

    static func typeNames(_ type: JSONValue?) -> [String] {
        switch type {
        case .string(let name)?: return [name]
        case .array(let names)?: return names.compactMap(\.stringValue)
        default: return []
        }
    }
}
