// Spec §5.5.1.3 "Fragments On Composite Types": fragments can only be declared on unions,
// interfaces, and objects.

/// Reports fragments whose type condition is a scalar, enum or input object.
struct FragmentsOnCompositeTypesRule: ASTVisitor {
    let context: ValidationContext

    private func isNonComposite(_ condition: NamedTypeNode) -> Bool {
        guard let type = context.schema.type(named: condition.name.value) else { return false }
        return !type.kind.isComposite
    }

    mutating func enter(_ node: InlineFragmentNode) -> VisitAction {
        if let condition = node.typeCondition, isNonComposite(condition) {
            context.report(
                "Fragment cannot condition on non composite type \"\(condition.name.value)\".", at: [condition.loc])
        }
        return .continue
    }

    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction {
        let condition = node.typeCondition
        if isNonComposite(condition) {
            context.report(
                "Fragment \"\(node.name.value)\" cannot condition on non composite type \"\(condition.name.value)\".",
                at: [condition.loc])
        }
        return .continue
    }
}
