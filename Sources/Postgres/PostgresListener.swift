import CLibPQ
import Foundation
import Synchronization

/// A notification received on a channel.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    /// The server process that sent it.
    public let senderPID: Int32
}

/// `LISTEN` on a dedicated connection that outlives server restarts.
///
/// A dedicated thread owns the connection: it waits on the socket with `poll`, hands each
/// notification to the channel's subscribers, and when the connection breaks it reconnects with
/// backoff and issues `LISTEN` again for every channel. Notifications sent while it was
/// disconnected are lost: in this service they are only a latency hint, and polling is the
/// correctness path.
public final class PostgresListener: Sendable {
    private struct Pending {
        let channel: String
        let confirmation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var subscribers: [String: [UInt64: AsyncStream<PostgresNotification>.Continuation]] = [:]
        /// Channels the current connection has confirmed `LISTEN` for.
        var listening: Set<String> = []
        var toListen: [Pending] = []
        var toUnlisten: Set<String> = []
        var nextID: UInt64 = 0
        var stopped = false
        var connects = 0
    }

    private let conninfo: String
    private let state = Mutex(State())

    /// Starts the listener thread; it connects in the background.
    public init(configuration: PostgresConfiguration) throws {
        try configuration.validate()
        var config = configuration
        config.applicationName = configuration.applicationName + "-listener"
        self.conninfo = config.libpqConnectionString
        let thread = Thread { [self] in runLoop() }
        thread.name = "maestro.postgres.listener"
        thread.start()
    }

    /// How many times the listener has (re)connected; for tests and diagnostics.
    public var connectCount: Int { state.withLock { $0.connects } }

    /// Subscribes to `channel`. Returns once the server has confirmed `LISTEN` for it, so a
    /// notification sent after this returns is delivered; while the database is unreachable that
    /// means waiting until the listener has reconnected.
    public func notifications(channel: String) async -> AsyncStream<PostgresNotification> {
        let (stream, continuation) = AsyncStream<PostgresNotification>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        await withCheckedContinuation { (confirmed: CheckedContinuation<Void, Never>) in
            // One lock section decides who resumes `confirmed`: this caller (already listening)
            // or the listener thread (after LISTEN succeeds), never both.
            let (id, listening): (UInt64, Bool) = state.withLock { state in
                state.nextID += 1
                state.subscribers[channel, default: [:]][state.nextID] = continuation
                state.toUnlisten.remove(channel)
                if state.listening.contains(channel) { return (state.nextID, true) }
                state.toListen.append(Pending(channel: channel, confirmation: confirmed))
                return (state.nextID, false)
            }
            continuation.onTermination = { [weak self] _ in self?.unsubscribe(channel: channel, id: id) }
            if listening { confirmed.resume() }
        }
        return stream
    }

    /// Stops the thread, finishes every stream and releases callers still waiting for LISTEN.
    public func shutdown() {
        let (streams, waiting) = state.withLock { state in
            state.stopped = true
            let all = state.subscribers.values.flatMap(\.values)
            state.subscribers.removeAll()
            defer { state.toListen.removeAll() }
            return (all, state.toListen)
        }
        for stream in streams { stream.finish() }
        for pending in waiting { pending.confirmation.resume() }
    }

    private func unsubscribe(channel: String, id: UInt64) {
        state.withLock { state in
            state.subscribers[channel]?[id] = nil
            if state.subscribers[channel]?.isEmpty == true {
                state.subscribers[channel] = nil
                state.toUnlisten.insert(channel)
            }
        }
    }

    // MARK: - The listener thread

    private func runLoop() {
        var connection: OpaquePointer?
        var failures = 0
        while !state.withLock({ $0.stopped }) {
            if connection == nil || PQstatus(connection) != CONNECTION_OK {
                if let old = connection {
                    PQfinish(old)
                    state.withLock { $0.listening.removeAll() }
                }
                connection = connect()
                guard connection != nil else {
                    failures += 1
                    Thread.sleep(forTimeInterval: min(0.05 * pow(2, Double(min(failures, 6))), 2))
                    continue
                }
                failures = 0
            }
            guard let live = connection else { continue }
            guard applyPending(live) else { continue }
            var descriptor = pollfd(fd: PQsocket(live), events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 100)
            if PQconsumeInput(live) == 0 { continue }  // broken: reconnect on the next turn
            deliver(from: live)
        }
        if let connection { PQfinish(connection) }
    }

    /// Opens the connection and re-issues `LISTEN` for every channel that has subscribers.
    private func connect() -> OpaquePointer? {
        guard let handle = PQconnectdb(conninfo) else { return nil }
        guard PQstatus(handle) == CONNECTION_OK else {
            PQfinish(handle)
            return nil
        }
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        let channels: [String] = state.withLock { state in
            state.connects += 1
            return Array(state.subscribers.keys)
        }
        for channel in channels where !run(handle, "LISTEN \(quoteIdentifier(channel))") {
            PQfinish(handle)
            return nil
        }
        state.withLock { $0.listening.formUnion(channels) }
        return handle
    }

    /// Runs queued LISTEN/UNLISTEN commands; false when the connection broke doing so.
    private func applyPending(_ handle: OpaquePointer) -> Bool {
        let (listen, unlisten): ([Pending], Set<String>) = state.withLock { state in
            defer {
                state.toListen.removeAll()
                state.toUnlisten.removeAll()
            }
            return (state.toListen, state.toUnlisten)
        }
        for channel in unlisten where !run(handle, "UNLISTEN \(quoteIdentifier(channel))") {
            requeue(listen)
            return false
        }
        if !unlisten.isEmpty { state.withLock { $0.listening.subtract(unlisten) } }
        for (index, pending) in listen.enumerated() {
            guard run(handle, "LISTEN \(quoteIdentifier(pending.channel))") else {
                requeue(Array(listen[index...]))
                return false
            }
            state.withLock { _ = $0.listening.insert(pending.channel) }
            pending.confirmation.resume()
        }
        return true
    }

    private func requeue(_ pending: [Pending]) {
        state.withLock { $0.toListen.insert(contentsOf: pending, at: 0) }
    }

    private func deliver(from handle: OpaquePointer) {
        while let raw = PQnotifies(handle) {
            let notification = PostgresNotification(
                channel: String(cString: raw.pointee.relname),
                payload: String(cString: raw.pointee.extra),
                senderPID: raw.pointee.be_pid)
            PQfreemem(raw)
            let streams = state.withLock { state in
                state.subscribers[notification.channel].map { Array($0.values) } ?? []
            }
            for stream in streams { stream.yield(notification) }
        }
    }

    private func run(_ handle: OpaquePointer, _ sql: String) -> Bool {
        guard let result = PQexec(handle, sql) else { return false }
        defer { PQclear(result) }
        return PQresultStatus(result) == PGRES_COMMAND_OK
    }

    private func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
