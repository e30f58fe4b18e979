// Spec §6.4.3 CompleteValue, for every kind of type, with graphql-js 16's messages.
// Completion is synchronous: an `.async` value met on the way is set aside as deferred work
// (see DeferredWork.swift) with a null placeholder, and completed later at its path.

extension ExecutionContext {
    /// `CompleteValue(fieldType, fields, result, variableValues)`.
    ///
    /// `boundary` is the path of the nearest nullable position at or above this value (`nil`:
    /// the whole `data`), which deferred work nulls if it fails.
    func completeValue(
        type: GraphQLTypeReference, info: ResolveInfo, path: ResponsePosition, result: ResolvedValue,
        boundary: ResponsePosition?, deferred: inout [DeferredValue]
    ) throws(GraphQLError) -> GraphQLValue {
        if case .async(let work) = result {
            deferred.append(DeferredValue(work: work, info: info, path: path.path, type: type, boundary: boundary?.path))
            return .null
        }
        switch type {
        case .nonNull(let inner):
            let completed = try completeValue(
                type: inner, info: info, path: path, result: result, boundary: boundary, deferred: &deferred)
            if completed.isNull {
                throw GraphQLError(message: "Cannot return null for non-nullable field \(info.parentType).\(info.fieldName).")
            }
            return completed
        case .list(let itemType):
            if case .value(.null) = result { return .null }
            return try completeListValue(
                itemType: itemType, info: info, path: path, result: result, boundary: boundary, deferred: &deferred)
        case .named:
            if case .value(.null) = result { return .null }
            // Unwrapping lists and non-nulls always ends at the field's own named type.
            guard let entry = info.namedType else { return .null }
            switch entry.type.kind {
            case .scalar, .enum:
                return try completeLeafValue(entry, result: result)
            case .interface, .union:
                let runtimeType = try resolveAbstractType(entry.type, info: info, result: result)
                guard let runtimeEntry = plan.types[runtimeType] else { return .null }
                return try completeObjectValue(
                    runtimeEntry, info: info, path: path, result: result, boundary: boundary, deferred: &deferred)
            case .object:
                return try completeObjectValue(
                    entry, info: info, path: path, result: result, boundary: boundary, deferred: &deferred)
            case .inputObject:
                return .null
            }
        }
    }

    private func completeListValue(
        itemType: GraphQLTypeReference, info: ResolveInfo, path: ResponsePosition, result: ResolvedValue,
        boundary: ResponsePosition?, deferred: inout [DeferredValue]
    ) throws(GraphQLError) -> GraphQLValue {
        let items: [ResolvedValue]
        switch result {
        case .value(.list(let values)): items = values.map(ResolvedValue.value)
        case .list(let values): items = values
        default:
            throw GraphQLError(
                message: "Expected Iterable, but did not find one for field \"\(info.parentType).\(info.fieldName)\".")
        }
        var completed: [GraphQLValue] = []
        completed.reserveCapacity(items.count)
        let listPath = path.path
        for (index, item) in items.enumerated() {
            let itemPath = ResponsePosition(parent: listPath, component: .index(index))
            let itemBoundary = itemType.isNonNull ? boundary : itemPath
            do throws(GraphQLError) {
                completed.append(try completeValue(
                    type: itemType, info: info, path: itemPath, result: item, boundary: itemBoundary, deferred: &deferred))
            } catch {
                completed.append(try handleFieldError(error, info: info, path: itemPath, type: itemType))
            }
        }
        return .list(completed)
    }

    private func completeLeafValue(_ entry: TypeEntry, result: ResolvedValue) throws(GraphQLError) -> GraphQLValue {
        guard let plain = result.plainValue else {
            throw GraphQLError(message: "\(entry.type.kind == .enum ? "Enum \"\(entry.type.name)\"" : entry.type.name) cannot represent value: {}")
        }
        let serialized: GraphQLValue
        if entry.type.kind == .enum {
            guard case .string(let name) = plain, entry.type.enumValue(named: name) != nil else {
                throw GraphQLError(message: "Enum \"\(entry.type.name)\" cannot represent value: \(plain.inspected)")
            }
            serialized = plain
        } else {
            serialized = try entry.type.coercing.serialize(plain)
        }
        if serialized.isNull {
            throw GraphQLError(
                message: "Expected `\(entry.type.name).serialize(\(plain.inspected))` to return non-nullable value, returned: null")
        }
        return serialized
    }

    /// `ResolveAbstractType(abstractType, objectValue)`, with graphql-js's checks of the answer.
    func resolveAbstractType(_ type: GraphQLNamedType, info: ResolveInfo, result: ResolvedValue) throws(GraphQLError) -> String {
        let resolver = schema.typeResolvers[type.name] ?? typeResolver
        let runtimeName: String?
        do {
            runtimeName = try resolver(result, info)
        } catch {
            throw asGraphQLError(error)
        }
        guard let runtimeName else {
            throw GraphQLError(
                message: "Abstract type \"\(type.name)\" must resolve to an Object type at runtime for field \"\(info.parentType).\(info.fieldName)\". Either the \"\(type.name)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.")
        }
        guard let runtimeType = schema.type(named: runtimeName) else {
            throw GraphQLError(
                message: "Abstract type \"\(type.name)\" was resolved to a type \"\(runtimeName)\" that does not exist inside the schema.")
        }
        guard runtimeType.kind == .object else {
            throw GraphQLError(message: "Abstract type \"\(type.name)\" was resolved to a non-object type \"\(runtimeName)\".")
        }
        guard schema.isPossibleType(runtimeName, of: type.name) else {
            throw GraphQLError(message: "Runtime Object type \"\(runtimeName)\" is not a possible type for \"\(type.name)\".")
        }
        return runtimeName
    }

    private func completeObjectValue(
        _ objectType: TypeEntry, info: ResolveInfo, path: ResponsePosition, result: ResolvedValue,
        boundary: ResponsePosition?, deferred: inout [DeferredValue]
    ) throws(GraphQLError) -> GraphQLValue {
        let subfields = cachedSubfields(objectType: objectType.type.name, fieldNodes: info.fieldNodes)
        return try executeSelectionSet(
            subfields, objectType: objectType, source: result, path: path.path, boundary: boundary, deferred: &deferred)
    }
}

extension ResolvedValue {
    /// The value as plain data, when it is plain data (not an opaque source or async work);
    /// handy in resolvers that read a JSON parent: `source.plainValue?["name"]`.
    public var plainValue: GraphQLValue? {
        switch self {
        case .value(let value): return value
        case .list(let items):
            var values: [GraphQLValue] = []
            for item in items {
                guard let value = item.plainValue else { return nil }
                values.append(value)
            }
            return .list(values)
        case .source, .async: return nil
        }
    }
}
