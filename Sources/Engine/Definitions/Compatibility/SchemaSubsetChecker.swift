// The core of `SchemaCompatibility`: "which instances does schema A accept that schema B rejects?"
//
// A is split into alternatives (its `anyOf`/`oneOf`, through `allOf` and `$ref`), each a
// conjunction of subschemas. B is split into parts that must each hold: its own keywords, every
// `allOf` entry and `$ref` target, its unions and the keywords this check cannot reason about.
// Every A alternative must satisfy every B part.
//
// Soundness rests on two rules: A may only ever be over-approximated (dropping a constraint of A
// is safe), and B may only ever be under-approximated (a B constraint is either checked or
// reported). Recursive `$ref`s are assumed compatible when met again deeper in the instance
// (instances are finite, so this is induction on their depth); met again at the same place they
// are reported.

extension SchemaCompatibility {
    /// Which schema a subschema belongs to (keeps per-document caches apart).
    enum Side: Sendable, Hashable {
        case a, b
    }

    /// A subschema together with the schema resource its `#...` references resolve against.
    struct LocatedSchema: Sendable {
        let schema: JSONValue
        /// The innermost enclosing schema with `$id`, or the document.
        let resource: JSONValue
        let side: Side

        var object: JSONObject? { schema.objectValue }

        /// `value`, found inside this subschema; a subschema with its own `$id` starts a new resource.
        func child(_ value: JSONValue) -> LocatedSchema {
            if value["$id"]?.stringValue != nil { return LocatedSchema(schema: value, resource: value, side: side) }
            return LocatedSchema(schema: value, resource: resource, side: side)
        }

        /// The subschema under `keyword`, if present.
        func member(_ keyword: String) -> LocatedSchema? { schema[keyword].map(child) }

        /// Identifies the resource within its document.
        var resourceKey: String { "\(side)|" + (resource["$id"]?.stringValue ?? "") }

        var isFalse: Bool { schema == .bool(false) }
    }
}

/// Walks two schemas to find what the first accepts and the second rejects. Holds caches and the
/// recursion guard, so use one per comparison.
struct SchemaSubsetChecker {
    typealias Located = SchemaCompatibility.LocatedSchema
    typealias Finding = SchemaCompatibility.Finding

    /// One condition B imposes.
    enum Part {
        case never
        /// B's own validation keywords (properties, bounds, ...).
        case plain(Located)
        /// `anyOf`/`oneOf` of `owner`.
        case union(keyword: String, owner: Located, options: [Located])
        /// A keyword only matched by an identical one in A (`not`, `if`, `dependentSchemas`, ...).
        case opaque(keyword: String, owner: Located)
        case unresolved(String)
        case cycle(String)
    }

    private struct GuardKey: Hashable {
        let a: [JSONValue]
        let aResources: [String]
        let b: JSONValue
        let bResource: String
        let expanded: Bool
    }

    static let maxDepth = 64
    static let maxAlternatives = 64

    private var depth = 0
    private var inProgress: [GuardKey: String] = [:]
    var validators: [ValidatorKey: JSONSchema?] = [:]
    var patternMatchers: [String: JSONSchema?] = [:]

    /// What the conjunction `a` accepts that `b` rejects, at instance location `location`.
    mutating func losses(_ a: [Located], _ b: Located, at location: String) -> [Finding] {
        guarded(a, b, expanded: false, at: location) { checker in
            checker.compare(checker.alternatives(of: a), b, at: location)
        }
    }

    /// Like `losses`, for a conjunction that is already one alternative (its unions are not split again).
    mutating func losses(alternative: [Located], _ b: Located, at location: String) -> [Finding] {
        guarded(alternative, b, expanded: true, at: location) { checker in
            checker.compare([alternative], b, at: location)
        }
    }

    private mutating func guarded(
        _ a: [Located], _ b: Located, expanded: Bool, at location: String, _ body: (inout SchemaSubsetChecker) -> [Finding]
    ) -> [Finding] {
        if b.schema == .bool(true) || a.contains(where: \.isFalse) { return [] }
        if a.contains(where: { identical($0, b) }) { return [] }
        guard depth < Self.maxDepth else { return [Finding(location, .tooDeep)] }
        var key: GuardKey?
        let referencing = { (s: Located) in s.object?["$ref"] != nil || s.object?["$dynamicRef"] != nil }
        if referencing(b) || a.contains(where: referencing) {
            let newKey = GuardKey(
                a: a.map(\.schema), aResources: a.map(\.resourceKey), b: b.schema, bResource: b.resourceKey, expanded: expanded)
            if let started = inProgress[newKey] {
                // Deeper in the instance: assume (induction on instance depth). Same place: a loop.
                guard started == location else { return [] }
                let reference = b.object?["$ref"]?.stringValue ?? a.lazy.compactMap { $0.object?["$ref"]?.stringValue }.first ?? "#"
                return [Finding(location, .recursiveReference(reference))]
            }
            inProgress[newKey] = location
            key = newKey
        }
        depth += 1
        let found = body(&self)
        depth -= 1
        if let key { inProgress[key] = nil }
        return found
    }

    private mutating func compare(_ alternatives: [[Located]], _ b: Located, at location: String) -> [Finding] {
        let parts = parts(of: b, visiting: [])
        guard !parts.isEmpty else { return [] }
        var findings: [Finding] = []
        for (index, alternative) in alternatives.enumerated() {
            var summary = BranchSummary(alternative)
            guard !summary.kinds.isEmpty else { continue }
            if let values = summary.values { summary.values = values.filter { accepted($0, by: alternative) } }
            if summary.values?.isEmpty == true { continue }
            let label = alternatives.count > 1 ? index + 1 : nil
            for part in parts {
                findings += check(part, alternative: alternative, summary, label: label, at: location)
            }
        }
        return Self.ordered(findings)
    }

