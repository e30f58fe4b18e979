// Keyword rules for arrays (items, prefixItems, counts, uniqueItems, contains) and objects
// (required, properties, patternProperties, additionalProperties, counts, propertyNames).

extension SchemaSubsetChecker {
    // MARK: Arrays

    mutating func arrayLosses(_ a: BranchSummary, _ part: Located, at location: String) -> [Finding] {
        guard let b = part.object else { return [] }
        var maxima = Self.countBounds("maxItems", in: a.objects)
        // A closed tuple (`items: false` after `prefixItems`) caps the length.
        for conjunct in a.conjuncts where Self.itemsSchema(of: conjunct)?.isFalse == true {
            let count = Int64(conjunct.object?["prefixItems"]?.arrayValue?.count ?? 0)
            maxima.append(Bound(keyword: "maxItems", value: .int(count), exclusive: false, derived: true))
        }
        var findings = Self.countLosses("minItems", upper: false, a: Self.countBounds("minItems", in: a.objects), b: b, at: location)
        findings += Self.countLosses("maxItems", upper: true, a: maxima, b: b, at: location)
        let longest = maxima.compactMap(\.value.intValue).min()
        if b["uniqueItems"] == .bool(true), !a.objects.contains(where: { $0["uniqueItems"] == .bool(true) }), (longest ?? 2) > 1 {
            findings.append(Finding(location, .uniqueItemsAdded))
        }
        // Each prefixItems position of either side, then every later element ("*").
        let prefixLength = ([part] + a.conjuncts).map { $0.object?["prefixItems"]?.arrayValue?.count ?? 0 }.max() ?? 0
        for position in 0...prefixLength {
            if let longest, Int64(position) >= longest { break }
            let aItems = a.conjuncts.compactMap { Self.itemSchema(of: $0, at: position) }
            if aItems.contains(where: \.isFalse) { break }
            guard let bItem = Self.itemSchema(of: part, at: position) else { continue }
            findings += losses(aItems, bItem, at: location + "/" + (position == prefixLength ? "*" : String(position)))
        }
        findings += containsLosses(a, part, at: location)
        return findings
    }

    static func itemSchema(of schema: Located, at position: Int) -> Located? {
        if case .array(let prefix)? = schema.object?["prefixItems"], position < prefix.count { return schema.child(prefix[position]) }
        return itemsSchema(of: schema)
    }

    private mutating func containsLosses(_ a: BranchSummary, _ part: Located, at location: String) -> [Finding] {
        guard var b = part.object, let contains = part.member("contains") else { return [] }
        b["minContains"] = b["minContains"] ?? .int(1)
        let minimum = b["minContains"]?.intValue ?? 1
        if minimum == 0 && b["maxContains"] == nil { return [] }
        for conjunct in a.conjuncts where sameKeyword("contains", conjunct, part) {
            let own = conjunct.object ?? JSONObject()
            let minima = [Bound(keyword: "minContains", value: own["minContains"] ?? .int(1), exclusive: false)]
            return Self.countLosses("minContains", upper: false, a: minima, b: b, at: location)
                + Self.countLosses("maxContains", upper: true, a: Self.countBounds("maxContains", in: [own]), b: b, at: location)
        }
        if b["maxContains"] == nil {
            // Enough elements matching A's contains also match B's when A's contains ⊆ B's.
            for conjunct in a.conjuncts {
                guard let own = conjunct.member("contains"), (conjunct.object?["minContains"]?.intValue ?? 1) >= minimum else { continue }
                if losses([own], contains, at: location + "/*").isEmpty { return [] }
            }
        }
        let aContains = a.objects.lazy.compactMap { $0["contains"] }.first
        return [Finding(location, .unprovable(keyword: "contains", a: aContains, b: contains.schema))]
    }

    // MARK: Objects

    mutating func objectLosses(_ a: BranchSummary, _ part: Located, at location: String) -> [Finding] {
        guard let b = part.object else { return [] }
        var findings: [Finding] = []
        let at = { (name: String) in location + "/" + JSONPointer.escape(name) }
        for case .string(let name) in b["required"]?.arrayValue ?? [] where !a.required.contains(name) {
            findings.append(Finding(at(name), .becameRequired(name)))
        }
        for (trigger, names) in b["dependentRequired"]?.objectValue ?? JSONObject() where !forbids(a, trigger) {
            for case .string(let name) in names.arrayValue ?? [] where !a.required.contains(name) {
                let promised = a.objects.contains { $0["dependentRequired"]?[trigger]?.arrayValue?.contains(.string(name)) == true }
                if !promised { findings.append(Finding(at(name), .becameDependentRequired(name, trigger: trigger))) }
            }
        }
        let closed = closedNames(a)
        var minima = Self.countBounds("minProperties", in: a.objects)
        minima.append(Bound(keyword: "minProperties", value: .int(Int64(a.required.count)), exclusive: false, derived: true))
        var maxima = Self.countBounds("maxProperties", in: a.objects)
        if let closed { maxima.append(Bound(keyword: "maxProperties", value: .int(Int64(closed.count)), exclusive: false, derived: true)) }
        findings += Self.countLosses("minProperties", upper: false, a: minima, b: b, at: location)
        findings += Self.countLosses("maxProperties", upper: true, a: maxima, b: b, at: location)
        findings += propertyNamesLosses(a, part, closed: closed, at: location)
        findings += propertyLosses(a, part, closed: closed, at: location)
        return findings
    }

