// Spec §5.5.2.3 "Fragment spread is possible": a fragment spread is only valid if the type
// condition could ever possibly be true: if there is a non-empty intersection of the
// possible parent types, and possible types which pass the type condition.

/// Reports fragments spread where no object could match both the parent type and the condition.
struct PossibleFragmentSpreadsRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: InlineFragmentNode) -> VisitAction {
        let typeInfo = context.typeInfo
        guard let fragmentType = typeInfo.namedType(typeInfo.type), fragmentType.kind.isComposite,
            let parentType = typeInfo.parentType, parentType.kind.isComposite,
            !context.schema.doTypesOverlap(fragmentType, parentType)
        else { return .continue }
        context.report(
            "Fragment cannot be spread here as objects of type \"\(parentType.name)\""
                + " can never be of type \"\(fragmentType.name)\".", at: [node.loc])
        return .continue
    }

    mutating func enter(_ node: FragmentSpreadNode) -> VisitAction {
        let name = node.name.value
        guard let fragment = context.fragment(named: name),
            let fragmentType = context.schema.type(named: fragment.typeCondition.name.value),
            fragmentType.kind.isComposite,
            let parentType = context.typeInfo.parentType,
            !context.schema.doTypesOverlap(fragmentType, parentType)
        else { return .continue }
        context.report(
            "Fragment \"\(name)\" cannot be spread here as objects of type \"\(parentType.name)\""
                + " can never be of type \"\(fragmentType.name)\".", at: [node.loc])
        return .continue
    }
}
