// Spec §5.6.3 "Input Object Field Uniqueness": input objects must not contain more than one
// field of the same name, otherwise an ambiguity would exist which includes an ignored
// portion of syntax.

/// Reports an input object literal naming the same field twice.
struct UniqueInputFieldNamesRule: ASTVisitor {
    let context: ValidationContext
    private var knownNameStack: [[String: Location]] = []
    private var knownNames: [String: Location] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: ValueNode) -> VisitAction {
        if case .object = node {
            knownNameStack.append(knownNames)
            knownNames = [:]
        }
        return .continue
    }

    mutating func leave(_ node: ValueNode) {
        if case .object = node { knownNames = knownNameStack.popLast() ?? [:] }
    }

    mutating func enter(_ node: ObjectFieldNode) -> VisitAction {
        let name = node.name
        if let first = knownNames[name.value] {
            context.report("There can be only one input field named \"\(name.value)\".", at: [first, name.loc])
        } else {
            knownNames[name.value] = name.loc
        }
        return .continue
    }
}
