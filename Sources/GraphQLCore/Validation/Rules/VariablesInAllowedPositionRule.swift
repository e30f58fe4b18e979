// Spec §5.8.5 "All Variable Usages are Allowed": variable usages must be compatible with the
// arguments they are passed to.

/// Reports variables whose declared type does not fit where they are used.
struct VariablesInAllowedPositionRule: ASTVisitor {
    let context: ValidationContext
    private var definitions: [String: VariableDefinitionNode] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        definitions = [:]
        return .continue
    }

    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction {
        definitions[node.variable.name.value] = node
        return .continue
    }

    mutating func leave(_ node: OperationDefinitionNode) {
        for usage in context.recursiveVariableUsages(node) {
            let name = usage.node.name.value
            guard let definition = definitions[name], let locationType = usage.type,
                let variableType = typeFromAST(context.schema, definition.type),
                !isAllowed(variableType, definition.defaultValue, locationType, usage.defaultValue)
            else { continue }
            context.report(
                "Variable \"$\(name)\" of type \"\(variableType)\""
                    + " used in position expecting type \"\(locationType)\".",
                at: [definition.loc, usage.node.loc])
        }
    }

    /// A nullable variable may fill a non-null position when either side has a default value.
    private func isAllowed(
        _ variableType: GraphQLTypeReference, _ variableDefault: ValueNode?,
        _ locationType: GraphQLTypeReference, _ locationDefault: ValueNode?
    ) -> Bool {
        if case .nonNull(let nullableLocation) = locationType, !variableType.isNonNull {
            var hasNonNullVariableDefault = false
            if let variableDefault {
                if case .null = variableDefault {} else { hasNonNullVariableDefault = true }
            }
            guard hasNonNullVariableDefault || locationDefault != nil else { return false }
            return context.schema.isTypeSubTypeOf(variableType, nullableLocation)
        }
        return context.schema.isTypeSubTypeOf(variableType, locationType)
    }
}
