// Spec §5.5.1.1 "Fragment Name Uniqueness": fragment definitions are referenced in fragment
// spreads by name; to avoid ambiguity, each fragment's name must be unique within a document.

/// Reports a second fragment with a name already used.
struct UniqueFragmentNamesRule: ASTVisitor {
    let context: ValidationContext
    private var known: [String: Location] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { .skipChildren }

    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction {
        let name = node.name
        if let first = known[name.value] {
            context.report("There can be only one fragment named \"\(name.value)\".", at: [first, name.loc])
        } else {
            known[name.value] = name.loc
        }
        return .skipChildren
    }
}
