// Spec §5.6.1 "Values of Correct Type": literal values must be compatible with the type
// expected in the position they are found.

/// Reports literals that the expected input type cannot accept: wrong scalar literals,
/// unknown enum values, unknown or missing input object fields, and `null` in non-null positions.
struct ValuesOfCorrectTypeRule: ASTVisitor {
    let context: ValidationContext
    /// The current operation's variable definitions, for the `@oneOf` checks.
    var variableDefinitions: [String: VariableDefinitionNode] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        variableDefinitions = [:]
        return .continue
    }

    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction {
        variableDefinitions[node.variable.name.value] = node
        return .continue
    }

    mutating func enter(_ node: ValueNode) -> VisitAction {
        let typeInfo = context.typeInfo
        switch node {
        case .list:
            if case .list? = typeInfo.parentInputType?.nullable { return .continue }
            checkLeaf(node)
            return .skipChildren
        case .object(let object):
            guard let type = typeInfo.namedType(typeInfo.inputType), type.kind == .inputObject else {
                checkLeaf(node)
                return .skipChildren
            }
            let provided = Set(object.fields.map(\.name.value))
            for field in type.inputFields
            where !provided.contains(field.name) && field.type.isNonNull && field.defaultValueNode == nil {
                context.report(
                    "Field \"\(type.name).\(field.name)\" of required type \"\(field.type)\" was not provided.",
                    at: [node.loc])
            }
            if type.isOneOf { checkOneOf(object, type) }
            return .continue
        case .null:
            if let type = typeInfo.inputType, type.isNonNull {
                context.report("Expected value of type \"\(type)\", found null.", at: [node.loc])
            }
            return .continue
        case .variable:
            return .continue
        case .enumValue, .int, .float, .string, .boolean:
            checkLeaf(node)
            return .continue
        }
    }

    mutating func enter(_ node: ObjectFieldNode) -> VisitAction {
        let typeInfo = context.typeInfo
        if typeInfo.inputType == nil, let parentType = typeInfo.namedType(typeInfo.parentInputType),
            parentType.kind == .inputObject
        {
            context.report(
                "Field \"\(node.name.value)\" is not defined by type \"\(parentType.name)\"."
                    + didYouMean(suggestionList(node.name.value, options: parentType.inputFields.map(\.name))),
                at: [node.loc])
        }
        return .continue
    }

    /// graphql-js `isValidValueNode`: the leaf type's literal parser must accept the node.
    private func checkLeaf(_ node: ValueNode) {
        guard let locationType = context.typeInfo.inputType else { return }
        guard let type = context.typeInfo.namedType(locationType), type.kind.isLeaf else {
            context.report("Expected value of type \"\(locationType)\", found \(print(node)).", at: [node.loc])
            return
        }
        if type.kind == .enum {
            let names = type.enumValues.map(\.name)
            if case .enumValue(let value) = node {
                guard type.enumValue(named: value.value) == nil else { return }
                context.report(
                    "Value \"\(value.value)\" does not exist in \"\(type.name)\" enum."
                        + didYouMean("the enum value", suggestionList(value.value, options: names)), at: [node.loc])
            } else {
                let shown = print(node)
                context.report(
                    "Enum \"\(type.name)\" cannot represent non-enum value: \(shown)."
                        + didYouMean("the enum value", suggestionList(shown, options: names)), at: [node.loc])
            }
            return
        }
        do throws(GraphQLError) {
            _ = try type.coercing.parseLiteral(node, variables: GraphQLObject())
        } catch {
            if error.locations.isEmpty {
                context.report(error.message, at: [node.loc])
            } else {
                context.report(error)
            }
        }
    }
}
