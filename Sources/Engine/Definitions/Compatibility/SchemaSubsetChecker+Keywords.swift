// Keyword rules for one B part against one A alternative: type, enum/const, numbers, strings.
// Arrays and objects are in SchemaSubsetChecker+Structures.swift.

extension SchemaSubsetChecker {
    typealias Bound = SchemaCompatibility.Bound

    /// What `a` allows that the validation keywords of `part` reject.
    mutating func keywordLosses(_ a: BranchSummary, _ part: Located, at location: String) -> [Finding] {
        guard case .object(let b) = part.schema else { return [] }
        var findings: [Finding] = []
        var live = a.kinds
        if let allowed = InstanceKinds(typeKeyword: b["type"]) {
            let lost = a.kinds.subtracting(allowed)
            if !lost.isEmpty {
                findings.append(Finding(location, .typesNarrowed(
                    from: a.typeDisplay, to: BranchSummary.typeNames(b["type"]), lost: lost.names)))
            }
            live.formIntersection(allowed)
        }
        guard !live.isEmpty else { return findings }

        // A finite A is checked value by value, exactly, by the validator.
        if let values = a.values, let validator = validator(for: part, strippingComposites: true, assertingFormats: true) {
            for value in values where live.contains(InstanceKinds(of: value)) && !validator.isValid(value) {
                let byEnum = Self.enumExcludes(b, value)
                findings.append(Finding(location, .valueRejected(value, aUsesEnum: a.usesEnum, byEnum: byEnum)))
            }
            return findings
        }
        if case .array(let members)? = b["enum"] {
            findings.append(Finding(location, .valuesRestricted(keyword: "enum", values: members)))
        }
        if let constant = b["const"] {
            findings.append(Finding(location, .valuesRestricted(keyword: "const", values: [constant])))
        }
        if !live.isDisjoint(with: .number) {
            findings += numberLosses(a, b, integersOnly: live.intersection(.number) == .integer, at: location)
        }
        if live.contains(.string) { findings += stringLosses(a, b, at: location) }
        if live.contains(.array) { findings += arrayLosses(a, part, at: location) }
        if live.contains(.object) { findings += objectLosses(a, part, at: location) }
        return findings
    }

    /// True when `schema`'s own enum/const leaves `value` out.
    private static func enumExcludes(_ schema: JSONObject, _ value: JSONValue) -> Bool {
        if case .array(let members)? = schema["enum"], !members.contains(where: { $0.jsonEquals(value) }) { return true }
        if let constant = schema["const"], !constant.jsonEquals(value) { return true }
        return false
    }

    // MARK: Numbers

    private func numberLosses(_ a: BranchSummary, _ b: JSONObject, integersOnly: Bool, at location: String) -> [Finding] {
        var findings: [Finding] = []
        for upper in [false, true] {
            let aBounds = a.objects.flatMap { Self.numericBounds($0, upper: upper) }
            for bound in Self.numericBounds(b, upper: upper)
            where !aBounds.contains(where: { Self.implies($0, bound, upper: upper, integers: integersOnly) }) {
                let shown = Self.tightest(aBounds, upper: upper, integers: integersOnly)
                findings.append(Finding(location, .boundTightened(upper: upper, from: shown, to: bound)))
            }
        }
        if let divisor = b["multipleOf"], divisor.isNumber {
            let multiples = a.objects.compactMap { $0["multipleOf"] }.filter(\.isNumber)
            let proven = (integersOnly && SchemaEvaluator.isMultiple(.int(1), of: divisor))
                || multiples.contains { SchemaEvaluator.isMultiple($0, of: divisor) }
            if !proven { findings.append(Finding(location, .multipleOfChanged(from: multiples.first, to: divisor))) }
        }
        return findings
    }