    private mutating func check(
        _ part: Part, alternative: [Located], _ summary: BranchSummary, label: Int?, at location: String
    ) -> [Finding] {
        switch part {
        case .never:
            return [Finding(location, .rejectsEverything)]
        case .plain(let schema):
            return keywordLosses(summary, schema, at: location)
        case .union(let keyword, let owner, let options):
            return unionLosses(keyword, owner: owner, options: options, alternative: alternative, summary, label: label, at: location)
        case .opaque(let keyword, let owner):
            return opaqueLosses(keyword, owner: owner, alternative: alternative, at: location)
        case .unresolved(let reference):
            return [Finding(location, .unresolvableReference(reference))]
        case .cycle(let reference):
            return [Finding(location, .recursiveReference(reference))]
        }
    }

    private mutating func unionLosses(
        _ keyword: String, owner: Located, options: [Located], alternative: [Located], _ summary: BranchSummary, label: Int?,
        at location: String
    ) -> [Finding] {
        if alternative.contains(where: { identical($0, owner) || sameKeyword(keyword, $0, owner) }) { return [] }
        var closest: (index: Int, findings: [Finding])?
        switch cover(alternative, keyword, options, at: location, closest: &closest) {
        case .covered: return []
        case .overlapping(let index): return [Finding(location, .alternativeMayOverlap(keyword: keyword, index: index + 1))]
        case .uncovered: break
        }
        // A covered kind by kind (`["string","integer"]` by `anyOf: [string, integer]`) is covered too.
        let kinds = summary.kinds.names
        if kinds.count > 1 {
            var ignored: (index: Int, findings: [Finding])?
            let covered = kinds.allSatisfy { name in
                let restricted = alternative + [Located(schema: ["type": .string(name)], resource: .null, side: .a)]
                return cover(restricted, keyword, options, at: location, closest: &ignored) == .covered
            }
            if covered { return [] }
        }
        let nearest = closest.flatMap { match in
            match.findings.first.map { SchemaCompatibility.ClosestAlternative(index: match.index + 1, finding: $0) }
        }
        return [Finding(location, .alternativeUncovered(keyword: keyword, branch: label, closest: nearest))]
    }

    private enum Cover: Equatable {
        case covered, overlapping(Int), uncovered
    }

    /// Whether one option accepts all of `alternative` (for oneOf: and no other option can match
    /// too); otherwise records the option with the fewest findings in `closest`.
    private mutating func cover(
        _ alternative: [Located], _ keyword: String, _ options: [Located], at location: String,
        closest: inout (index: Int, findings: [Finding])?
    ) -> Cover {
        for (index, option) in options.enumerated() {
            let found = losses(alternative: alternative, option, at: location)
            guard found.isEmpty else {
                if closest.map({ found.count < $0.findings.count }) ?? true { closest = (index, found) }
                continue
            }
            // oneOf also fails when another option matches: each other option must be disjoint from
            // this one or from A's alternative.
            let exclusive = keyword == "anyOf" || options.indices.allSatisfy { other in
                other == index || provablyDisjoint(option, options[other]) || provablyDisjoint(alternative, options[other])
            }
            return exclusive ? .covered : .overlapping(index)
        }
        return .uncovered
    }

    private mutating func opaqueLosses(_ keyword: String, owner: Located, alternative: [Located], at location: String) -> [Finding] {
        if alternative.contains(where: { identical($0, owner) }) { return [] }
        // unevaluated* and $dynamicRef depend on their surroundings: only a whole identical schema proves them.
        let contextFree = ["not", "if", "dependentSchemas"].contains(keyword)
        if contextFree && alternative.contains(where: { sameKeyword(keyword, $0, owner) }) { return [] }
        if keyword == "not", let excluded = owner.member("not") {
            // A ⊆ not(N_A) ⊆ not(N_B) when N_B ⊆ N_A.
            for conjunct in alternative {
                if let aExcluded = conjunct.member("not"), losses([excluded], aExcluded, at: location).isEmpty { return [] }
            }
        }
        let bValue = Self.keywordValue(keyword, owner.schema) ?? .bool(true)
        let aValue = alternative.lazy.compactMap { Self.keywordValue(keyword, $0.schema) }.first
        return [Finding(location, .unprovable(keyword: keyword, a: aValue, b: bValue))]
    }

    /// The value of `keyword` in `schema`; for `if` the `if`/`then`/`else` triple.
    static func keywordValue(_ keyword: String, _ schema: JSONValue) -> JSONValue? {
        guard keyword == "if" else { return schema[keyword] }
        guard let condition = schema["if"] else { return nil }
        var triple: JSONObject = ["if": condition]
        triple["then"] = schema["then"]
        triple["else"] = schema["else"]
        return .object(triple)
    }

    /// True when both subschemas have the same value for `keyword`, with references resolving alike.
    mutating func sameKeyword(_ keyword: String, _ a: Located, _ b: Located) -> Bool {
        guard let x = Self.keywordValue(keyword, a.schema), let y = Self.keywordValue(keyword, b.schema) else { return false }
        return identicalValues(x, within: a, y, within: b)
    }

    /// Findings without duplicates, ordered by location, then by their input wording.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        return Set(findings).sorted {
            ($0.location, $0.change.message(.input)) < ($1.location, $1.change.message(.input))
        }
    }
}
