// Spec §5.2.2.1 "Lone Anonymous Operation": GraphQL allows a short-hand form for defining
// query operations when only that one operation exists in the document.

/// Reports an anonymous operation in a document with more than one operation.
struct LoneAnonymousOperationRule: ASTVisitor {
    let context: ValidationContext
    private var operationCount = 0

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: DocumentNode) -> VisitAction {
        operationCount = node.definitions.filter { if case .operation = $0 { true } else { false } }.count
        return .continue
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        if node.name == nil && operationCount > 1 {
            context.report("This anonymous operation must be the only defined operation.", at: [node.loc])
        }
        return .continue
    }
}
