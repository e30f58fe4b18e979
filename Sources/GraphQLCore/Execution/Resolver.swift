/// What a resolver produced for a field.
///
/// Synchronous resolvers return `.value`, `.source` or `.list` directly, and the executor
/// completes them inline with no task or suspension; only `.async` values are awaited, and
/// sibling `.async` fields of a query run concurrently.
public enum ResolvedValue: Sendable {
    /// JSON-like data: a leaf value, or an object whose properties the default resolver reads.
    case value(GraphQLValue)
    /// An opaque object for the resolvers of the selected fields to read.
    case source(any Sendable)
    /// A list whose items are completed one by one.
    case list([ResolvedValue])
    /// Work to await; the executor completes its result.
    case async(@Sendable () async throws -> ResolvedValue)

    /// `null`.
    public static let null = ResolvedValue.value(.null)
}

/// Resolves one field: given the parent value, the coerced arguments (in definition order)
/// and information about the field, returns its value or throws. A thrown `GraphQLError`
/// keeps its message and extensions; any other error is reported by its description.
public typealias FieldResolver = @Sendable (
    _ source: ResolvedValue, _ arguments: GraphQLObject, _ info: ResolveInfo
) throws -> ResolvedValue

/// Names the object type of a value of an abstract (interface or union) type; `nil` when unknown.
public typealias TypeResolver = @Sendable (_ value: ResolvedValue, _ info: ResolveInfo) throws -> String?

/// Information a resolver receives about the field being resolved.
public struct ResolveInfo: Sendable {
    /// The field's name (not its alias).
    public let fieldName: String
    /// All the field nodes merged under this response key.
    public let fieldNodes: [FieldNode]
    /// The field's declared type.
    public let returnType: GraphQLTypeReference
    /// The name of the object type the field belongs to.
    public let parentType: String
    /// The response path to this field (allocated on each access; most fields never ask).
    public var path: ResponsePath { position.path }
    let position: ResponsePosition
    let context: ExecutionContext
    /// The named type inside `returnType`, already looked up.
    let namedType: TypeEntry?

    /// The schema being executed against.
    public var schema: GraphQLSchema { context.schema }
    /// The operation being executed.
    public var operation: OperationDefinitionNode { context.operation }
    /// The coerced variable values.
    public var variableValues: GraphQLObject { context.variableValues }
    /// The root value given to the executor.
    public var rootValue: ResolvedValue { context.rootValue }
    /// The application value given to the executor (e.g. the request's identity).
    public var contextValue: (any Sendable)? { context.contextValue }
}

/// A response position whose `ResponsePath` object is only allocated when something needs it
/// (an error, a child field, deferred work): leaf fields that complete normally never do.
struct ResponsePosition: Sendable {
    let parent: ResponsePath?
    let component: GraphQLError.PathComponent

    var path: ResponsePath { ResponsePath(parent: parent, component: component) }

    init(parent: ResponsePath?, component: GraphQLError.PathComponent) {
        self.parent = parent
        self.component = component
    }

    init(_ path: ResponsePath) {
        self.init(parent: path.parent, component: path.component)
    }
}

/// A response path as a linked list, shared by all the fields below a point: each field
/// only allocates its own link.
public final class ResponsePath: Sendable {
    /// The enclosing path; `nil` at the root.
    public let parent: ResponsePath?
    /// This step: a response key or a list index.
    public let component: GraphQLError.PathComponent

    /// Appends a component to `parent`.
    public init(parent: ResponsePath?, component: GraphQLError.PathComponent) {
        self.parent = parent
        self.component = component
    }

    /// The components from the root to here.
    public var components: [GraphQLError.PathComponent] {
        var result: [GraphQLError.PathComponent] = []
        var node: ResponsePath? = self
        while let current = node {
            result.append(current.component)
            node = current.parent
        }
        return result.reversed()
    }
}

/// The default field resolver: the property of a JSON object parent named after the field;
/// `null` for anything else (graphql-js `defaultFieldResolver` over plain data).
public let defaultFieldResolver: FieldResolver = { source, _, info in
    if case .value(.object(let object)) = source {
        return .value(object[info.fieldName] ?? .null)
    }
    return .null
}

/// The default type resolver: the `__typename` property of a JSON object value.
public let defaultTypeResolver: TypeResolver = { value, _ in
    if case .value(.object(let object)) = value, case .string(let name)? = object["__typename"] {
        return name
    }
    return nil
}
