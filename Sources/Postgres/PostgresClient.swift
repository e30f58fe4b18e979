import ConnectionPool
import Logging
import Synchronization

/// The pooled Postgres client the rest of the service uses.
///
/// Each call borrows a connection from a bounded pool and gives it back; a connection that broke
/// (server restart, failover, network) is closed and replaced on the next call, and new
/// connections walk the configured host list, so a multi-host connection string follows a
/// promoted replica.
public final class PostgresClient: PostgresExecutor {
    public let configuration: PostgresConfiguration
    private let pool: ConnectionPool<PostgresConnection>
    private let statements = Atomic<Int>(0)

    /// How many statements ``query(_:_:)`` and ``execute(_:_:)`` have run (not counting those
    /// inside ``transaction(_:)``): how tests prove a list is loaded in a constant number of
    /// queries.
    public var statementCount: Int { statements.load(ordering: .relaxed) }

    /// Creates the client. No connection is opened until the first call.
    public init(configuration: PostgresConfiguration) throws {
        try configuration.validate()
        self.configuration = configuration
        let config = configuration
        self.pool = ConnectionPool(
            maxConnections: configuration.maxConnections,
            acquireTimeout: configuration.acquireTimeout,
            connect: { try await PostgresConnection.connect(config) })
    }

    public func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> [PostgresRow] {
        statements.add(1, ordering: .relaxed)
        return try await withConnection { try await $0.query(sql, parameters) }
    }

    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> Int {
        statements.add(1, ordering: .relaxed)
        return try await withConnection { try await $0.execute(sql, parameters) }
    }

    /// Runs `body` in a transaction: `BEGIN` (sent with the first statement), then `COMMIT` if
    /// `body` returns, `ROLLBACK` if it throws (the error is rethrown). A failed `COMMIT` throws too.
    public func transaction<T: Sendable>(
        _ body: @Sendable (PostgresTransaction) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            let transaction = PostgresTransaction(connection: connection)
            let value: T
            do {
                value = try await body(transaction)
            } catch {
                // A broken connection cannot roll back; the server discards the transaction anyway.
                if transaction.hasBegun { _ = try? await connection.execute("ROLLBACK") }
                throw error
            }
            if transaction.hasBegun { try await connection.execute("COMMIT") }
            return value
        }
    }

    /// Borrows a connection for several statements outside a transaction.
    public func withConnection<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await pool.withConnection(isBroken: { connection, error in
                await connection.isBroken(after: error)
            }, body)
        } catch let failure as ConnectionPoolFailure {
            switch failure {
            case .timedOut(let seconds, let max):
                throw PostgresError(
                    .poolTimeout,
                    "Timed out after \(seconds) s waiting for a Postgres connection: all \(max) pooled connections are busy.")
            case .closed:
                throw PostgresError(.poolClosed, "The Postgres client has been shut down.")
            }
        }
    }

    /// Sends a notification (`pg_notify`) on `channel`.
    public func notify(channel: String, payload: String = "") async throws {
        _ = try await query("SELECT pg_notify($1, $2)", [channel, payload])
    }

    /// Pool occupancy, for metrics and tests.
    public var poolStatistics: (open: Int, idle: Int, waiting: Int) {
        get async { await pool.statistics }
    }

    /// Closes idle connections and refuses new calls.
    public func shutdown() async { await pool.shutdown() }
}
