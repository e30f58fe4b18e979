import Synchronization

/// Everything one execution shares: the schema, the chosen operation, coerced variables,
/// fragments, resolvers and the errors gathered so far. Immutable apart from `errors`, which
/// a mutex guards because concurrent async fields may report at the same time.
final class ExecutionContext: Sendable {
    let schema: GraphQLSchema
    let source: Source?
    let fragments: [String: FragmentDefinitionNode]
    let operation: OperationDefinitionNode
    let variableValues: GraphQLObject
    let rootValue: ResolvedValue
    let contextValue: (any Sendable)?
    let fieldResolver: FieldResolver
    let typeResolver: TypeResolver
    private let errorList = Mutex<[GraphQLError]>([])
    let subfieldCache = SubfieldCache()
    let plan: ExecutionPlan

    init(
        schema: GraphQLSchema, source: Source?, fragments: [String: FragmentDefinitionNode],
        operation: OperationDefinitionNode, variableValues: GraphQLObject, rootValue: ResolvedValue,
        contextValue: (any Sendable)?, fieldResolver: @escaping FieldResolver, typeResolver: @escaping TypeResolver
    ) {
        self.schema = schema
        self.plan = schema.executionPlan
        self.source = source
        self.fragments = fragments
        self.operation = operation
        self.variableValues = variableValues
        self.rootValue = rootValue
        self.contextValue = contextValue
        self.fieldResolver = fieldResolver
        self.typeResolver = typeResolver
    }

    /// Records a field error (graphql-js `handleFieldError`'s push).
    func record(_ error: GraphQLError) {
        errorList.withLock { $0.append(error) }
    }

    var errors: [GraphQLError] { errorList.withLock { $0 } }

    /// Source locations of AST locations; empty when the document came without its source.
    func locations(_ locs: [Location]) -> [SourceLocation] {
        guard let source else { return [] }
        return locs.map { source.location(ofOffset: $0.start) }
    }

    /// graphql-js `locatedError`: an error that already has a path is kept; otherwise it gets
    /// the path and, unless it names its own nodes, the locations of the field nodes.
    func located(_ error: GraphQLError, fieldNodes: [FieldNode], path: ResponsePath) -> GraphQLError {
        // Errors that already carry a path were located deeper down and pass through unchanged.
        guard error.path.isEmpty else { return error }
        var located = error
        if located.locations.isEmpty { located.locations = locations(fieldNodes.map(\.loc)) }
        located.path = path.components
        return located
    }
}

/// Picks the operation to run (graphql-js `buildExecutionContext`'s rules and messages).
func selectOperation(
    in document: DocumentNode, named operationName: String?
) -> Result<(OperationDefinitionNode, [String: FragmentDefinitionNode]), GraphQLError> {
    var operation: OperationDefinitionNode?
    var fragments: [String: FragmentDefinitionNode] = [:]
    for definition in document.definitions {
        switch definition {
        case .operation(let node):
            if let operationName {
                if node.name?.value == operationName { operation = node }
            } else {
                if operation != nil {
                    return .failure(GraphQLError(message: "Must provide operation name if query contains multiple operations."))
                }
                operation = node
            }
        case .fragment(let node):
            fragments[node.name.value] = node
        default:
            continue
        }
    }
    guard let operation else {
        if let operationName {
            return .failure(GraphQLError(message: "Unknown operation named \"\(operationName)\"."))
        }
        return .failure(GraphQLError(message: "Must provide an operation."))
    }
    return .success((operation, fragments))
}
