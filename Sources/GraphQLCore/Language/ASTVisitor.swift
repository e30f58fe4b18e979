/// What a visitor wants the walk to do after entering a node.
public enum VisitAction: Sendable, Equatable {
    /// Visit the node's children, then call `leave` for it.
    case `continue`
    /// Don't visit the node's children and don't call `leave` for it.
    case skipChildren
    /// End the whole walk now.
    case stop
}

/// A typed walk over the syntax tree: one `enter`/`leave` pair per node kind.
///
/// Every hook has a default that does nothing, so a visitor (a validation rule, say)
/// implements only the hooks it needs. Hooks are overloads of `enter(_:)` and `leave(_:)`,
/// told apart by the node type. Walk a document with `visit(_:with:)`; run several visitors
/// in one walk with `ParallelVisitor`.
public protocol ASTVisitor {
    /// Called before visiting the children of the whole document.
    mutating func enter(_ node: DocumentNode) -> VisitAction
    /// Called after visiting the children of the whole document.
    mutating func leave(_ node: DocumentNode)
    /// Called before visiting the children of an operation.
    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction
    /// Called after visiting the children of an operation.
    mutating func leave(_ node: OperationDefinitionNode)
    /// Called before visiting the children of a variable definition.
    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction
    /// Called after visiting the children of a variable definition.
    mutating func leave(_ node: VariableDefinitionNode)
    /// Called before visiting the children of a selection set.
    mutating func enter(_ node: SelectionSetNode) -> VisitAction
    /// Called after visiting the children of a selection set.
    mutating func leave(_ node: SelectionSetNode)
    /// Called before visiting the children of a field selection.
    mutating func enter(_ node: FieldNode) -> VisitAction
    /// Called after visiting the children of a field selection.
    mutating func leave(_ node: FieldNode)
    /// Called before visiting the children of an argument.
    mutating func enter(_ node: ArgumentNode) -> VisitAction
    /// Called after visiting the children of an argument.
    mutating func leave(_ node: ArgumentNode)
    /// Called before visiting the children of a fragment spread.
    mutating func enter(_ node: FragmentSpreadNode) -> VisitAction
    /// Called after visiting the children of a fragment spread.
    mutating func leave(_ node: FragmentSpreadNode)
    /// Called before visiting the children of an inline fragment.
    mutating func enter(_ node: InlineFragmentNode) -> VisitAction
    /// Called after visiting the children of an inline fragment.
    mutating func leave(_ node: InlineFragmentNode)
    /// Called before visiting the children of a fragment definition.
    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction
    /// Called after visiting the children of a fragment definition.
    mutating func leave(_ node: FragmentDefinitionNode)
    /// Called before visiting the children of an applied directive.
    mutating func enter(_ node: DirectiveNode) -> VisitAction
    /// Called after visiting the children of an applied directive.
    mutating func leave(_ node: DirectiveNode)
    /// Called before visiting the children of any value literal, including variables and nested list items and fields' values.
    mutating func enter(_ node: ValueNode) -> VisitAction
    /// Called after visiting the children of any value literal, including variables and nested list items and fields' values.
    mutating func leave(_ node: ValueNode)
    /// Called before visiting the children of a field of an input object literal.
    mutating func enter(_ node: ObjectFieldNode) -> VisitAction
    /// Called after visiting the children of a field of an input object literal.
    mutating func leave(_ node: ObjectFieldNode)
    /// Called before visiting the children of any type reference, including the types inside list and non-null wrappers.
    mutating func enter(_ node: TypeNode) -> VisitAction
    /// Called after visiting the children of any type reference, including the types inside list and non-null wrappers.
    mutating func leave(_ node: TypeNode)
    /// Called before visiting the children of a named type reference (also reached through `TypeNode`s).
    mutating func enter(_ node: NamedTypeNode) -> VisitAction
    /// Called after visiting the children of a named type reference (also reached through `TypeNode`s).
    mutating func leave(_ node: NamedTypeNode)
    /// Called before visiting the children of a schema definition.
    mutating func enter(_ node: SchemaDefinitionNode) -> VisitAction
    /// Called after visiting the children of a schema definition.
    mutating func leave(_ node: SchemaDefinitionNode)
    /// Called before visiting the children of a root operation type of a schema definition or extension.
    mutating func enter(_ node: OperationTypeDefinitionNode) -> VisitAction
    /// Called after visiting the children of a root operation type of a schema definition or extension.
    mutating func leave(_ node: OperationTypeDefinitionNode)
    /// Called before visiting the children of a scalar definition.
    mutating func enter(_ node: ScalarTypeDefinitionNode) -> VisitAction
    /// Called after visiting the children of a scalar definition.
    mutating func leave(_ node: ScalarTypeDefinitionNode)
    /// Called before visiting the children of an object type definition.
    mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction
    /// Called after visiting the children of an object type definition.
    mutating func leave(_ node: ObjectTypeDefinitionNode)
    /// Called before visiting the children of a field definition.
    mutating func enter(_ node: FieldDefinitionNode) -> VisitAction
    /// Called after visiting the children of a field definition.
    mutating func leave(_ node: FieldDefinitionNode)
    /// Called before visiting the children of an argument or input field definition.
    mutating func enter(_ node: InputValueDefinitionNode) -> VisitAction
    /// Called after visiting the children of an argument or input field definition.
    mutating func leave(_ node: InputValueDefinitionNode)
    /// Called before visiting the children of an interface definition.
    mutating func enter(_ node: InterfaceTypeDefinitionNode) -> VisitAction
    /// Called after visiting the children of an interface definition.
    mutating func leave(_ node: InterfaceTypeDefinitionNode)
    /// Called before visiting the children of a union definition.
    mutating func enter(_ node: UnionTypeDefinitionNode) -> VisitAction
    /// Called after visiting the children of a union definition.
    mutating func leave(_ node: UnionTypeDefinitionNode)
    /// Called before visiting the children of an enum definition.
    mutating func enter(_ node: EnumTypeDefinitionNode) -> VisitAction
    /// Called after visiting the children of an enum definition.
    mutating func leave(_ node: EnumTypeDefinitionNode)
    /// Called before visiting the children of an enum value definition.
    mutating func enter(_ node: EnumValueDefinitionNode) -> VisitAction
    /// Called after visiting the children of an enum value definition.
    mutating func leave(_ node: EnumValueDefinitionNode)
    /// Called before visiting the children of an input object definition.
    mutating func enter(_ node: InputObjectTypeDefinitionNode) -> VisitAction
    /// Called after visiting the children of an input object definition.
    mutating func leave(_ node: InputObjectTypeDefinitionNode)
    /// Called before visiting the children of a directive definition.
    mutating func enter(_ node: DirectiveDefinitionNode) -> VisitAction
    /// Called after visiting the children of a directive definition.
    mutating func leave(_ node: DirectiveDefinitionNode)
    /// Called before visiting the children of a schema extension.
    mutating func enter(_ node: SchemaExtensionNode) -> VisitAction
    /// Called after visiting the children of a schema extension.
    mutating func leave(_ node: SchemaExtensionNode)
    /// Called before visiting the children of a scalar extension.
    mutating func enter(_ node: ScalarTypeExtensionNode) -> VisitAction
    /// Called after visiting the children of a scalar extension.
    mutating func leave(_ node: ScalarTypeExtensionNode)
    /// Called before visiting the children of an object type extension.
    mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction
    /// Called after visiting the children of an object type extension.
    mutating func leave(_ node: ObjectTypeExtensionNode)
    /// Called before visiting the children of an interface extension.
    mutating func enter(_ node: InterfaceTypeExtensionNode) -> VisitAction
    /// Called after visiting the children of an interface extension.
    mutating func leave(_ node: InterfaceTypeExtensionNode)
    /// Called before visiting the children of a union extension.
    mutating func enter(_ node: UnionTypeExtensionNode) -> VisitAction
    /// Called after visiting the children of a union extension.
    mutating func leave(_ node: UnionTypeExtensionNode)
    /// Called before visiting the children of an enum extension.
    mutating func enter(_ node: EnumTypeExtensionNode) -> VisitAction
    /// Called after visiting the children of an enum extension.
    mutating func leave(_ node: EnumTypeExtensionNode)
    /// Called before visiting the children of an input object extension.
    mutating func enter(_ node: InputObjectTypeExtensionNode) -> VisitAction
    /// Called after visiting the children of an input object extension.
    mutating func leave(_ node: InputObjectTypeExtensionNode)
}

