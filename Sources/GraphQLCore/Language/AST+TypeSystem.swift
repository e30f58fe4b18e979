// Type system definitions: the SDL.

/// A `schema { query: Query }` definition.
///
/// ```
/// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
/// ```
public struct SchemaDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The root operation types.
    public var operationTypes: [OperationTypeDefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        directives: [DirectiveNode] = [],
        operationTypes: [OperationTypeDefinitionNode],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// A `scalar` definition.
///
/// ```
/// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
/// ```
public struct ScalarTypeDefinitionNode: Sendable, Equatable {
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

/// A `type` definition.
///
/// ```
/// ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
/// ```
public struct ObjectTypeDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The interfaces listed after `implements`.
    public var interfaces: [NamedTypeNode]
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The field definitions.
    public var fields: [FieldDefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        interfaces: [NamedTypeNode] = [],
        directives: [DirectiveNode] = [],
        fields: [FieldDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// An `interface` definition.
///
/// ```
/// InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
/// ```
public struct InterfaceTypeDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The interfaces listed after `implements`.
    public var interfaces: [NamedTypeNode]
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The field definitions.
    public var fields: [FieldDefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        interfaces: [NamedTypeNode] = [],
        directives: [DirectiveNode] = [],
        fields: [FieldDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// A `union` definition.
///
/// ```
/// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
/// ```
public struct UnionTypeDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The member types.
    public var types: [NamedTypeNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        directives: [DirectiveNode] = [],
        types: [NamedTypeNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// An `enum` definition.
///
/// ```
/// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
/// ```
public struct EnumTypeDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The enum values.
    public var values: [EnumValueDefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        directives: [DirectiveNode] = [],
        values: [EnumValueDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// An `input` definition.
///
/// ```
/// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
/// ```
public struct InputObjectTypeDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The input field definitions.
    public var fields: [InputValueDefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        directives: [DirectiveNode] = [],
        fields: [InputValueDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// A `directive @name on LOCATION` definition.
///
/// ```
/// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
/// ```
public struct DirectiveDefinitionNode: Sendable, Equatable {
    /// The description string written before the definition, if any.
    public var description: StringValueNode?
    /// The name.
    public var name: NameNode
    /// The arguments the directive accepts.
    public var arguments: [InputValueDefinitionNode]
    /// Whether the directive may appear more than once at a location.
    public var repeatable: Bool
    /// The locations, each a `DirectiveLocation` name.
    public var locations: [NameNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        description: StringValueNode? = nil,
        name: NameNode,
        arguments: [InputValueDefinitionNode] = [],
        repeatable: Bool = false,
        locations: [NameNode],
        loc: Location = .synthetic
    ) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.repeatable = repeatable
        self.locations = locations
        self.loc = loc
    }
}
