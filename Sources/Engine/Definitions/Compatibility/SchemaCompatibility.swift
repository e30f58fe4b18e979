// Backward compatibility of workflow schemas across published versions (anchor: Confluent Schema
// Registry BACKWARD/FORWARD modes). Both directions reduce to one question, "does schema B accept
// every instance schema A accepts?":
//
// - input:  A = old inputSchema,  B = new inputSchema  (callers of the old version must still be accepted);
// - output: A = new outputSchema, B = old outputSchema (the new version may only produce what was promised).
//
// The check is conservative: it reports compatibility only when it can prove it, and reports
// anything it cannot prove (a changed `pattern`, `not`, `if`/`then`/`else`, unmatched `anyOf`
// branches, ...) as a breaking change that "cannot be proven compatible".
//
// Locations are JSON pointers into the instance; `*` stands for "any array element" or "any
// property not named in `properties`".

/// One way in which a new schema breaks callers of the old one.
public struct SchemaBreakingChange: Sendable, Hashable, CustomStringConvertible {
    /// Where, as a JSON pointer into the instance shape, e.g. "/customer/email" ("" for the root).
    public let location: String
    /// What changed, readable, e.g. `property "email" became required`, `type narrowed from ["string","null"] to ["string"]`,
    /// `enum no longer allows "EUR"`, `maximum lowered from 100 to 50`, `property "note" removed while additionalProperties is false`.
    public let message: String

    /// Creates a breaking change.
    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    /// `<location>: <message>`, the root written `/`.
    public var description: String { "\(location.isEmpty ? "/" : location): \(message)" }
}

/// Checks that a new version of a workflow's schemas is backward compatible with an old one.
public enum SchemaCompatibility {
    /// Changes through which `new` rejects instances that `old` accepted (for input schemas).
    public static func inputBreakingChanges(old: JSONValue, new: JSONValue) -> [SchemaBreakingChange] {
        worded(acceptanceLosses(from: old, to: new), .input)
    }

    /// Changes through which `new` may produce instances that `old` did not allow (for output schemas);
    /// `old == nil` means no promise was made (nothing can break), `new == nil` with a non-nil old is a break ("outputSchema removed").
    public static func outputBreakingChanges(old: JSONValue?, new: JSONValue?) -> [SchemaBreakingChange] {
        guard let old else { return [] }
        guard let new else {
            // Removing the schema promises nothing; that only breaks an old promise that said something.
            guard !acceptanceLosses(from: true, to: old).isEmpty else { return [] }
            return [SchemaBreakingChange(location: "", message: Change.outputSchemaRemoved.message(.output))]
        }
        return worded(acceptanceLosses(from: new, to: old), .output)
    }

    /// Instances schema `a` accepts that schema `b` rejects, as findings below `location` (both
    /// schemas are whole documents: their `#...` references resolve within themselves).
    static func acceptanceLosses(from a: JSONValue, to b: JSONValue, at location: String = "") -> [Finding] {
        var checker = SchemaSubsetChecker()
        return checker.losses(
            [LocatedSchema(schema: a, resource: a, side: .a)], LocatedSchema(schema: b, resource: b, side: .b), at: location)
    }

    /// Findings worded for `direction`, without duplicates, ordered by location then message.
    static func worded(_ findings: [Finding], _ direction: Direction) -> [SchemaBreakingChange] {
        let changes = Set(findings.map { SchemaBreakingChange(location: $0.location, message: $0.change.message(direction)) })
        return changes.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// Which question a finding answers, which decides how it is worded.
    enum Direction: Sendable {
        /// A is the old input schema, B the new one: B rejects something callers could send.
        case input
        /// A is the new output schema, B the old one: A may produce something B did not promise.
        case output
    }

    /// One way in which schema A accepts instances that schema B rejects.
    struct Finding: Sendable, Hashable {
        /// JSON pointer into the instance ("" for the root; `*` for any element or extra property).
        let location: String
        let change: Change

        init(_ location: String, _ change: Change) {
            self.location = location
            self.change = change
        }
    }

    /// A bound as a schema states it, e.g. `exclusiveMaximum 100`.
    struct Bound: Sendable, Hashable {
        let keyword: String
        let value: JSONValue
        let exclusive: Bool
        /// Implied by other keywords (e.g. `required` implies `minProperties`): used to prove, never shown.
        var derived = false
    }

    /// The nearest alternative of a union that still rejects something, and its first finding.
    struct ClosestAlternative: Sendable, Hashable {
        /// 1-based position in the union.
        let index: Int
        let finding: Finding
    }

    /// What A accepts that B rejects; worded per direction by `message(_:)`.
    indirect enum Change: Sendable, Hashable {
        /// B is `false` here.
        case rejectsEverything
        /// B's `type` leaves out kinds of values A accepts. `from` is A's type list (nil: any type).
        case typesNarrowed(from: [String]?, to: [String], lost: [String])
        /// A value of A's enum/const that B rejects; `byEnum` when B's own enum/const leaves it out.
        case valueRejected(JSONValue, aUsesEnum: Bool, byEnum: Bool)
        /// B has `enum`/`const` where A's values are not limited to them.
        case valuesRestricted(keyword: String, values: [JSONValue])
        case becameRequired(String)
        /// A allows the property, B forbids it (through additionalProperties when not declared in B).
        case propertyForbidden(String, closedByAdditionalProperties: Bool)
        /// A allows properties B's additionalProperties: false now forbids.
        case additionalPropertiesClosed
        case becameDependentRequired(String, trigger: String)
        /// B's bound is tighter than A's (A's shown one is nil when A has none).
        case boundTightened(upper: Bool, from: Bound?, to: Bound)
        case multipleOfChanged(from: JSONValue?, to: JSONValue)
        case uniqueItemsAdded
        /// B has a keyword whose constraint A cannot be shown to satisfy (A's value, if any, and B's).
        case unprovable(keyword: String, a: JSONValue?, b: JSONValue)
        case unresolvableReference(String)
        case recursiveReference(String)
        /// No alternative of B's union accepts all of A (or of A's alternative `branch`).
        case alternativeUncovered(keyword: String, branch: Int?, closest: ClosestAlternative?)
        /// B's oneOf alternative accepts A, but may overlap another alternative (then oneOf fails).
        case alternativeMayOverlap(keyword: String, index: Int)
        case outputSchemaRemoved
        case tooDeep
    }
}
