// Spec (draft) "OneOf Input Objects": a OneOf Input Object literal must specify exactly one
// field, and that field's value must not be null (graphql-js 16.9+ `validateOneOfInputObject`).

extension ValuesOfCorrectTypeRule {
    /// Reports a `@oneOf` input object literal without exactly one non-null field, or whose only
    /// field is a nullable variable.
    func checkOneOf(_ node: ObjectValueNode, _ type: GraphQLNamedType) {
        var byName: [String: ObjectFieldNode] = [:]
        var names: [String] = []
        for field in node.fields {
            if byName[field.name.value] == nil { names.append(field.name.value) }
            byName[field.name.value] = field  // the last one wins, as graphql-js `keyMap` does
        }
        guard names.count == 1, let name = names.first, let value = byName[name]?.value else {
            context.report("OneOf Input Object \"\(type.name)\" must specify exactly one key.", at: [node.loc])
            return
        }
        switch value {
        case .null:
            context.report("Field \"\(type.name).\(name)\" must be non-null.", at: [node.loc])
        case .variable(let variable):
            let variableName = variable.name.value
            if let definition = variableDefinitions[variableName], !Self.isNonNull(definition.type) {
                context.report(
                    "Variable \"\(variableName)\" must be non-nullable"
                        + " to be used for OneOf Input Object \"\(type.name)\".",
                    at: [node.loc])
            }
        default:
            break
        }
    }

    private static func isNonNull(_ type: TypeNode) -> Bool {
        if case .nonNull = type { return true }
        return false
    }
}
