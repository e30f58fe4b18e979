// The roots of the syntax tree and the enums that tie node kinds together.
//
// Nodes are value types. Each carries a `loc` with UTF-8 offsets into its `Source`; line and
// column are computed from it only when an error needs them. `loc` does not take part in
// `==`, so two nodes compare equal when they say the same thing, wherever they were written
// (validation compares argument values this way, and round-trip tests rely on it).

/// The UTF-8 byte range a node spans in its source: from its first token's start to its
/// last token's end.
public struct Location: Sendable, Equatable, Hashable {
    /// Offset of the node's first byte.
    public var start: Int
    /// Offset just past the node's last byte.
    public var end: Int

    /// Creates a location.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The location of nodes that were built in code rather than parsed.
    public static let synthetic = Location(start: 0, end: 0)
}

/// Wraps a stored property so that synthesized `Equatable` ignores it (used for `loc`).
@propertyWrapper
public struct IgnoredByEquality<Value: Sendable>: Sendable, Equatable {
    /// The wrapped value.
    public var wrappedValue: Value

    /// Wraps a value.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Always `true`: the wrapped value is metadata, not meaning.
    public static func == (lhs: Self, rhs: Self) -> Bool { true }
}

/// A name: of a field, type, argument, variable, directive, ...
///
/// ```
/// Name :: NameStart NameContinue* [lookahead != NameContinue]
/// ```
public struct NameNode: Sendable, Equatable {
    /// The name's text.
    public var value: String
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates a name.
    public init(_ value: String, loc: Location = .synthetic) {
        self.value = value
        self.loc = loc
    }
}

/// A whole GraphQL document: the result of `parse`.
///
/// ```
/// Document : Definition+
/// ```
public struct DocumentNode: Sendable, Equatable {
    /// The definitions, in source order.
    public var definitions: [DefinitionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates a document.
    public init(definitions: [DefinitionNode], loc: Location = .synthetic) {
        self.definitions = definitions
        self.loc = loc
    }
}

/// The kind of an operation, also used for root operation types in schema definitions.
public enum OperationType: String, Sendable, Equatable, Hashable {
    case query
    case mutation
    case subscription
}

/// Any top-level definition.
///
/// ```
/// Definition :
///   - ExecutableDefinition
///   - TypeSystemDefinitionOrExtension
/// ```
public enum DefinitionNode: Sendable, Equatable {
    case operation(OperationDefinitionNode)
    case fragment(FragmentDefinitionNode)
    case schema(SchemaDefinitionNode)
    case scalarType(ScalarTypeDefinitionNode)
    case objectType(ObjectTypeDefinitionNode)
    case interfaceType(InterfaceTypeDefinitionNode)
    case unionType(UnionTypeDefinitionNode)
    case enumType(EnumTypeDefinitionNode)
    case inputObjectType(InputObjectTypeDefinitionNode)
    case directive(DirectiveDefinitionNode)
    case schemaExtension(SchemaExtensionNode)
    case scalarTypeExtension(ScalarTypeExtensionNode)
    case objectTypeExtension(ObjectTypeExtensionNode)
    case interfaceTypeExtension(InterfaceTypeExtensionNode)
    case unionTypeExtension(UnionTypeExtensionNode)
    case enumTypeExtension(EnumTypeExtensionNode)
    case inputObjectTypeExtension(InputObjectTypeExtensionNode)

    /// Whether this is an operation or fragment, the only definitions a request may contain.
    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: true
        default: false
        }
    }

    /// Where the definition is in the source.
    public var loc: Location {
        switch self {
        case .operation(let node): node.loc
        case .fragment(let node): node.loc
        case .schema(let node): node.loc
        case .scalarType(let node): node.loc
        case .objectType(let node): node.loc
        case .interfaceType(let node): node.loc
        case .unionType(let node): node.loc
        case .enumType(let node): node.loc
        case .inputObjectType(let node): node.loc
        case .directive(let node): node.loc
        case .schemaExtension(let node): node.loc
        case .scalarTypeExtension(let node): node.loc
        case .objectTypeExtension(let node): node.loc
        case .interfaceTypeExtension(let node): node.loc
        case .unionTypeExtension(let node): node.loc
        case .enumTypeExtension(let node): node.loc
        case .inputObjectTypeExtension(let node): node.loc
        }
    }
}

/// One entry of a selection set.
///
/// ```
/// Selection :
///   - Field
///   - FragmentSpread
///   - InlineFragment
/// ```
public enum SelectionNode: Sendable, Equatable {
    case field(FieldNode)
    case fragmentSpread(FragmentSpreadNode)
    case inlineFragment(InlineFragmentNode)

    /// Where the selection is in the source.
    public var loc: Location {
        switch self {
        case .field(let node): node.loc
        case .fragmentSpread(let node): node.loc
        case .inlineFragment(let node): node.loc
        }
    }
}

/// An input value literal.
///
/// ```
/// Value[Const] :
///   - [~Const] Variable
///   - IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
///   - ListValue[?Const]
///   - ObjectValue[?Const]
/// ```
public enum ValueNode: Sendable, Equatable {
    case variable(VariableNode)
    case int(IntValueNode)
    case float(FloatValueNode)
    case string(StringValueNode)
    case boolean(BooleanValueNode)
    case null(NullValueNode)
    case enumValue(EnumValueNode)
    case list(ListValueNode)
    case object(ObjectValueNode)

    /// Where the value is in the source.
    public var loc: Location {
        switch self {
        case .variable(let node): node.loc
        case .int(let node): node.loc
        case .float(let node): node.loc
        case .string(let node): node.loc
        case .boolean(let node): node.loc
        case .null(let node): node.loc
        case .enumValue(let node): node.loc
        case .list(let node): node.loc
        case .object(let node): node.loc
        }
    }
}

/// A type reference.
///
/// ```
/// Type :
///   - NamedType
///   - ListType
///   - NonNullType
/// ```
public indirect enum TypeNode: Sendable, Equatable {
    case named(NamedTypeNode)
    case list(ListTypeNode)
    case nonNull(NonNullTypeNode)

    /// Where the type is in the source.
    public var loc: Location {
        switch self {
        case .named(let node): node.loc
        case .list(let node): node.loc
        case .nonNull(let node): node.loc
        }
    }

    /// The named type at the core of any list and non-null wrappers.
    public var namedType: NamedTypeNode {
        switch self {
        case .named(let node): node
        case .list(let node): node.type.namedType
        case .nonNull(let node): node.type.namedType
        }
    }
}
