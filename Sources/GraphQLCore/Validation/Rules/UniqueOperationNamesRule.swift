// Spec §5.2.1.1 "Operation Name Uniqueness": each named operation definition must be
// unique within a document when referred to by its name.

/// Reports a second operation with a name already used.
struct UniqueOperationNamesRule: ASTVisitor {
    let context: ValidationContext
    private var known: [String: Location] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        if let name = node.name {
            if let first = known[name.value] {
                context.report("There can be only one operation named \"\(name.value)\".", at: [first, name.loc])
            } else {
                known[name.value] = name.loc
            }
        }
        return .skipChildren
    }

    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction { .skipChildren }
}
