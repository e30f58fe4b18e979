/// An error reported by any phase of the GraphQL engine: parsing, validation or execution.
///
/// Shaped like the "errors" entries of a GraphQL response: a message, the places in the
/// document it refers to, the response path it arose at, and free-form extensions.
public struct GraphQLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence describing the problem, e.g. `Syntax Error: Unterminated string.`
    public var message: String
    /// The places in the request document the error refers to.
    public var locations: [SourceLocation]
    /// The path of the response field where the error arose, when execution reported it.
    public var path: [PathComponent]
    /// Extra machine-readable detail, in insertion order, e.g. `("code", .string("BAD_INPUT"))`.
    public var extensions: [Extension]

    /// Creates an error.
    public init(
        message: String,
        locations: [SourceLocation] = [],
        path: [PathComponent] = [],
        extensions: [Extension] = []
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
    }

    /// One step of a response path: an object key or a list index.
    public enum PathComponent: Sendable, Equatable, Hashable {
        case key(String)
        case index(Int)
    }

    /// One entry of an error's `extensions` map.
    public struct Extension: Sendable, Equatable {
        /// The key in the `extensions` object.
        public var key: String
        /// The value stored under `key`.
        public var value: ExtensionValue

        /// Creates an extension entry.
        public init(_ key: String, _ value: ExtensionValue) {
            self.key = key
            self.value = value
        }
    }

    /// The values an extension entry can hold; deliberately small.
    public enum ExtensionValue: Sendable, Equatable {
        case string(String)
        case int(Int)
        case bool(Bool)
    }

    public var description: String {
        guard !locations.isEmpty else { return message }
        return message + " (" + locations.map(\.description).joined(separator: ", ") + ")"
    }

    /// A syntax error at a UTF-8 offset of `source`; the line and column are worked out now.
    static func syntax(_ description: String, source: Source, offset: Int) -> GraphQLError {
        GraphQLError(
            message: "Syntax Error: " + description,
            locations: [source.location(ofOffset: offset)]
        )
    }
}
