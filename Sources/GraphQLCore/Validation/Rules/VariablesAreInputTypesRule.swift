// Spec §5.8.2 "Variables Are Input Types": variables can only be input types. Objects,
// unions, and interfaces cannot be used as inputs.

/// Reports variables declared with an output-only type.
struct VariablesAreInputTypesRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction {
        if let type = typeFromAST(context.schema, node.type),
            let named = context.schema.type(named: type.namedType), !named.kind.isInput
        {
            context.report(
                "Variable \"$\(node.variable.name.value)\" cannot be non-input type \"\(print(node.type))\".",
                at: [node.type.loc])
        }
        return .continue
    }
}
