// The single walk that runs every rule: TypeInfo is updated around the rules' hooks
// (graphql-js `visitWithTypeInfo` over `visitInParallel`).

/// Runs the rules' visitors in parallel while keeping the context's `TypeInfo` current:
/// `TypeInfo` enters a node before the rules do and leaves it after them. The walk stops
/// once the context reaches its error limit.
struct ValidationWalker: ASTVisitor {
    let context: ValidationContext
    var rules: ParallelVisitor

    private mutating func enterEach(
        _ typeInfo: (inout TypeInfo) -> VisitAction, _ rule: (inout ParallelVisitor) -> VisitAction
    ) -> VisitAction {
        _ = typeInfo(&context.typeInfo)
        let action = rule(&rules)
        return context.aborted ? .stop : action
    }

    private mutating func leaveEach(_ typeInfo: (inout TypeInfo) -> Void, _ rule: (inout ParallelVisitor) -> Void) {
        rule(&rules)
        typeInfo(&context.typeInfo)
    }

    mutating func enter(_ node: DocumentNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: DocumentNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: OperationDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: VariableDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: SelectionSetNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: SelectionSetNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: FieldNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: FieldNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: ArgumentNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: ArgumentNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: FragmentSpreadNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: FragmentSpreadNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: InlineFragmentNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: InlineFragmentNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: FragmentDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: DirectiveNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: DirectiveNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: ValueNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: ValueNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: ObjectFieldNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: ObjectFieldNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: TypeNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: TypeNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: NamedTypeNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: NamedTypeNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: SchemaDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: SchemaDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: OperationTypeDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: OperationTypeDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: ScalarTypeDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: ScalarTypeDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: ObjectTypeDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: FieldDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: FieldDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: InputValueDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: InputValueDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: InterfaceTypeDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: InterfaceTypeDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: UnionTypeDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: UnionTypeDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: EnumTypeDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: EnumTypeDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: EnumValueDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: EnumValueDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: InputObjectTypeDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: InputObjectTypeDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: DirectiveDefinitionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: DirectiveDefinitionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: SchemaExtensionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: SchemaExtensionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: ScalarTypeExtensionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: ScalarTypeExtensionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: ObjectTypeExtensionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: InterfaceTypeExtensionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: InterfaceTypeExtensionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: UnionTypeExtensionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: UnionTypeExtensionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: EnumTypeExtensionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: EnumTypeExtensionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }

    mutating func enter(_ node: InputObjectTypeExtensionNode) -> VisitAction {
        enterEach({ $0.enter(node) }, { $0.enter(node) })
    }

    mutating func leave(_ node: InputObjectTypeExtensionNode) {
        leaveEach({ $0.leave(node) }, { $0.leave(node) })
    }
}
