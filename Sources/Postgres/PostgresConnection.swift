import CLibPQ
import ConnectionPool
import Dispatch
import Foundation

/// One libpq connection.
///
/// libpq calls block, so every call runs on the connection's own serial dispatch queue, never on
/// Swift's cooperative thread pool (blocking it would stall every task in the process). The
/// queue also serialises access to the `PGconn`, which libpq requires.
///
/// `@unchecked Sendable`: `handle` and `closed` are only touched on `queue`, which serialises every
/// libpq call, and by ``isUsable()``, which the pool calls only while nobody holds the connection.
public final class PostgresConnection: @unchecked Sendable, PooledConnection {
    private nonisolated(unsafe) let handle: OpaquePointer
    private let queue: DispatchQueue
    private nonisolated(unsafe) var closed = false
    /// Server-side prepared statements by SQL text. Parsing and planning once per connection
    /// instead of once per call matters on a small machine where Postgres shares the CPU.
    private nonisolated(unsafe) var prepared: [String: String] = [:]
    /// Beyond this many distinct statements, new ones run unprepared (bounds server memory).
    static let preparedStatementLimit = 512

    private init(handle: OpaquePointer, label: String) {
        self.handle = handle
        self.queue = DispatchQueue(label: label)
    }

    /// Opens a connection and prepares the session (UTC, ISO dates, statement timeout).
    public static func connect(_ configuration: PostgresConfiguration) async throws -> PostgresConnection {
        let conninfo = configuration.libpqConnectionString
        let connection: PostgresConnection = try await runBlocking {
            guard let handle = PQconnectdb(conninfo) else {
                throw PostgresError(.connectionFailed, "libpq could not allocate a connection.")
            }
            if PQstatus(handle) != CONNECTION_OK {
                let message = String(cString: PQerrorMessage(handle)).trimmed
                PQfinish(handle)
                throw PostgresError(.connectionFailed, "Could not connect to Postgres: \(message)")
            }
            // Server NOTICEs (e.g. "relation already exists, skipping") are not errors; libpq's
            // default processor would print them to stderr, interleaved with our logs.
            PQsetNoticeProcessor(handle, { _, _ in }, nil)
            return PostgresConnection(handle: handle, label: "maestro.postgres.connection")
        }
        let timeoutMs = Int(configuration.statementTimeout * 1000)
        do {
            _ = try await connection.execute(
                "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO'; SET statement_timeout = \(timeoutMs)")
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// Runs blocking work off the cooperative pool.
    private static func runBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `work` with the handle on this connection's queue.
    private func run<T: Sendable>(_ work: @escaping @Sendable (OpaquePointer) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                if closed {
                    continuation.resume(throwing: PostgresError(.connectionLost, "The connection is closed."))
                    return
                }
                continuation.resume(with: Result { try work(handle) })
            }
        }
    }

    /// Runs one statement with bound parameters and returns its rows.
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> [PostgresRow] {
        let texts = parameters.map(\.postgresText)
        return try await run { [self] handle in
            try withPreparedResult(handle, sql, texts) { result in Self.rows(of: result) }
        }
    }

