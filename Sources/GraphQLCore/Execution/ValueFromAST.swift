// Literal input coercion (spec §3.10 "Input Coercion" for literals; graphql-js `valueFromAST`).

/// The value of a literal coerced to `type`, or `nil` when the literal is invalid for it.
///
/// `variables` holds coerced variable values; a variable missing from it counts as "not
/// provided" (`nil` for `variables` means the literal may not contain variables at all).
public func valueFromAST(
    _ node: ValueNode, type: GraphQLTypeReference, types: [String: GraphQLNamedType], variables: GraphQLObject?
) -> GraphQLValue? {
    if case .variable(let variable) = node {
        guard let value = variables?[variable.name.value] else { return nil }
        if value.isNull && type.isNonNull { return nil }
        return value
    }
    switch type {
    case .nonNull(let inner):
        if case .null = node { return nil }
        return valueFromAST(node, type: inner, types: types, variables: variables)
    case .list(let itemType):
        if case .null = node { return .null }
        guard case .list(let list) = node else {
            return valueFromAST(node, type: itemType, types: types, variables: variables).map { .list([$0]) }
        }
        var items: [GraphQLValue] = []
        items.reserveCapacity(list.values.count)
        for item in list.values {
            if isMissingVariable(item, variables) {
                if itemType.isNonNull { return nil }
                items.append(.null)
            } else {
                guard let value = valueFromAST(item, type: itemType, types: types, variables: variables) else { return nil }
                items.append(value)
            }
        }
        return .list(items)
    case .named(let name):
        if case .null = node { return .null }
        guard let namedType = types[name] else { return nil }
        switch namedType.kind {
        case .inputObject:
            guard case .object(let object) = node else { return nil }
            var result = GraphQLObject()
            for field in namedType.inputFields {
                guard let fieldNode = object.fields.first(where: { $0.name.value == field.name }),
                    !isMissingVariable(fieldNode.value, variables)
                else {
                    if let defaultValue = field.defaultValue {
                        result.appendUnique(field.name, defaultValue)
                    } else if field.type.isNonNull {
                        return nil
                    }
                    continue
                }
                guard let value = valueFromAST(fieldNode.value, type: field.type, types: types, variables: variables)
                else { return nil }
                result.appendUnique(field.name, value)
            }
            if namedType.isOneOf {
                guard result.count == 1, result.values.first?.isNull == false, object.fields.count == 1 else { return nil }
            }
            return .object(result)
        case .enum:
            guard case .enumValue(let value) = node, namedType.enumValue(named: value.value) != nil else { return nil }
            return .string(value.value)
        case .scalar:
            return try? namedType.coercing.parseLiteral(node, variables: variables ?? GraphQLObject())
        case .object, .interface, .union:
            return nil
        }
    }
}

private func isMissingVariable(_ node: ValueNode, _ variables: GraphQLObject?) -> Bool {
    guard case .variable(let variable) = node else { return false }
    return variables?[variable.name.value] == nil
}
