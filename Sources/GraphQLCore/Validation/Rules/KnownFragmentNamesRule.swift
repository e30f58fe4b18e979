// Spec §5.5.2.1 "Fragment spread target defined": named fragment spreads must refer to
// fragments defined within the document.

/// Reports a spread of a fragment the document does not define.
struct KnownFragmentNamesRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: FragmentSpreadNode) -> VisitAction {
        if context.fragment(named: node.name.value) == nil {
            context.report("Unknown fragment \"\(node.name.value)\".", at: [node.name.loc])
        }
        return .continue
    }
}
