// Spec §5.5.1.4 "Fragments Must Be Used": defined fragments must be used within a document.

/// Reports fragments no operation uses, directly or through other fragments.
struct NoUnusedFragmentsRule: ASTVisitor {
    let context: ValidationContext
    private var operations: [OperationDefinitionNode] = []
    private var fragments: [FragmentDefinitionNode] = []

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        operations.append(node)
        return .skipChildren
    }

    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction {
        fragments.append(node)
        return .skipChildren
    }

    mutating func leave(_ node: DocumentNode) {
        var used: Set<String> = []
        for operation in operations {
            for fragment in context.recursivelyReferencedFragments(operation) { used.insert(fragment.name.value) }
        }
        for fragment in fragments where !used.contains(fragment.name.value) {
            context.report("Fragment \"\(fragment.name.value)\" is never used.", at: [fragment.loc])
        }
    }
}
