// Wording of findings. For input A is the old schema and B the new one ("became required",
// "no longer allows"); for output A is the new schema and B the old promise ("may now produce",
// "is no longer guaranteed").

extension SchemaCompatibility.Change {
    typealias Direction = SchemaCompatibility.Direction

    /// The readable message for `direction`.
    func message(_ direction: Direction) -> String {
        let input = direction == .input
        switch self {
        case .rejectsEverything:
            return input ? "no value is accepted here any more"
                : "may now produce a value here, which the old outputSchema did not allow"
        case .typesNarrowed(let from, let to, let lost):
            if input { return "type narrowed from \(from.map(Self.list) ?? "any type") to \(Self.list(to))" }
            guard from != nil else { return "may now produce any type, where the old outputSchema allowed only \(Self.list(to))" }
            let names = Self.enumerated(lost.map { Self.show(.string($0)) })
            return "may now produce \(lost.count == 1 ? "type" : "types") \(names), which the old outputSchema did not allow"
        case .valueRejected(let value, let aUsesEnum, let byEnum):
            if input { return byEnum ? "enum no longer allows \(Self.show(value))" : "value \(Self.show(value)) is no longer accepted" }
            return aUsesEnum && byEnum ? "enum now allows \(Self.show(value))"
                : "may now produce \(Self.show(value)), which the old outputSchema did not allow"
        case .valuesRestricted(let keyword, let values):
            let shown = keyword == "const" ? values.first.map(Self.show) ?? "" : Self.shortList(values)
            if input { return keyword == "const" ? "value now restricted to const \(shown)" : "values now restricted to enum \(shown)" }
            return keyword == "const" ? "may now produce values other than const \(shown), which the old outputSchema did not allow"
                : "may now produce values outside enum \(shown), which the old outputSchema did not allow"
        case .becameRequired(let name):
            return input ? "property \(Self.show(.string(name))) became required"
                : "property \(Self.show(.string(name))) is no longer guaranteed (no longer required)"
        case .propertyForbidden(let name, let closed):
            let property = Self.show(.string(name))
            if !input { return "may now produce property \(property), which the old outputSchema did not allow" }
            return closed ? "property \(property) removed while additionalProperties is false" : "property \(property) is no longer allowed"
        case .additionalPropertiesClosed:
            return input ? "additional properties are no longer allowed (additionalProperties is false)"
                : "may now produce additional properties, which the old outputSchema did not allow"
        case .becameDependentRequired(let name, let trigger):
            let (property, when) = (Self.show(.string(name)), Self.show(.string(trigger)))
            return input ? "property \(property) became required when \(when) is present"
                : "property \(property) is no longer guaranteed when \(when) is present"
        case .boundTightened(let upper, let from, let to):
            return Self.boundMessage(upper: upper, a: from, b: to, input: input)
        case .multipleOfChanged(let from, let to):
            guard let from else {
                return input ? "multipleOf \(Self.show(to)) added" : "multipleOf \(Self.show(to)) is no longer guaranteed (removed)"
            }
            let (old, new) = input ? (from, to) : (to, from)
            return "multipleOf changed from \(Self.show(old)) to \(Self.show(new))"
        case .uniqueItemsAdded:
            return input ? "uniqueItems added" : "items are no longer guaranteed unique (uniqueItems removed)"
        case .unprovable(let keyword, let a, let b):
            return Self.unprovableMessage(keyword: keyword, a: a, b: b, input: input)
        case .unresolvableReference(let reference):
            return "$ref \(Self.show(.string(reference))) cannot be resolved here; cannot be proven compatible"
        case .recursiveReference(let reference):
            return "$ref \(Self.show(.string(reference))) recurses without descending into the value; cannot be proven compatible"
        case .alternativeUncovered(let keyword, let branch, let closest):
            return Self.uncoveredMessage(keyword: keyword, branch: branch, closest: closest, direction: direction)
        case .alternativeMayOverlap(let keyword, let index):
            return input
                ? "\(keyword): new alternative \(index) accepts these values but may overlap another alternative; cannot be proven compatible"
                : "\(keyword): old alternative \(index) allowed these values but may overlap another alternative; cannot be proven compatible"
        case .outputSchemaRemoved:
            return "outputSchema removed; nothing is promised about the output any more"
        case .tooDeep:
            return "schemas nest too deeply to compare; cannot be proven compatible"
        }
    }

    private static func boundMessage(upper: Bool, a: SchemaCompatibility.Bound?, b: SchemaCompatibility.Bound, input: Bool) -> String {
        guard let a else {
            return input ? "\(b.keyword) \(show(b.value)) added" : "\(b.keyword) \(show(b.value)) is no longer guaranteed (removed)"
        }
        // Input reads old (A) → new (B); output reads old (B) → new (A).
        let (old, new) = input ? (a, b) : (b, a)
        let tightened = input
        if old.keyword == new.keyword {
            let verb = upper == tightened ? "lowered" : "raised"
            return "\(old.keyword) \(verb) from \(show(old.value)) to \(show(new.value))"
        }
        return "\(upper ? "upper" : "lower") bound \(tightened ? "tightened" : "loosened") from "
            + "\(old.keyword) \(show(old.value)) to \(new.keyword) \(show(new.value))"
    }

    private static func unprovableMessage(keyword: String, a: JSONValue?, b: JSONValue, input: Bool) -> String {
        let name = keyword == "if" ? "if/then/else" : keyword
        guard let a else {
            return input ? "\(name)\(inline(b)) added; cannot be proven compatible" : "\(name)\(inline(b)) is no longer guaranteed (removed)"
        }
        let (old, new) = input ? (a, b) : (b, a)
        let values = isScalar(old) && isScalar(new) ? " from \(show(old)) to \(show(new))" : ""
        return "\(name) changed\(values); cannot be proven compatible"
    }

    private static func uncoveredMessage(
        keyword: String, branch: Int?, closest: SchemaCompatibility.ClosestAlternative?, direction: Direction
    ) -> String {
        let input = direction == .input
        let subject: String
        switch (input, branch) {
        case (true, nil): subject = "no new alternative accepts everything the old schema accepted"
        case (true, let branch?): subject = "old alternative \(branch) is not accepted by any new alternative"
        case (false, nil): subject = "the new schema may produce values that no alternative of the old outputSchema allowed"
        case (false, let branch?): subject = "new alternative \(branch) may produce values that no old alternative allowed"
        }
        var text = "\(keyword): \(subject); cannot be proven compatible"
        if let closest {
            let location = closest.finding.location.isEmpty ? "/" : closest.finding.location
            text += " (closest, \(input ? "new" : "old") alternative \(closest.index): "
                + "\(location): \(closest.finding.change.message(direction)))"
        }
        return text
    }

    /// ` "value"` for scalars worth showing, "" for schemas.
    private static func inline(_ value: JSONValue) -> String { isScalar(value) ? " \(show(value))" : "" }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    /// Compact JSON, e.g. `"EUR"`, `100`, `["string","null"]`.
    static func show(_ value: JSONValue) -> String { value.serialized(sortedKeys: true) }

    static func list(_ names: [String]) -> String { show(.array(names.map { .string($0) })) }

    /// At most eight values, then `…`.
    private static func shortList(_ values: [JSONValue]) -> String {
        let limit = 8
        guard values.count > limit else { return show(.array(values)) }
        return "[" + values.prefix(limit).map(show).joined(separator: ",") + ",…]"
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func enumerated(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
