/// Runs several visitors in one walk, as graphql-js's `visitInParallel` does.
///
/// Each visitor keeps its own skip and stop state: a visitor that skips a node's children
/// is not called again until the walk leaves that node, and a visitor that stops is not
/// called again at all. The walk itself ends once every visitor has stopped.
public struct ParallelVisitor: ASTVisitor {
    /// The visitors, in the order they are called; read them back after the walk.
    public private(set) var visitors: [any ASTVisitor]
    /// For each visitor, the depth of the node whose children it skips, if any.
    private var skippedAtDepth: [Int?]
    private var stopped: [Bool]
    private var depth = 0

    /// Creates a parallel visitor over `visitors`.
    public init(_ visitors: [any ASTVisitor]) {
        self.visitors = visitors
        self.skippedAtDepth = Array(repeating: nil, count: visitors.count)
        self.stopped = Array(repeating: false, count: visitors.count)
    }

    private mutating func enterEach(_ enter: (inout any ASTVisitor) -> VisitAction) -> VisitAction {
        depth += 1
        for index in visitors.indices where !stopped[index] && skippedAtDepth[index] == nil {
            switch enter(&visitors[index]) {
            case .continue: break
            case .skipChildren: skippedAtDepth[index] = depth
            case .stop: stopped[index] = true
            }
        }
        return stopped.allSatisfy { $0 } ? .stop : .continue
    }

    private mutating func leaveEach(_ leave: (inout any ASTVisitor) -> Void) {
        for index in visitors.indices where !stopped[index] {
            if let skippedDepth = skippedAtDepth[index] {
                if skippedDepth == depth { skippedAtDepth[index] = nil }
                continue
            }
            leave(&visitors[index])
        }
        depth -= 1
    }

    public mutating func enter(_ node: DocumentNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: DocumentNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: OperationDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: VariableDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: VariableDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: SelectionSetNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: SelectionSetNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: FieldNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: FieldNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: ArgumentNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: ArgumentNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: FragmentSpreadNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: FragmentSpreadNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: InlineFragmentNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: InlineFragmentNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: FragmentDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: DirectiveNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: DirectiveNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: ValueNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: ValueNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: ObjectFieldNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: ObjectFieldNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: TypeNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: TypeNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: NamedTypeNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: NamedTypeNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: SchemaDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: SchemaDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: OperationTypeDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: OperationTypeDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: ScalarTypeDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: ScalarTypeDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: ObjectTypeDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: FieldDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: FieldDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: InputValueDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: InputValueDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: InterfaceTypeDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: InterfaceTypeDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: UnionTypeDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: UnionTypeDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: EnumTypeDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: EnumTypeDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: EnumValueDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: EnumValueDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: InputObjectTypeDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: InputObjectTypeDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: DirectiveDefinitionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: DirectiveDefinitionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: SchemaExtensionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: SchemaExtensionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: ScalarTypeExtensionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: ScalarTypeExtensionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: ObjectTypeExtensionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: InterfaceTypeExtensionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: InterfaceTypeExtensionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: UnionTypeExtensionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: UnionTypeExtensionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: EnumTypeExtensionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: EnumTypeExtensionNode) { leaveEach { $0.leave(node) } }
    public mutating func enter(_ node: InputObjectTypeExtensionNode) -> VisitAction { enterEach { $0.enter(node) } }
    public mutating func leave(_ node: InputObjectTypeExtensionNode) { leaveEach { $0.leave(node) } }
}
