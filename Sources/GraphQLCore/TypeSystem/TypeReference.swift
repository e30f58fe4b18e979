/// A reference to a type from a field, argument or variable: a named type, possibly wrapped
/// in lists and non-nulls. Named types are looked up in the schema by name, which keeps the
/// schema a plain value despite its cycles.
public indirect enum GraphQLTypeReference: Sendable, Hashable, CustomStringConvertible {
    /// A named type, by name.
    case named(String)
    /// A list of the wrapped type.
    case list(GraphQLTypeReference)
    /// The wrapped type, never null.
    case nonNull(GraphQLTypeReference)

    /// The name of the named type inside any wrappers.
    public var namedType: String {
        switch self {
        case .named(let name): name
        case .list(let inner), .nonNull(let inner): inner.namedType
        }
    }

    /// Whether the outermost wrapper is non-null.
    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type with an outer non-null removed.
    public var nullable: GraphQLTypeReference {
        if case .nonNull(let inner) = self { return inner }
        return self
    }

    /// The type in SDL notation, e.g. `[Int!]!`.
    public var description: String {
        switch self {
        case .named(let name): name
        case .list(let inner): "[\(inner)]"
        case .nonNull(let inner): "\(inner)!"
        }
    }

    /// The reference a type node in a document denotes.
    public init(_ node: TypeNode) {
        switch node {
        case .named(let named): self = .named(named.name.value)
        case .list(let list): self = .list(GraphQLTypeReference(list.type))
        case .nonNull(let nonNull): self = .nonNull(GraphQLTypeReference(nonNull.type))
        }
    }
}
