import Synchronization

/// A transaction in progress on one connection. Only valid inside the closure given to
/// ``PostgresClient/transaction(_:)``; nested transactions (savepoints) are deliberately absent.
///
/// `BEGIN` is sent with the transaction's first statement (see
/// ``PostgresConnection/beginAndQuery(_:_:)``), saving a round trip per transaction; a
/// transaction that runs no statement never reaches the server. A transaction's statements run
/// one after another (never `async let` or a task group over one transaction): which one carries
/// the `BEGIN` is decided before it is queued.
public struct PostgresTransaction: PostgresExecutor {
    let connection: PostgresConnection
    private let state = BeginState()

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Whether `BEGIN` has been sent: the client commits or rolls back only then.
    var hasBegun: Bool { state.begun.load(ordering: .acquiring) }

    public func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> [PostgresRow] {
        guard takeBegin() else { return try await connection.query(sql, parameters) }
        return try await connection.beginAndQuery(sql, parameters)
    }

    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> Int {
        guard takeBegin() else { return try await connection.execute(sql, parameters) }
        return try await connection.beginAndExecute(sql, parameters)
    }

    /// True for the first statement only. Marked before the statement is sent, so a failure of the
    /// combined send still ends in a rollback.
    private func takeBegin() -> Bool {
        !state.begun.exchange(true, ordering: .acquiringAndReleasing)
    }
}

/// Whether a transaction's `BEGIN` has gone out (shared by the copies of one transaction; its
/// statements run one after another).
private final class BeginState: Sendable {
    let begun = Atomic<Bool>(false)
}
