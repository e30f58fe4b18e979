// Spec §5.3.2 "Field Selection Merging": if multiple field selections with the same response
// names are encountered during execution, the field and arguments to execute and the
// resulting value should be unambiguous. Therefore any two field selections which might both
// be encountered for the same object are only valid if they are equivalent.

/// Reports pairs of same-named fields that cannot be merged: different fields, different
/// arguments, conflicting return types, or conflicting subfields (graphql-js 16 algorithm,
/// with the fields of each selection set collected once and each fragment pair compared once).
struct OverlappingFieldsCanBeMergedRule: ASTVisitor {
    let context: ValidationContext
    private let finder: OverlapFinder

    init(context: ValidationContext) {
        self.context = context
        self.finder = OverlapFinder(context: context)
    }

    mutating func enter(_ node: SelectionSetNode) -> VisitAction {
        let conflicts = finder.findConflictsWithinSelectionSet(context.typeInfo.parentType, node)
        for conflict in conflicts {
            context.report(
                "Fields \"\(conflict.reason.responseName)\" conflict because \(conflict.reason.message.text)."
                    + " Use different aliases on the fields to fetch both if this was intentional.",
                at: (conflict.fields1 + conflict.fields2).map(\.loc))
        }
        return .continue
    }
}

/// Why two fields conflict: a sentence, or the conflicts between their subfields.
indirect enum ConflictMessage {
    case text(String)
    case subfields([ConflictReason])

    var text: String {
        switch self {
        case .text(let text): text
        case .subfields(let reasons):
            reasons.map { "subfields \"\($0.responseName)\" conflict because " + $0.message.text }
                .joined(separator: " and ")
        }
    }
}

/// The response name two fields share and why they cannot be merged.
struct ConflictReason {
    var responseName: String
    var message: ConflictMessage
}

/// A conflict with the field nodes on each side.
struct FieldConflict {
    var reason: ConflictReason
    var fields1: [FieldNode]
    var fields2: [FieldNode]
}

/// A field selection with the type it was selected on and its definition there, if any.
struct FieldAndDefinition {
    var parentType: GraphQLNamedType?
    var node: FieldNode
    var definition: GraphQLField?
}

/// The fields of a selection set by response name (inline fragments included, in order),
/// and the names of the fragments it spreads.
struct FieldsAndFragmentNames {
    /// Identifies the selection set the fields were collected from.
    var key: Location
    var responseNames: [String] = []
    var fields: [String: [FieldAndDefinition]] = [:]
    var fragmentNames: [String] = []

    mutating func append(_ responseName: String, _ field: FieldAndDefinition) {
        if fields[responseName] == nil { responseNames.append(responseName) }
        fields[responseName, default: []].append(field)
    }
}

/// Fragment pairs already compared, remembering whether they were compared as mutually exclusive.
struct FragmentPairSet {
    private var data: [String: [String: Bool]] = [:]

    func contains(_ a: String, _ b: String, mutuallyExclusive: Bool) -> Bool {
        let (key1, key2) = a < b ? (a, b) : (b, a)
        guard let result = data[key1]?[key2] else { return false }
        return mutuallyExclusive ? true : result == mutuallyExclusive
    }

    mutating func insert(_ a: String, _ b: String, mutuallyExclusive: Bool) {
        let (key1, key2) = a < b ? (a, b) : (b, a)
        data[key1, default: [:]][key2] = mutuallyExclusive
    }
}