    /// Runs statements for their effect and returns the number of rows affected by the last one.
    /// With no parameters, `sql` may hold several statements separated by semicolons.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> Int {
        let texts = parameters.map(\.postgresText)
        return try await run { [self] handle in
            if texts.isEmpty {
                return try Self.withResult(handle, sql, texts, simpleProtocol: true) { result in Int(String(cString: PQcmdTuples(result))) ?? 0 }
            }
            return try withPreparedResult(handle, sql, texts) { result in Int(String(cString: PQcmdTuples(result))) ?? 0 }
        }
    }

    /// Opens a transaction and runs its first statement. When the statement is already prepared on
    /// this connection, `BEGIN` and the statement travel together in one libpq pipeline: one round
    /// trip (and one thread hand-off) instead of two. With no parameters, `execute` sends both in
    /// one simple query. Either way a failing statement leaves the transaction open and aborted,
    /// exactly as if `BEGIN` had been sent alone; the caller rolls back.
    func beginAndQuery(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> [PostgresRow] {
        let texts = parameters.map(\.postgresText)
        return try await run { [self] handle in
            try withBegin(handle, sql, texts) { result in Self.rows(of: result) }
        }
    }

    /// ``beginAndQuery(_:_:)`` for a statement run for its effect.
    func beginAndExecute(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> Int {
        let texts = parameters.map(\.postgresText)
        return try await run { [self] handle in
            if texts.isEmpty {
                return try Self.withResult(handle, "BEGIN; " + sql, texts, simpleProtocol: true) { result in Int(String(cString: PQcmdTuples(result))) ?? 0 }
            }
            return try withBegin(handle, sql, texts) { result in Int(String(cString: PQcmdTuples(result))) ?? 0 }
        }
    }

    /// Whether the connection is still good, asked before an idle connection is reused.
    ///
    /// A server that shuts down (restart, failover) sends a FATAL message and closes the socket.
    /// An idle connection's socket is readable only then (we never LISTEN on pooled
    /// connections), so while it is readable we let libpq consume what is there; reading the EOF
    /// behind the message marks the connection bad. libpq keeps its sockets non-blocking, so none
    /// of this waits.
    ///
    /// It runs on the caller's thread, not on the connection's queue: the pool asks only about a
    /// connection that nobody holds (idle, or given back after its work finished), so no libpq call
    /// can be in flight, and the check is one non-blocking `poll`, not worth two thread hand-offs
    /// on every borrow.
    public func isUsable() async -> Bool {
        guard !closed else { return false }
        for _ in 0..<4 {
            guard PQstatus(handle) == CONNECTION_OK, PQtransactionStatus(handle) == PQTRANS_IDLE else { return false }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return true }
            if PQconsumeInput(handle) == 0 { return false }
            while let notification = PQnotifies(handle) { PQfreemem(notification) }
        }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Whether a connection whose work just ended must not go back to the pool. It is checked even
    /// after success: the pool may hand it straight to a waiter, and a server that went away
    /// meanwhile must cost a reconnect, not the waiter's request.
    func isBroken(after error: (any Error)?) async -> Bool {
        if let error = error as? PostgresError, error.meansConnectionUnusable { return true }
        return await !isUsable()
    }

    /// The server process id, for diagnostics and tests.
    public func backendPID() async throws -> Int32 {
        try await run { handle in PQbackendPID(handle) }
    }

    public func close() async {
        _ = try? await run { [self] handle in
            closed = true
            PQfinish(handle)
        }
    }

    // MARK: - libpq plumbing (runs on the connection's queue)

    /// Runs a parameterised statement through this connection's prepared-statement cache.
    /// If the server forgot or invalidated the statement (a schema change, `DISCARD ALL`), it is
    /// prepared again once.
    private func withPreparedResult<T>(_ handle: OpaquePointer, _ sql: String, _ parameters: [String?], _ body: (OpaquePointer) throws -> T) throws -> T {
        guard prepared[sql] != nil || prepared.count < Self.preparedStatementLimit else {
            return try Self.withResult(handle, sql, parameters, body)
        }
        do {
            return try Self.withResult(handle, preparedName(handle, sql), parameters, prepared: true, body)
        } catch let error as PostgresError where error.sqlState == "26000" || error.sqlState == "0A000" {
            prepared[sql] = nil
            return try Self.withResult(handle, preparedName(handle, sql), parameters, prepared: true, body)
        }
    }

    /// `BEGIN` and then `sql`, pipelined when `sql` is prepared already.
    private func withBegin<T>(_ handle: OpaquePointer, _ sql: String, _ parameters: [String?], _ body: (OpaquePointer) throws -> T) throws -> T {
        guard let name = prepared[sql] else {
            // First use on this connection: preparing is a round trip of its own anyway.
            try Self.withResult(handle, "BEGIN", [], simpleProtocol: true) { _ in () }
            return try withPreparedResult(handle, sql, parameters, body)
        }
        do {
            return try Self.withPipelinedBegin(handle, statement: name, parameters, body)
        } catch let error as PostgresError where error.sqlState == "26000" || error.sqlState == "0A000" {
            // The server forgot or invalidated the statement. Nothing else has run in this
            // transaction, so start it again and prepare afresh.
            try Self.withResult(handle, "ROLLBACK", [], simpleProtocol: true) { _ in () }
            prepared[sql] = nil
            try Self.withResult(handle, "BEGIN", [], simpleProtocol: true) { _ in () }
            return try withPreparedResult(handle, sql, parameters, body)
        }
    }

    /// Sends `BEGIN`, the prepared statement `statement` and a sync in one pipeline, then reads
    /// the two results and the sync. Pipeline mode is always left before returning; a connection
    /// that cannot leave it is reported lost, so the pool replaces it.
    private static func withPipelinedBegin<T>(
        _ handle: OpaquePointer, statement: String, _ parameters: [String?], _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        func lost() -> PostgresError {
            PostgresError(.connectionLost, "Postgres connection lost: \(String(cString: PQerrorMessage(handle)).trimmed)")
        }
        guard PQenterPipelineMode(handle) == 1 else { throw lost() }
        let sent = PQsendQueryParams(handle, "BEGIN", 0, nil, nil, nil, nil, 0) == 1
            && withCStrings(parameters) { PQsendQueryPrepared(handle, statement, Int32(parameters.count), $0, nil, nil, 0) } == 1
            && PQpipelineSync(handle) == 1
        // Each command's results end with a NULL; the sync ends the pipeline. A broken connection
        // also answers NULL, hence the bound.
        var results: [OpaquePointer] = []
        defer { results.forEach { PQclear($0) } }
        var synced = false
        if sent {
            // Two results, two NULLs and the sync are expected; anything much longer is a broken
            // connection, never an endless loop.
            for _ in 0..<16 {
                guard let result = PQgetResult(handle) else {
                    if PQstatus(handle) != CONNECTION_OK { break }
                    continue
                }
                if PQresultStatus(result) == PGRES_PIPELINE_SYNC {
                    PQclear(result)
                    synced = true
                    break
                }
                results.append(result)
                if PQstatus(handle) != CONNECTION_OK { break }
            }
        }
        guard synced, PQexitPipelineMode(handle) == 1, results.count == 2 else { throw lost() }
        for result in results {
            let status = PQresultStatus(result)
            guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else { throw error(from: result, handle: handle) }
        }
        return try body(results[1])
    }

    /// The name of `sql`'s prepared statement on this connection, preparing it first if needed.
    private func preparedName(_ handle: OpaquePointer, _ sql: String) throws -> String {
        if let name = prepared[sql] { return name }
        let name = "maestro_\(prepared.count + 1)_\(UInt32.random(in: 0...UInt32.max))"
        guard let result = PQprepare(handle, name, sql, 0, nil) else {
            throw PostgresError(.connectionLost, "Postgres connection lost: \(String(cString: PQerrorMessage(handle)).trimmed)")
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw Self.error(from: result, handle: handle) }
        prepared[sql] = name
        return name
    }

    /// Runs `sql` (or, with `prepared`, the prepared statement named `sql`) and hands the result
    /// to `body`; server errors throw with their SQLSTATE.
    private static func withResult<T>(
        _ handle: OpaquePointer, _ sql: String, _ parameters: [String?], simpleProtocol: Bool = false, prepared: Bool = false,
        _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        let result: OpaquePointer?
        if simpleProtocol {
            result = PQexec(handle, sql)
        } else if prepared {
            result = withCStrings(parameters) { pointers in
                PQexecPrepared(handle, sql, Int32(parameters.count), pointers, nil, nil, 0)
            }
        } else {
            result = withCStrings(parameters) { pointers in
                PQexecParams(handle, sql, Int32(parameters.count), nil, pointers, nil, nil, 0)
            }
        }
        guard let result else {
            throw PostgresError(.connectionLost, "Postgres connection lost: \(String(cString: PQerrorMessage(handle)).trimmed)")
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY else {
            throw error(from: result, handle: handle)
        }
        return try body(result)
    }

    private static func error(from result: OpaquePointer, handle: OpaquePointer) -> PostgresError {
        let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
        let message = primary ?? String(cString: PQresultErrorMessage(result)).trimmed
        if sqlState == nil && PQstatus(handle) != CONNECTION_OK {
            return PostgresError(.connectionLost, "Postgres connection lost: \(message.trimmed)")
        }
        return PostgresError(.server, sqlState: sqlState, message.trimmed)
    }

    private static func rows(of result: OpaquePointer) -> [PostgresRow] {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = PostgresColumns(names: (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) })
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            rows.append(PostgresRow(columns: columns, values: values))
        }
        return rows
    }

    /// Lends libpq an array of C strings (NULL for SQL NULL) for the duration of `body`.
    private static func withCStrings<T>(
        _ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T
    ) -> T {
        if strings.isEmpty { return body(nil) }
        let owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
        defer { for pointer in owned { free(pointer) } }
        let borrowed = owned.map { $0.map { UnsafePointer<CChar>($0) } }
        return borrowed.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