    private mutating func propertyLosses(_ a: BranchSummary, _ part: Located, closed: [String]?, at location: String) -> [Finding] {
        guard let b = part.object else { return [] }
        var findings: [Finding] = []
        // Every property either side names.
        var names: [String] = []
        for object in [b] + a.objects {
            for name in object["properties"]?.objectValue?.keys ?? [] where !names.contains(name) { names.append(name) }
        }
        for name in names where !forbids(a, name) {
            let here = location + "/" + JSONPointer.escape(name)
            let (constraints, closedByAdditional) = propertyConstraints(of: part, name)
            if constraints.contains(where: \.isFalse) {
                findings.append(Finding(here, .propertyForbidden(name, closedByAdditionalProperties: closedByAdditional)))
                continue
            }
            let own = a.conjuncts.compactMap { propertySchema(of: $0, name) }
            for constraint in constraints { findings += losses(own, constraint, at: here) }
        }
        guard closed == nil else { return findings }
        // Properties neither side names: what A allows through patterns / additionalProperties.
        let patterns = b["patternProperties"]?.objectValue ?? JSONObject()
        for (pattern, schema) in patterns where schema != .bool(true) {
            let target = part.child(schema)
            let same = a.conjuncts.compactMap { conjunct in conjunct.object?["patternProperties"]?[pattern].map(conjunct.child) }
            findings += same.isEmpty
                ? extraLosses(a, excluding: [], target, closes: false, at: location)
                : losses(same, target, at: location + "/*")
        }
        if let additional = Self.additionalProperties(of: part), additional.schema != .bool(true) {
            findings += extraLosses(a, excluding: patterns.keys, additional, closes: true, at: location)
        }
        return findings
    }

    /// Every schema B applies to property `name` (when unsure whether a pattern matches, both it
    /// and additionalProperties), and whether a `false` among them is additionalProperties.
    private mutating func propertyConstraints(of schema: Located, _ name: String) -> ([Located], closedByAdditional: Bool) {
        guard let object = schema.object else { return ([], false) }
        var constraints: [Located] = []
        let declared = object["properties"]?[name]
        if let declared { constraints.append(schema.child(declared)) }
        var matched = false
        for (pattern, subschema) in object["patternProperties"]?.objectValue ?? JSONObject() {
            let match = matches(pattern, name)
            if match != false { constraints.append(schema.child(subschema)) }
            if match == true { matched = true }
        }
        guard declared == nil, !matched, let additional = Self.additionalProperties(of: schema) else { return (constraints, false) }
        let closes = additional.isFalse && !constraints.contains(where: \.isFalse)
        return (constraints + [additional], closes)
    }

    /// Names A leaves to its additionalProperties/patternProperties (patterns in `excluding` aside)
    /// against `target`; proven when one conjunct's options all fit, reported from the first otherwise.
    private mutating func extraLosses(
        _ a: BranchSummary, excluding: [String], _ target: Located, closes: Bool, at location: String
    ) -> [Finding] {
        let optionSets: [[Located?]] = a.conjuncts.isEmpty ? [[nil]] : a.conjuncts.map { conjunct in
            var options: [Located?] = [Self.additionalProperties(of: conjunct)]
            for (pattern, schema) in conjunct.object?["patternProperties"]?.objectValue ?? JSONObject()
            where !excluding.contains(pattern) {
                options.append(conjunct.child(schema))
            }
            return options
        }
        var reported: [Finding]?
        for options in optionSets {
            var found: [Finding] = []
            for option in options {
                if closes && target.isFalse {
                    if option?.isFalse != true { found.append(Finding(location, .additionalPropertiesClosed)) }
                } else {
                    found += losses(option.map { [$0] } ?? [], target, at: location + "/*")
                }
            }
            if found.isEmpty { return [] }
            reported = reported ?? found
        }
        return Self.ordered(reported ?? [])
    }

    private mutating func propertyNamesLosses(_ a: BranchSummary, _ part: Located, closed: [String]?, at location: String) -> [Finding] {
        guard let names = part.member("propertyNames"), names.schema != .bool(true) else { return [] }
        if a.conjuncts.contains(where: { sameKeyword("propertyNames", $0, part) }) { return [] }
        if let closed, let validator = validator(for: names, strippingComposites: false, assertingFormats: true) {
            return closed.filter { !validator.isValid(.string($0)) }.map {
                Finding(location + "/" + JSONPointer.escape($0), .propertyForbidden($0, closedByAdditionalProperties: false))
            }
        }
        for conjunct in a.conjuncts {
            if let own = conjunct.member("propertyNames"), losses([own], names, at: location).isEmpty { return [] }
        }
        let aNames = a.objects.lazy.compactMap { $0["propertyNames"] }.first
        return [Finding(location, .unprovable(keyword: "propertyNames", a: aNames, b: names.schema))]
    }
}
