/// An error the engine reports to its callers (GraphQL, REST, CLI). A struct wrapping a code so
/// codes can grow; `details` lists each individual problem (definition errors, schema errors).
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public static let invalidDefinition = Code(name: "INVALID_DEFINITION")
        public static let versionConflict = Code(name: "VERSION_CONFLICT")
        public static let notFound = Code(name: "NOT_FOUND")
        public static let invalidInput = Code(name: "INVALID_INPUT")
        public static let invalidState = Code(name: "INVALID_STATE")
        public var description: String { name }
    }

    public let code: Code
    public let message: String
    /// One line per problem, each naming where it is.
    public let details: [String]

    public init(_ code: Code, _ message: String, details: [String] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String {
        details.isEmpty ? message : message + "\n" + details.map { "  - " + $0 }.joined(separator: "\n")
    }
}
