import GraphQLCore

/// Limits that keep a hostile or careless query from exhausting the server: selection depth and
/// the number of fields selected (after expanding fragments). Checked after validation, before
/// execution; a query over a limit is rejected like an invalid one.
public struct OperationLimits: Sendable {
    /// Deepest nesting of selection sets.
    public var maxDepth: Int
    /// Most fields selected in total, counting each fragment spread's fields where it is spread.
    public var maxFields: Int

    public init(maxDepth: Int = 15, maxFields: Int = 2000) {
        self.maxDepth = maxDepth
        self.maxFields = maxFields
    }

    /// The problems of the chosen operation (empty when it is within the limits).
    func check(_ document: DocumentNode, operationName: String?) -> [GraphQLError] {
        var fragments: [String: FragmentDefinitionNode] = [:]
        var operations: [OperationDefinitionNode] = []
        for definition in document.definitions {
            switch definition {
            case .fragment(let fragment): fragments[fragment.name.value] = fragment
            case .operation(let operation): operations.append(operation)
            default: break
            }
        }
        guard let operation = operations.first(where: { operationName == nil || $0.name?.value == operationName }) else { return [] }
        var walker = Walker(fragments: fragments, fieldBudget: maxFields)
        walker.walk(operation.selectionSet, depth: 1, spreading: [])
        var errors: [GraphQLError] = []
        if walker.deepest > maxDepth {
            errors.append(GraphQLError(
                message: "The query is nested \(walker.deepest) levels deep; the limit is \(maxDepth).",
                extensions: [.init("code", .string("QUERY_TOO_DEEP"))]))
        }
        if walker.fields > maxFields {
            errors.append(GraphQLError(
                message: "The query selects more than \(maxFields) fields; split it into smaller queries.",
                extensions: [.init("code", .string("QUERY_TOO_COMPLEX"))]))
        }
        return errors
    }

    private struct Walker {
        let fragments: [String: FragmentDefinitionNode]
        let fieldBudget: Int
        var deepest = 0
        var fields = 0

        init(fragments: [String: FragmentDefinitionNode], fieldBudget: Int) {
            self.fragments = fragments
            self.fieldBudget = fieldBudget
        }

        /// `spreading` guards against fragment cycles (validation rejects them, but the limits
        /// must not depend on that to terminate).
        mutating func walk(_ selectionSet: SelectionSetNode, depth: Int, spreading: Set<String>) {
            deepest = max(deepest, depth)
            for selection in selectionSet.selections {
                if fields > fieldBudget { return }  // already over: stop counting
                switch selection {
                case .field(let field):
                    fields += 1
                    if let nested = field.selectionSet { walk(nested, depth: depth + 1, spreading: spreading) }
                case .inlineFragment(let fragment):
                    walk(fragment.selectionSet, depth: depth, spreading: spreading)
                case .fragmentSpread(let spread):
                    let name = spread.name.value
                    guard !spreading.contains(name), let fragment = fragments[name] else { continue }
                    walk(fragment.selectionSet, depth: depth, spreading: spreading.union([name]))
                }
            }
        }
    }
}
