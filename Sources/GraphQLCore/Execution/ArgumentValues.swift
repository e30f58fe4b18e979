// Spec §6.4.1 CoerceArgumentValues (graphql-js `getArgumentValues`, same messages).

extension ExecutionContext {
    /// The coerced arguments of a field or directive, in definition order.
    func coerceArgumentValues(
        definitions: [GraphQLInputValue], arguments: [ArgumentNode], node loc: Location
    ) throws(GraphQLError) -> GraphQLObject {
        var coerced = GraphQLObject()
        if definitions.isEmpty { return coerced }
        for definition in definitions {
            let name = definition.name
            let type = definition.type
            guard let argument = arguments.first(where: { $0.name.value == name }) else {
                if let defaultValue = definition.defaultValue {
                    coerced.appendUnique(name, defaultValue)
                } else if type.isNonNull {
                    throw GraphQLError(
                        message: "Argument \"\(name)\" of required type \"\(type)\" was not provided.",
                        locations: locations([loc]))
                }
                continue
            }
            let valueNode = argument.value
            var isNull = false
            if case .null = valueNode { isNull = true }
            if case .variable(let variable) = valueNode {
                let variableName = variable.name.value
                guard let value = variableValues[variableName] else {
                    if let defaultValue = definition.defaultValue {
                        coerced.appendUnique(name, defaultValue)
                    } else if type.isNonNull {
                        throw GraphQLError(
                            message: "Argument \"\(name)\" of required type \"\(type)\" was provided the variable \"$\(variableName)\" which was not provided a runtime value.",
                            locations: locations([valueNode.loc]))
                    }
                    continue
                }
                isNull = value.isNull
            }
            if isNull && type.isNonNull {
                throw GraphQLError(
                    message: "Argument \"\(name)\" of non-null type \"\(type)\" must not be null.",
                    locations: locations([valueNode.loc]))
            }
            guard let value = valueFromAST(valueNode, type: type, types: schema.types, variables: variableValues) else {
                throw GraphQLError(
                    message: "Argument \"\(name)\" has invalid value \(print(valueNode)).",
                    locations: locations([valueNode.loc]))
            }
            coerced.appendUnique(name, value)
        }
        return coerced
    }
}
