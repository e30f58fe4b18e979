/// The kinds of named types, spelled as `__TypeKind` spells them.
public enum GraphQLTypeKind: String, Sendable, Hashable {
    /// A scalar: a leaf with coercion rules.
    case scalar = "SCALAR"
    /// An object type with fields.
    case object = "OBJECT"
    /// An interface: fields that object types implement.
    case interface = "INTERFACE"
    /// A union of object types.
    case union = "UNION"
    /// An enum: a leaf with a fixed set of values.
    case `enum` = "ENUM"
    /// An input object: a structured argument value.
    case inputObject = "INPUT_OBJECT"

    /// Scalars and enums: types whose values are leaves of a response.
    public var isLeaf: Bool { self == .scalar || self == .enum }
    /// Interfaces and unions: types resolved to an object type at run time.
    public var isAbstract: Bool { self == .interface || self == .union }
    /// Types that may be used for arguments and variables.
    public var isInput: Bool { self == .scalar || self == .enum || self == .inputObject }
    /// Types that may be returned by fields.
    public var isOutput: Bool { self != .inputObject }
}

/// A named type of a schema. One struct serves every kind; the members a kind does not use
/// stay empty (a union has no fields), which keeps lookups in the executor to one hop.
public struct GraphQLNamedType: Sendable {
    /// The kind of type.
    public var kind: GraphQLTypeKind
    /// The type's name.
    public var name: String
    /// The description from the SDL, if any.
    public var description: String?
    /// Fields of an object or interface, in definition order.
    public var fields: [GraphQLField] = [] { didSet { reindexFields() } }
    /// Interfaces an object or interface implements, by name.
    public var interfaces: [String] = []
    /// Members of a union, by name.
    public var unionMembers: [String] = []
    /// Values of an enum, in definition order.
    public var enumValues: [GraphQLEnumValue] = []
    /// Fields of an input object, in definition order.
    public var inputFields: [GraphQLInputValue] = []
    /// The `@specifiedBy(url:)` of a scalar.
    public var specifiedByURL: String?
    /// Whether an input object is `@oneOf`: exactly one field must be given, and not null.
    public var isOneOf = false
    /// How a scalar's values are coerced; the built-in scalars bring their own.
    public var coercing: any ScalarCoercing = PassThroughScalarCoercing()
    /// The directives applied to the definition and its extensions, in source order.
    public var appliedDirectives: [DirectiveNode] = []
    /// The definition and extension nodes this type was built from (for error locations).
    public var definitionLocations: [Location] = []

    private var fieldIndex: [String: Int] = [:]

    /// Creates a type of a kind; set the members for that kind afterwards.
    public init(kind: GraphQLTypeKind, name: String, description: String? = nil) {
        self.kind = kind
        self.name = name
        self.description = description
    }

    /// The field named `name` of an object or interface.
    public func field(named name: String) -> GraphQLField? {
        guard let index = fieldIndex[name] else { return nil }
        return fields[index]
    }

    /// The index of the field named `name`, for resolver installation.
    func fieldPosition(_ name: String) -> Int? { fieldIndex[name] }

    /// The enum value named `name`.
    public func enumValue(named name: String) -> GraphQLEnumValue? {
        enumValues.first { $0.name == name }
    }

    private mutating func reindexFields() {
        fieldIndex.removeAll(keepingCapacity: true)
        for (index, field) in fields.enumerated() where fieldIndex[field.name] == nil {
            fieldIndex[field.name] = index
        }
    }
}

/// A field of an object or interface type.
public struct GraphQLField: Sendable {
    /// The field's name.
    public var name: String
    /// The description from the SDL, if any.
    public var description: String?
    /// The type of the field's value.
    public var type: GraphQLTypeReference
    /// The arguments, in definition order.
    public var arguments: [GraphQLInputValue]
    /// The `@deprecated(reason:)`, if deprecated.
    public var deprecationReason: String?
    /// The resolver; `nil` means the executor's default resolver.
    public var resolve: FieldResolver?
    /// The directives applied, in source order.
    public var appliedDirectives: [DirectiveNode] = []
    /// Where the field was defined.
    public var loc: Location = .synthetic

    /// Creates a field.
    public init(
        name: String, description: String? = nil, type: GraphQLTypeReference,
        arguments: [GraphQLInputValue] = [], deprecationReason: String? = nil, resolve: FieldResolver? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.arguments = arguments
        self.deprecationReason = deprecationReason
        self.resolve = resolve
    }
}

/// An argument or an input object field.
public struct GraphQLInputValue: Sendable {
    /// The name.
    public var name: String
    /// The description from the SDL, if any.
    public var description: String?
    /// The input type.
    public var type: GraphQLTypeReference
    /// The default value as written in the SDL, if any.
    public var defaultValueNode: ValueNode?
    /// The default value coerced to `type`; set when the schema is built.
    public var defaultValue: GraphQLValue?
    /// The `@deprecated(reason:)`, if deprecated.
    public var deprecationReason: String?
    /// The directives applied, in source order.
    public var appliedDirectives: [DirectiveNode] = []
    /// Where the value was defined.
    public var loc: Location = .synthetic

    /// Creates an input value.
    public init(
        name: String, description: String? = nil, type: GraphQLTypeReference,
        defaultValueNode: ValueNode? = nil, deprecationReason: String? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValueNode = defaultValueNode
        self.deprecationReason = deprecationReason
    }
}

/// One value of an enum type; its internal value is its name.
public struct GraphQLEnumValue: Sendable {
    /// The name, which is also the value in responses.
    public var name: String
    /// The description from the SDL, if any.
    public var description: String?
    /// The `@deprecated(reason:)`, if deprecated.
    public var deprecationReason: String?
    /// The directives applied, in source order.
    public var appliedDirectives: [DirectiveNode] = []

    /// Creates an enum value.
    public init(name: String, description: String? = nil, deprecationReason: String? = nil) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
    }
}
