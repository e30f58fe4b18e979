// Spec §5.8.4 "All Variables Used": all variables defined by an operation must be used in
// that operation or a fragment transitively included by that operation.

/// Reports variables an operation defines but neither it nor its fragments use.
struct NoUnusedVariablesRule: ASTVisitor {
    let context: ValidationContext
    private var definitions: [VariableDefinitionNode] = []

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        definitions = []
        return .continue
    }

    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction {
        definitions.append(node)
        return .continue
    }

    mutating func leave(_ node: OperationDefinitionNode) {
        let used = Set(context.recursiveVariableUsages(node).map(\.node.name.value))
        for definition in definitions where !used.contains(definition.variable.name.value) {
            let name = definition.variable.name.value
            let message = node.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is never used."
            context.report(message, at: [definition.loc])
        }
    }
}
