// The parts that type system definitions are made of: fields, arguments, enum values, root types.

/// One `query: Query` entry of a schema definition or extension.
///
/// ```
/// RootOperationTypeDefinition : OperationType : NamedType
/// ```
public struct OperationTypeDefinitionNode: Sendable, Equatable {
    /// The operation.
    public var operation: OperationType
    /// The root type for it.
    public var type: NamedTypeNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(operation: OperationType, type: NamedTypeNode, loc: Location = .synthetic) {
        self.operation = operation
        self.type = type
        self.loc = loc
    }
}

/// A field of an object or interface type.
///
/// ```
/// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
/// ```
public struct FieldDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The arguments the field accepts.
    public var arguments: [InputValueDefinitionNode]
    /// The field's type.
    public var type: TypeNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        arguments: [InputValueDefinitionNode] = [],
        type: TypeNode,
        directives: [DirectiveNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.loc = loc
    }
}

/// An argument definition or an input object field definition.
///
/// ```
/// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
/// ```
public struct InputValueDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The value's type.
    public var type: TypeNode
    /// The constant default value, if any.
    public var defaultValue: ValueNode?
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        type: TypeNode,
        defaultValue: ValueNode? = nil,
        directives: [DirectiveNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// One value of an enum definition.
///
/// ```
/// EnumValueDefinition : Description? EnumValue Directives[Const]?
/// ```
public struct EnumValueDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        directives: [DirectiveNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}