extension ASTVisitor {
    public mutating func enter(_ node: DocumentNode) -> VisitAction { .continue }
    public mutating func leave(_ node: DocumentNode) {}
    public mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: OperationDefinitionNode) {}
    public mutating func enter(_ node: VariableDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: VariableDefinitionNode) {}
    public mutating func enter(_ node: SelectionSetNode) -> VisitAction { .continue }
    public mutating func leave(_ node: SelectionSetNode) {}
    public mutating func enter(_ node: FieldNode) -> VisitAction { .continue }
    public mutating func leave(_ node: FieldNode) {}
    public mutating func enter(_ node: ArgumentNode) -> VisitAction { .continue }
    public mutating func leave(_ node: ArgumentNode) {}
    public mutating func enter(_ node: FragmentSpreadNode) -> VisitAction { .continue }
    public mutating func leave(_ node: FragmentSpreadNode) {}
    public mutating func enter(_ node: InlineFragmentNode) -> VisitAction { .continue }
    public mutating func leave(_ node: InlineFragmentNode) {}
    public mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: FragmentDefinitionNode) {}
    public mutating func enter(_ node: DirectiveNode) -> VisitAction { .continue }
    public mutating func leave(_ node: DirectiveNode) {}
    public mutating func enter(_ node: ValueNode) -> VisitAction { .continue }
    public mutating func leave(_ node: ValueNode) {}
    public mutating func enter(_ node: ObjectFieldNode) -> VisitAction { .continue }
    public mutating func leave(_ node: ObjectFieldNode) {}
    public mutating func enter(_ node: TypeNode) -> VisitAction { .continue }
    public mutating func leave(_ node: TypeNode) {}
    public mutating func enter(_ node: NamedTypeNode) -> VisitAction { .continue }
    public mutating func leave(_ node: NamedTypeNode) {}
    public mutating func enter(_ node: SchemaDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: SchemaDefinitionNode) {}
    public mutating func enter(_ node: OperationTypeDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: OperationTypeDefinitionNode) {}
    public mutating func enter(_ node: ScalarTypeDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: ScalarTypeDefinitionNode) {}
    public mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: ObjectTypeDefinitionNode) {}
    public mutating func enter(_ node: FieldDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: FieldDefinitionNode) {}
    public mutating func enter(_ node: InputValueDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: InputValueDefinitionNode) {}
    public mutating func enter(_ node: InterfaceTypeDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: InterfaceTypeDefinitionNode) {}
    public mutating func enter(_ node: UnionTypeDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: UnionTypeDefinitionNode) {}
    public mutating func enter(_ node: EnumTypeDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: EnumTypeDefinitionNode) {}
    public mutating func enter(_ node: EnumValueDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: EnumValueDefinitionNode) {}
    public mutating func enter(_ node: InputObjectTypeDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: InputObjectTypeDefinitionNode) {}
    public mutating func enter(_ node: DirectiveDefinitionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: DirectiveDefinitionNode) {}
    public mutating func enter(_ node: SchemaExtensionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: SchemaExtensionNode) {}
    public mutating func enter(_ node: ScalarTypeExtensionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: ScalarTypeExtensionNode) {}
    public mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: ObjectTypeExtensionNode) {}
    public mutating func enter(_ node: InterfaceTypeExtensionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: InterfaceTypeExtensionNode) {}
    public mutating func enter(_ node: UnionTypeExtensionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: UnionTypeExtensionNode) {}
    public mutating func enter(_ node: EnumTypeExtensionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: EnumTypeExtensionNode) {}
    public mutating func enter(_ node: InputObjectTypeExtensionNode) -> VisitAction { .continue }
    public mutating func leave(_ node: InputObjectTypeExtensionNode) {}
}
