/// An error from the Redis client: a code that can grow, plus a sentence.
public struct RedisError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The URL or options are malformed.
        public static let configuration = Code(name: "configuration")
        /// Could not connect (refused, unreachable, authentication failed).
        public static let connectionFailed = Code(name: "connectionFailed")
        /// The connection broke while in use; the command may or may not have run.
        public static let connectionLost = Code(name: "connectionLost")
        /// No reply within the command timeout.
        public static let timeout = Code(name: "timeout")
        /// The server answered with an error reply (`ERR ...`, `WRONGTYPE ...`, `NOSCRIPT ...`).
        public static let server = Code(name: "server")
        /// Every pooled connection stayed busy for longer than the acquire timeout.
        public static let poolTimeout = Code(name: "poolTimeout")
        /// The client has been shut down.
        public static let poolClosed = Code(name: "poolClosed")
        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// The first word of a server error (`NOSCRIPT`, `WRONGTYPE`, `ERR`, ...).
    public var serverErrorPrefix: String? {
        guard code == .server else { return nil }
        return message.split(separator: " ", maxSplits: 1).first.map(String.init)
    }

    /// Whether the connection that produced this error can no longer be trusted.
    var breaksConnection: Bool { code == .connectionLost || code == .timeout }
}
