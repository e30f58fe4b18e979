// Spec §6.3 ExecuteSelectionSet and §6.4 ExecuteField: the synchronous pass.

extension ExecutionContext {
    /// `ExecuteOperation`: runs the chosen operation's root selection set, then its deferred work.
    func executeOperation() async throws(GraphQLError) -> GraphQLValue {
        let kind = operation.operation
        guard let rootType = schema.rootTypeName(for: kind), let root = plan.types[rootType], root.type.kind == .object
        else {
            throw GraphQLError(
                message: "Schema is not configured to execute \(kind.rawValue) operation.",
                locations: locations([operation.loc]))
        }
        let fields = collectFields(objectType: rootType, selectionSet: operation.selectionSet)
        if kind == .mutation {
            return try await executeFieldsSerially(fields, objectType: root)
        }
        var deferred: [DeferredValue] = []
        var data = try executeSelectionSet(
            fields, objectType: root, source: rootValue, path: nil, boundary: nil, deferred: &deferred)
        try await runDeferred(deferred, into: &data)
        return data
    }

    /// Mutations (spec §6.2.2): each top-level field, its async work included, finishes before
    /// the next one starts.
    private func executeFieldsSerially(_ grouped: GroupedFields, objectType: TypeEntry) async throws(GraphQLError) -> GraphQLValue {
        var data = GraphQLValue.object(GraphQLObject())
        for collected in grouped.fields {
            var single = GroupedFields()
            single.fields = [collected]
            var deferred: [DeferredValue] = []
            let part = try executeSelectionSet(
                single, objectType: objectType, source: rootValue, path: nil, boundary: nil, deferred: &deferred)
            guard case .object(let partObject) = part, case .object(var dataObject) = data else { continue }
            for (key, value) in partObject.entries { dataObject.appendUnique(key, value) }
            data = .object(dataObject)
            try await runDeferred(deferred, into: &data)
        }
        return data
    }

    /// `ExecuteSelectionSet` over already collected fields, synchronously: each resolver is
    /// called and its value completed in order, with no task and no suspension; `.async`
    /// values are deferred (see `completeValue`).
    func executeSelectionSet(
        _ grouped: GroupedFields, objectType: TypeEntry, source: ResolvedValue, path: ResponsePath?,
        boundary: ResponsePosition?, deferred: inout [DeferredValue]
    ) throws(GraphQLError) -> GraphQLValue {
        var result = GraphQLObject()
        result.reserveCapacity(grouped.fields.count)
        for collected in grouped.fields {
            guard let entry = collected.entry else { continue }
            let fieldType = entry.type
            let fieldPath = ResponsePosition(parent: path, component: .key(collected.responseKey))
            let info = ResolveInfo(
                fieldName: entry.name, fieldNodes: collected.nodes, returnType: fieldType,
                parentType: objectType.name, position: fieldPath, context: self, namedType: plan.namedType(of: entry))
            let value: GraphQLValue
            do throws(GraphQLError) {
                var arguments = GraphQLObject()
                if !entry.arguments.isEmpty {
                    let fieldNode = collected.nodes[0]
                    arguments = try coerceArgumentValues(
                        definitions: entry.arguments, arguments: fieldNode.arguments, node: fieldNode.loc)
                }
                let resolved = try callResolver(entry.resolve ?? fieldResolver, source, arguments, info)
                value = try completeValue(
                    type: fieldType, info: info, path: fieldPath, result: resolved,
                    boundary: fieldType.isNonNull ? boundary : fieldPath, deferred: &deferred)
            } catch {
                value = try handleFieldError(error, info: info, path: fieldPath, type: fieldType)
            }
            result.appendUnique(collected.responseKey, value)
        }
        return .object(result)
    }

    /// graphql-js `handleFieldError`: locates the error; a non-null field passes it up, others
    /// record it and become null.
    func handleFieldError(
        _ error: GraphQLError, info: ResolveInfo, path: ResponsePosition, type: GraphQLTypeReference
    ) throws(GraphQLError) -> GraphQLValue {
        let located = located(error, fieldNodes: info.fieldNodes, path: path.path)
        if type.isNonNull { throw located }
        record(located)
        return .null
    }

    private func callResolver(
        _ resolver: FieldResolver, _ source: ResolvedValue, _ arguments: GraphQLObject, _ info: ResolveInfo
    ) throws(GraphQLError) -> ResolvedValue {
        do {
            return try resolver(source, arguments, info)
        } catch {
            throw asGraphQLError(error)
        }
    }
}

/// A thrown error as a GraphQL error: its own message if it is one, else its description.
func asGraphQLError(_ error: any Error) -> GraphQLError {
    if let error = error as? GraphQLError { return error }
    return GraphQLError(message: String(describing: error))
}
