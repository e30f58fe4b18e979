// Input coercion of variable values (spec §3.10; graphql-js `coerceInputValue`).

/// One problem found while coercing an input value: where inside the value, the value there, and why.
struct InputCoercionIssue {
    var path: [GraphQLError.PathComponent]
    var value: GraphQLValue
    var error: GraphQLError
}

/// Coerces a JSON input value to `type`, reporting every problem to `onError` in graphql-js's order.
func coerceInputValue(
    _ value: GraphQLValue, type: GraphQLTypeReference, types: [String: GraphQLNamedType],
    path: [GraphQLError.PathComponent] = [], onError: (InputCoercionIssue) -> Void
) -> GraphQLValue {
    switch type {
    case .nonNull(let inner):
        if !value.isNull {
            return coerceInputValue(value, type: inner, types: types, path: path, onError: onError)
        }
        onError(InputCoercionIssue(
            path: path, value: value,
            error: GraphQLError(message: "Expected non-nullable type \"\(type)\" not to be null.")))
        return .null
    case .list(let itemType):
        if value.isNull { return .null }
        guard case .list(let items) = value else {
            return .list([coerceInputValue(value, type: itemType, types: types, path: path, onError: onError)])
        }
        return .list(items.enumerated().map { index, item in
            coerceInputValue(item, type: itemType, types: types, path: path + [.index(index)], onError: onError)
        })
    case .named(let name):
        if value.isNull { return .null }
        guard let namedType = types[name] else { return .null }
        switch namedType.kind {
        case .inputObject:
            return coerceInputObject(value, type: namedType, types: types, path: path, onError: onError)
        case .enum:
            do throws(GraphQLError) {
                return try parseEnumValue(value, type: namedType)
            } catch {
                onError(InputCoercionIssue(path: path, value: value, error: error))
                return .null
            }
        case .scalar:
            do throws(GraphQLError) {
                return try namedType.coercing.parseValue(value)
            } catch {
                onError(InputCoercionIssue(path: path, value: value, error: error))
                return .null
            }
        case .object, .interface, .union:
            return .null
        }
    }
}

private func coerceInputObject(
    _ value: GraphQLValue, type: GraphQLNamedType, types: [String: GraphQLNamedType],
    path: [GraphQLError.PathComponent], onError: (InputCoercionIssue) -> Void
) -> GraphQLValue {
    guard case .object(let object) = value else {
        onError(InputCoercionIssue(
            path: path, value: value, error: GraphQLError(message: "Expected type \"\(type.name)\" to be an object.")))
        return .null
    }
    var result = GraphQLObject()
    for field in type.inputFields {
        guard let fieldValue = object[field.name] else {
            if let defaultValue = field.defaultValue {
                result.appendUnique(field.name, defaultValue)
            } else if field.type.isNonNull {
                onError(InputCoercionIssue(
                    path: path, value: value,
                    error: GraphQLError(message: "Field \"\(field.name)\" of required type \"\(field.type)\" was not provided.")))
            }
            continue
        }
        result.appendUnique(
            field.name,
            coerceInputValue(fieldValue, type: field.type, types: types, path: path + [.key(field.name)], onError: onError))
    }
    for key in object.keys where !type.inputFields.contains(where: { $0.name == key }) {
        let suggestions = suggestionList(key, options: type.inputFields.map(\.name))
        onError(InputCoercionIssue(
            path: path, value: value,
            error: GraphQLError(message: "Field \"\(key)\" is not defined by type \"\(type.name)\"." + didYouMean(suggestions))))
    }
    if type.isOneOf {
        if object.count != 1 {
            onError(InputCoercionIssue(
                path: path, value: value,
                error: GraphQLError(message: "Exactly one key must be specified for OneOf type \"\(type.name)\".")))
        } else if let key = object.keys.first, object[key]?.isNull == true {
            onError(InputCoercionIssue(
                path: path, value: value,
                error: GraphQLError(message: "Field \"\(key)\" must be non-null.")))
        }
    }
    return .object(result)
}

/// An enum's input coercion of a JSON value (graphql-js `GraphQLEnumType.parseValue`).
func parseEnumValue(_ value: GraphQLValue, type: GraphQLNamedType) throws(GraphQLError) -> GraphQLValue {
    let names = type.enumValues.map(\.name)
    guard case .string(let string) = value else {
        let shown = value.inspected
        throw GraphQLError(
            message: "Enum \"\(type.name)\" cannot represent non-string value: \(shown)."
                + didYouMean("the enum value", suggestionList(shown, options: names)))
    }
    guard type.enumValue(named: string) != nil else {
        throw GraphQLError(
            message: "Value \"\(string)\" does not exist in \"\(type.name)\" enum."
                + didYouMean("the enum value", suggestionList(string, options: names)))
    }
    return value
}
