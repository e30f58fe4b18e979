/// A bounded pool of connections with a wait timeout.
///
/// - At most `maxConnections` connections exist at once, counting those being opened.
/// - A caller that finds them all busy waits, first come first served, for at most
///   `acquireTimeout` seconds and then gets ``ConnectionPoolFailure/timedOut(seconds:maxConnections:)``.
/// - A connection given back as broken, or found unusable when taken from the idle list, is closed
///   and its slot opened again, so a server restart or failover heals by itself.
///
/// The pool knows nothing of the protocol: `connect` opens a connection (for libpq that walks a
/// multi-host connection string, which is how the service follows a promoted primary).
package actor ConnectionPool<Connection: PooledConnection> {
    package typealias Connect = @Sendable () async throws -> Connection

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Connection, any Error>
    }

    package nonisolated let maxConnections: Int
    package nonisolated let acquireTimeout: Double
    private let connect: Connect
    private var idle: [Connection] = []
    /// Connections that exist or are being opened: the number the bound applies to.
    private var openCount = 0
    private var waiters: [Waiter] = []
    private var nextWaiterID: UInt64 = 0
    private var isClosed = false

    package init(maxConnections: Int, acquireTimeout: Double, connect: @escaping Connect) {
        precondition(maxConnections > 0, "a pool needs at least one connection")
        self.maxConnections = maxConnections
        self.acquireTimeout = acquireTimeout
        self.connect = connect
    }

    /// Numbers for metrics and tests.
    package var statistics: (open: Int, idle: Int, waiting: Int) {
        (openCount, idle.count, waiters.count)
    }

    /// Takes a connection, waiting up to `acquireTimeout` seconds for one to become free.
    package func acquire() async throws -> Connection {
        if isClosed { throw ConnectionPoolFailure.closed }
        while let connection = idle.popLast() {
            if await connection.isUsable() { return connection }
            await discard(connection)
        }
        if openCount < maxConnections {
            openCount += 1
            do {
                return try await connect()
            } catch {
                openCount -= 1
                // The slot is free again: let the longest waiter try to open a connection.
                replaceForFirstWaiter()
                throw error
            }
        }
        // The awaits above may have overlapped a shutdown.
        if isClosed { throw ConnectionPoolFailure.closed }
        return try await waitForConnection()
    }

    /// Gives a connection back. A broken one is closed and, if someone is waiting, replaced.
    package func release(_ connection: Connection, broken: Bool) async {
        if broken || isClosed {
            await discard(connection)
            return
        }
        if !waiters.isEmpty {
            let waiter = waiters.removeFirst()
            waiter.continuation.resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// Runs `body` with a connection and gives it back afterwards. `isBroken` decides, from the
    /// error `body` threw (if any), whether the connection may be reused.
    package func withConnection<T: Sendable>(
        isBroken: @Sendable (Connection, (any Error)?) async -> Bool,
        _ body: @Sendable (Connection) async throws -> T
    ) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await body(connection)
            await release(connection, broken: await isBroken(connection, nil))
            return value
        } catch {
            await release(connection, broken: await isBroken(connection, error))
            throw error
        }
    }

    /// Closes idle connections and fails every waiter; connections in use are closed when released.
    package func shutdown() async {
        isClosed = true
        let failing = waiters
        waiters.removeAll()
        for waiter in failing { waiter.continuation.resume(throwing: ConnectionPoolFailure.closed) }
        let closing = idle
        idle.removeAll()
        openCount -= closing.count
        for connection in closing { await connection.close() }
    }

    private func discard(_ connection: Connection) async {
        openCount -= 1
        await connection.close()
        replaceForFirstWaiter()
    }

    /// After a slot frees up, opens a fresh connection for the longest waiter.
    private func replaceForFirstWaiter() {
        guard !waiters.isEmpty, openCount < maxConnections, !isClosed else { return }
        let waiter = waiters.removeFirst()
        openCount += 1
        Task {
            do {
                let connection = try await connect()
                waiter.continuation.resume(returning: connection)
            } catch {
                self.connectFailed()
                waiter.continuation.resume(throwing: error)
            }
        }
    }

    /// A replacement connection could not be opened: free its slot and let the next waiter try.
    private func connectFailed() {
        openCount -= 1
        replaceForFirstWaiter()
    }

    private func waitForConnection() async throws -> Connection {
        nextWaiterID += 1
        let id = nextWaiterID
        let timeout = acquireTimeout
        let timer = Task { [weak self] in
            try await Task.sleep(for: .seconds(timeout))
            await self?.timeOut(waiter: id)
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append(Waiter(id: id, continuation: continuation))
            }
        } onCancel: {
            Task { await self.cancel(waiter: id) }
        }
    }

    private func timeOut(waiter id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(
            throwing: ConnectionPoolFailure.timedOut(seconds: acquireTimeout, maxConnections: maxConnections))
    }

    private func cancel(waiter id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
