import GraphQLCore

/// Executes a validated document, giving up after `timeout` seconds (nil then): the one place
/// both `/graphql` and the REST shim bound an operation's running time.
func executeWithTimeout(
    schema: GraphQLSchema, document: DocumentNode, source: Source?, root: ResolvedValue, context: (any Sendable)?,
    variables: GraphQLObject, operationName: String?, timeout: Double
) async -> GraphQLResult? {
    await withTaskGroup(of: GraphQLResult?.self) { group in
        group.addTask {
            await GraphQLCore.execute(
                schema: schema, document: document, source: source, rootValue: root, contextValue: context,
                variableValues: variables, operationName: operationName)
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(timeout))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
