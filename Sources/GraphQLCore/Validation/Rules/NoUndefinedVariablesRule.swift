// Spec §5.8.3 "All Variable Uses Defined": variables are scoped on a per-operation basis.
// That means that any variable used within the context of an operation must be defined at
// the top level of that operation.

/// Reports variables used by an operation (or its fragments) that it does not define.
struct NoUndefinedVariablesRule: ASTVisitor {
    let context: ValidationContext
    private var defined: Set<String> = []

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        defined = []
        return .continue
    }

    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction {
        defined.insert(node.variable.name.value)
        return .continue
    }

    mutating func leave(_ node: OperationDefinitionNode) {
        for usage in context.recursiveVariableUsages(node) where !defined.contains(usage.node.name.value) {
            let name = usage.node.name.value
            let message = node.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is not defined."
            context.report(message, at: [usage.node.loc, node.loc])
        }
    }
}
