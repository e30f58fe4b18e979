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
        /// A new version breaks the contract a published parent depends on (409).
        public static let incompatibleVersion = Code(name: "INCOMPATIBLE_VERSION")
        /// The child version's circuit breaker is open: the invocation failed fast (503).
        public static let circuitOpen = Code(name: "CIRCUIT_OPEN")
        /// A guardrail refused the request (fan-out, nesting depth, ...).
        public static let limitExceeded = Code(name: "LIMIT_EXCEEDED")
        /// The input is larger than the tenant's tier admits (413).
        public static let payloadTooLarge = Code(name: "PAYLOAD_TOO_LARGE")
        /// The tenant's admission budget is spent for now (429 with Retry-After).
        public static let rateLimited = Code(name: "RATE_LIMITED")
        public var description: String { name }
    }

    public let code: Code
    public let message: String
    /// One line per problem, each naming where it is.
    public let details: [String]
    /// When trying again makes sense, in whole seconds (sent as `Retry-After`).
    public let retryAfterSeconds: Int?

    public init(_ code: Code, _ message: String, details: [String] = [], retryAfterSeconds: Int? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String {
        details.isEmpty ? message : message + "\n" + details.map { "  - " + $0 }.joined(separator: "\n")
    }
}
