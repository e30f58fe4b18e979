/// An error from the Postgres client. A struct wrapping a code, so new codes can be added without
/// breaking callers that switch on the ones they know.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The connection string is malformed.
        public static let configuration = Code(name: "configuration")
        /// No server accepted the connection (unreachable, wrong password, no writable host).
        public static let connectionFailed = Code(name: "connectionFailed")
        /// The connection broke while in use; the statement may or may not have run.
        public static let connectionLost = Code(name: "connectionLost")
        /// The server rejected the statement; `sqlState` says why.
        public static let server = Code(name: "server")
        /// Every pooled connection stayed busy for longer than the acquire timeout.
        public static let poolTimeout = Code(name: "poolTimeout")
        /// The pool has been shut down.
        public static let poolClosed = Code(name: "poolClosed")
        /// A column could not be decoded into the requested Swift type.
        public static let decoding = Code(name: "decoding")
        public var description: String { name }
    }

    public let code: Code
    /// The SQLSTATE for server errors (e.g. `23505` unique violation, `57014` statement timeout).
    public let sqlState: String?
    /// A sentence describing the failure.
    public let message: String

    public init(_ code: Code, sqlState: String? = nil, _ message: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    public var description: String {
        if let sqlState { return "\(message) (SQLSTATE \(sqlState))" }
        return message
    }

    /// Whether the failure means the server will not take writes on this connection: a standby
    /// after failover (`25006`), or a server shutting down. Such connections are replaced.
    var meansConnectionUnusable: Bool {
        guard let sqlState else { return code == .connectionLost }
        return sqlState == "25006" || sqlState.hasPrefix("57P") || sqlState.hasPrefix("08")
    }
}

/// Well-known SQLSTATE values the rest of the code base asks about.
public enum SQLState {
    public static let uniqueViolation = "23505"
    public static let foreignKeyViolation = "23503"
    public static let queryCanceled = "57014"
    public static let readOnlyTransaction = "25006"
    public static let serializationFailure = "40001"
}
