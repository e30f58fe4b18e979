/// The outcome of executing a request: `data` and `errors`, as in a GraphQL response.
public struct GraphQLResult: Sendable {
    /// The data; `nil` when execution did not start (a request error), `.null` when it failed at the root.
    public var data: GraphQLValue?
    /// The errors, in the order they occurred.
    public var errors: [GraphQLError]

    /// Creates a result.
    public init(data: GraphQLValue?, errors: [GraphQLError] = []) {
        self.data = data
        self.errors = errors
    }

    /// The response as graphql-js's `JSON.stringify(await graphql(...))` writes it: `{"data":...}`,
    /// or `{"errors":[...],"data":...}` when there are errors, `{"errors":[...]}` without data.
    public var jsonString: String { asValue.jsonString }

    /// The response as a value (keys `errors`, then `data`).
    public var asValue: GraphQLValue {
        var object = GraphQLObject()
        if !errors.isEmpty { object.appendUnique("errors", .list(errors.map(\.asValue))) }
        if let data { object.appendUnique("data", data) }
        return .object(object)
    }
}

extension GraphQLError {
    /// The error as a response entry: `message`, then `locations`, `path` and `extensions` when present.
    public var asValue: GraphQLValue {
        var object = GraphQLObject()
        object.appendUnique("message", .string(message))
        if !locations.isEmpty {
            object.appendUnique("locations", .list(locations.map { .object(GraphQLObject([("line", .int($0.line)), ("column", .int($0.column))])) }))
        }
        if !path.isEmpty {
            object.appendUnique("path", .list(path.map {
                switch $0 {
                case .key(let key): .string(key)
                case .index(let index): .int(index)
                }
            }))
        }
        if !extensions.isEmpty {
            var values = GraphQLObject()
            for entry in extensions {
                switch entry.value {
                case .string(let string): values[entry.key] = .string(string)
                case .int(let int): values[entry.key] = .int(int)
                case .bool(let bool): values[entry.key] = .bool(bool)
                }
            }
            object.appendUnique("extensions", .object(values))
        }
        return .object(object)
    }
}