    private static func numericBounds(_ object: JSONObject, upper: Bool) -> [Bound] {
        let (inclusive, exclusive) = upper ? ("maximum", "exclusiveMaximum") : ("minimum", "exclusiveMinimum")
        var bounds: [Bound] = []
        if let value = object[inclusive], value.isNumber { bounds.append(Bound(keyword: inclusive, value: value, exclusive: false)) }
        if let value = object[exclusive], value.isNumber { bounds.append(Bound(keyword: exclusive, value: value, exclusive: true)) }
        return bounds
    }

    /// True when every value within `a` is within `b` (integers only: bounds compare as whole numbers).
    static func implies(_ a: Bound, _ b: Bound, upper: Bool, integers: Bool) -> Bool {
        let (x, y) = integers ? (wholeNumberBound(a, upper: upper), wholeNumberBound(b, upper: upper)) : (a, b)
        let order = SchemaEvaluator.compare(x.value, y.value)
        let tighter = upper ? order < 0 : order > 0
        return tighter || (order == 0 && (x.exclusive || !y.exclusive))
    }

    /// The same bound on integers, made inclusive: `> 2.5` and `> 2` become `>= 3`.
    private static func wholeNumberBound(_ bound: Bound, upper: Bool) -> Bound {
        let step: Int64 = upper ? -1 : 1
        switch bound.value {
        case .int(let value):
            guard bound.exclusive else { return bound }
            let (moved, overflow) = value.addingReportingOverflow(step)
            return overflow ? bound : Bound(keyword: bound.keyword, value: .int(moved), exclusive: false)
        case .double(let value) where value.isFinite:
            let rounded = value.rounded(upper ? .down : .up)
            let whole = bound.exclusive && rounded == value ? rounded + Double(step) : rounded
            return Bound(keyword: bound.keyword, value: .double(whole), exclusive: false)
        default:
            return bound
        }
    }

    /// The strictest shown (non-derived) bound, for messages.
    static func tightest(_ bounds: [Bound], upper: Bool, integers: Bool) -> Bound? {
        let shown = bounds.filter { !$0.derived }
        return shown.first { candidate in shown.allSatisfy { implies(candidate, $0, upper: upper, integers: integers) } }
            ?? shown.first
    }

    // MARK: Counts (lengths, items, properties)

    /// Findings for B's `keyword` (a count bound such as `maxLength`) that no bound of A implies.
    static func countLosses(_ keyword: String, upper: Bool, a: [Bound], b: JSONObject, at location: String) -> [Finding] {
        guard let value = b[keyword], value.isNumber else { return [] }
        let bound = Bound(keyword: keyword, value: value, exclusive: false)
        if !upper && SchemaEvaluator.compare(value, .int(0)) <= 0 { return [] }
        if a.contains(where: { implies($0, bound, upper: upper, integers: true) }) { return [] }
        return [Finding(location, .boundTightened(upper: upper, from: tightest(a, upper: upper, integers: true), to: bound))]
    }

    /// A's `keyword` values as bounds.
    static func countBounds(_ keyword: String, in objects: [JSONObject]) -> [Bound] {
        objects.compactMap { object in
            object[keyword].flatMap { $0.isNumber ? Bound(keyword: keyword, value: $0, exclusive: false) : nil }
        }
    }

    // MARK: Strings

    private func stringLosses(_ a: BranchSummary, _ b: JSONObject, at location: String) -> [Finding] {
        var findings = Self.countLosses("minLength", upper: false, a: Self.countBounds("minLength", in: a.objects), b: b, at: location)
        findings += Self.countLosses("maxLength", upper: true, a: Self.countBounds("maxLength", in: a.objects), b: b, at: location)
        // Regular expressions and formats cannot be compared; only the same one is proof.
        for keyword in ["pattern", "format"] {
            guard let required = b[keyword] else { continue }
            let present = a.objects.compactMap { $0[keyword] }
            if !present.contains(required) {
                findings.append(Finding(location, .unprovable(keyword: keyword, a: present.first, b: required)))
            }
        }
        return findings
    }
}
