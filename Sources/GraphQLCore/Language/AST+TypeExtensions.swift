// Type system extensions: `extend schema`, `extend type`, ...

/// An `extend schema` extension.
///
/// ```
/// SchemaExtension :
///   - extend schema Directives[Const]? { RootOperationTypeDefinition+ }
///   - extend schema Directives[Const] [lookahead != `{`]
/// ```
public struct SchemaExtensionNode: Sendable, Equatable {
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The root operation types added.
    public var operationTypes: [OperationTypeDefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        directives: [DirectiveNode] = [],
        operationTypes: [OperationTypeDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// An `extend scalar` extension.
///
/// ```
/// ScalarTypeExtension : extend scalar Name Directives[Const]
/// ```
public struct ScalarTypeExtensionNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        name: NameNode,
        directives: [DirectiveNode] = [],
        loc: Location = .synthetic
    ) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// An `extend type` extension.
///
/// ```
/// ObjectTypeExtension :
///   - extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
///   - extend type Name ImplementsInterfaces? Directives[Const] [lookahead != `{`]
///   - extend type Name ImplementsInterfaces [lookahead != `{`]
/// ```
public struct ObjectTypeExtensionNode: Sendable, Equatable {
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
        name: NameNode,
        interfaces: [NamedTypeNode] = [],
        directives: [DirectiveNode] = [],
        fields: [FieldDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// An `extend interface` extension.
///
/// ```
/// InterfaceTypeExtension :
///   - extend interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
///   - extend interface Name ImplementsInterfaces? Directives[Const] [lookahead != `{`]
///   - extend interface Name ImplementsInterfaces [lookahead != `{`]
/// ```
public struct InterfaceTypeExtensionNode: Sendable, Equatable {
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
        name: NameNode,
        interfaces: [NamedTypeNode] = [],
        directives: [DirectiveNode] = [],
        fields: [FieldDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// An `extend union` extension.
///
/// ```
/// UnionTypeExtension :
///   - extend union Name Directives[Const]? UnionMemberTypes
///   - extend union Name Directives[Const]
/// ```
public struct UnionTypeExtensionNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The member types added.
    public var types: [NamedTypeNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        name: NameNode,
        directives: [DirectiveNode] = [],
        types: [NamedTypeNode] = [],
        loc: Location = .synthetic
    ) {
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// An `extend enum` extension.
///
/// ```
/// EnumTypeExtension :
///   - extend enum Name Directives[Const]? EnumValuesDefinition
///   - extend enum Name Directives[Const] [lookahead != `{`]
/// ```
public struct EnumTypeExtensionNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// The values added.
    public var values: [EnumValueDefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        name: NameNode,
        directives: [DirectiveNode] = [],
        values: [EnumValueDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// An `extend input` extension.
///
/// ```
/// InputObjectTypeExtension :
///   - extend input Name Directives[Const]? InputFieldsDefinition
///   - extend input Name Directives[Const] [lookahead != `{`]
/// ```
public struct InputObjectTypeExtensionNode: Sendable, Equatable {
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
        name: NameNode,
        directives: [DirectiveNode] = [],
        fields: [InputValueDefinitionNode] = [],
        loc: Location = .synthetic
    ) {
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}
