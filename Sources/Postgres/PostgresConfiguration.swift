import Foundation
import CLibPQ

/// How to reach Postgres and how to size the pool.
public struct PostgresConfiguration: Sendable {
    /// A libpq connection string: a URL (`postgresql://user:pw@host:port/db?...`) or key/value
    /// form. Multi-host strings (`host=a,b port=5432,5433 target_session_attrs=read-write`) are
    /// passed through to libpq, which walks the list on every new connection; that is how the pool
    /// follows a promoted replica after failover.
    public var connectionString: String
    /// Upper bound on open connections.
    public var maxConnections: Int
    /// Seconds a caller waits for a free connection before ``PostgresError/Code/poolTimeout``.
    public var acquireTimeout: Double
    /// Seconds a single statement may run (server-side `statement_timeout`); 0 disables it.
    public var statementTimeout: Double
    /// Seconds to wait for a server to accept a new connection.
    public var connectTimeout: Int
    /// Shown in `pg_stat_activity`.
    public var applicationName: String

    public init(
        connectionString: String,
        maxConnections: Int = 10,
        acquireTimeout: Double = 5,
        statementTimeout: Double = 30,
        connectTimeout: Int = 5,
        applicationName: String = "maestro"
    ) {
        self.connectionString = connectionString
        self.maxConnections = maxConnections
        self.acquireTimeout = acquireTimeout
        self.statementTimeout = statementTimeout
        self.connectTimeout = connectTimeout
        self.applicationName = applicationName
    }

    /// Checks the connection string's syntax without connecting.
    public func validate() throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) } ?? "unparseable connection string"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(.configuration, "Invalid Postgres connection string: \(reason.trimmed)")
        }
        PQconninfoFree(options)
    }

    /// The connection string libpq gets, with our connect timeout and application name added
    /// (as query parameters for URLs, as keywords for key/value strings; libpq lets the later
    /// setting win, so explicit values in the user's string are overridden only for these two).
    var libpqConnectionString: String {
        if connectionString.contains("://") {
            let separator = connectionString.contains("?") ? "&" : "?"
            let name = applicationName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "maestro"
            return "\(connectionString)\(separator)connect_timeout=\(connectTimeout)&application_name=\(name)&\(Self.keepalives.replacingOccurrences(of: " ", with: "&"))"
        }
        return "\(connectionString) connect_timeout=\(connectTimeout) application_name=\(quoted(applicationName)) \(Self.keepalives)"
    }

    /// TCP keepalives and a user timeout: a peer that vanishes without closing the connection
    /// (a failover that drops packets) is detected in about 30 s instead of the kernel's minutes.
    static let keepalives = "keepalives=1 keepalives_idle=10 keepalives_interval=5 keepalives_count=3 tcp_user_timeout=30000"

    private func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

extension String {
    /// libpq messages end with a newline and sometimes span lines; logs want one line.
    var trimmed: String {
        split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
