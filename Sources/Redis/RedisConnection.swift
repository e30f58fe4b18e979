import CHiredis
import ConnectionPool
import Dispatch
import Glibc

/// One hiredis connection.
///
/// hiredis's blocking API runs on the connection's own serial dispatch queue, never on Swift's
/// cooperative pool. Commands go through `redisCommandArgv`/`redisAppendCommandArgv` (the variadic
/// `redisCommand` is not callable from Swift), so arguments are binary-safe and never formatted.
///
/// `@unchecked Sendable`: `context` and `closed` are only touched on `queue`, and by ``isUsable()``,
/// which the pool calls only while nobody holds the connection.
public final class RedisConnection: @unchecked Sendable, PooledConnection {
    private nonisolated(unsafe) let context: UnsafeMutablePointer<redisContext>
    private let queue = DispatchQueue(label: "maestro.redis.connection")
    private nonisolated(unsafe) var closed = false

    private init(context: UnsafeMutablePointer<redisContext>) {
        self.context = context
    }

    /// Connects, authenticates and selects the database.
    public static func connect(_ configuration: RedisConfiguration) async throws -> RedisConnection {
        let connection: RedisConnection = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try open(configuration) })
            }
        }
        do {
            if let password = configuration.password {
                var auth: [any RedisArgument] = ["AUTH"]
                if let username = configuration.username { auth.append(username) }
                auth.append(password)
                _ = try await connection.send(auth)
            }
            if configuration.database != 0 { _ = try await connection.send(["SELECT", configuration.database]) }
        } catch let error as RedisError {
            await connection.close()
            throw RedisError(.connectionFailed, "Could not connect to Redis at \(configuration.host):\(configuration.port): \(error.message)")
        }
        return connection
    }

    private static func open(_ configuration: RedisConfiguration) throws -> RedisConnection {
        let where_ = "\(configuration.host):\(configuration.port)"
        guard let context = redisConnectWithTimeout(configuration.host, Int32(configuration.port), timeval(configuration.connectTimeout)) else {
            throw RedisError(.connectionFailed, "Could not connect to Redis at \(where_): out of memory.")
        }
        if context.pointee.err != 0 {
            let reason = errorString(context)
            redisFree(context)
            throw RedisError(.connectionFailed, "Could not connect to Redis at \(where_): \(reason).")
        }
        _ = redisSetTimeout(context, timeval(configuration.commandTimeout))
        return RedisConnection(context: context)
    }

    /// Sends one command and waits for its reply. An error reply throws ``RedisError/Code/server``.
    public func send(_ arguments: [any RedisArgument]) async throws -> RedisValue {
        let argv = arguments.map(\.redisBytes)
        return try await run { context in
            let raw = try Self.withArgv(argv) { argc, pointers, lengths in
                redisCommandArgv(context, argc, pointers, lengths)
            }
            let value = try Self.take(raw, context)
            if case .error(let message) = value { throw RedisError(.server, message) }
            return value
        }
    }

    /// Sends several commands in one write and reads all replies (pipelining). Error replies stay
    /// in place as ``RedisValue/error(_:)`` so one failing command does not hide the others.
    public func pipeline(_ commands: [[any RedisArgument]]) async throws -> [RedisValue] {
        let argvs = commands.map { $0.map(\.redisBytes) }
        // Checked before anything is buffered: a half-written pipeline would leave replies on
        // the connection for the next caller to read.
        guard argvs.allSatisfy({ !$0.isEmpty }) else {
            throw RedisError(.configuration, "Every command in a pipeline needs at least one argument.")
        }
        return try await run { context in
            for argv in argvs {
                let status = try Self.withArgv(argv) { argc, pointers, lengths in
                    redisAppendCommandArgv(context, argc, pointers, lengths)
                }
                guard status == REDIS_OK else { throw Self.connectionError(context) }
            }
            var replies: [RedisValue] = []
            replies.reserveCapacity(argvs.count)
            for _ in argvs {
                var raw: UnsafeMutableRawPointer?
                guard redisGetReply(context, &raw) == REDIS_OK else { throw Self.connectionError(context) }
                replies.append(try Self.take(raw, context))
            }
            return replies
        }
    }

    /// An idle connection is healthy when nothing is waiting on its socket: Redis never speaks
    /// unasked, so readable data there means the server closed the connection (EOF) or restarted.
    /// Runs on the caller's thread: the pool asks only about a connection nobody holds, so no
    /// hiredis call can be in flight, and one non-blocking `poll` is not worth two thread hand-offs.
    public func isUsable() async -> Bool {
        guard !closed else { return false }
        guard context.pointee.err == 0 else { return false }
        var descriptor = pollfd(fd: context.pointee.fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 0
    }

    public func close() async {
        _ = try? await run { [self] context in
            closed = true
            redisFree(context)
        }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable (UnsafeMutablePointer<redisContext>) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                if closed {
                    continuation.resume(throwing: RedisError(.connectionLost, "The Redis connection is closed."))
                    return
                }
                continuation.resume(with: Result { try work(context) })
            }
        }
    }

    // MARK: - hiredis plumbing (runs on the connection's queue)

    private static func take(_ raw: UnsafeMutableRawPointer?, _ context: UnsafeMutablePointer<redisContext>) throws -> RedisValue {
        guard let raw else { throw connectionError(context) }
        let reply = raw.assumingMemoryBound(to: redisReply.self)
        defer { freeReplyObject(raw) }
        return convert(reply)
    }

    private static func convert(_ reply: UnsafeMutablePointer<redisReply>) -> RedisValue {
        let r = reply.pointee
        switch r.type {
        case REDIS_REPLY_STRING:
            return .bulk(r.str.map { Array(UnsafeRawBufferPointer(start: $0, count: r.len)) } ?? [])
        case REDIS_REPLY_STATUS:
            return .status(r.str.map { String(cString: $0) } ?? "")
        case REDIS_REPLY_ERROR:
            return .error(r.str.map { String(cString: $0) } ?? "unknown error")
        case REDIS_REPLY_INTEGER:
            return .integer(r.integer)
        case REDIS_REPLY_ARRAY:
            var values: [RedisValue] = []
            values.reserveCapacity(r.elements)
            for i in 0..<r.elements {
                if let element = r.element[i] { values.append(convert(element)) } else { values.append(.null) }
            }
            return .array(values)
        default:
            return .null
        }
    }

    private static func connectionError(_ context: UnsafeMutablePointer<redisContext>) -> RedisError {
        let reason = errorString(context)
        if reason.contains("Resource temporarily unavailable") || reason.contains("timed out") {
            return RedisError(.timeout, "Redis did not answer within the command timeout.")
        }
        return RedisError(.connectionLost, "Redis connection lost: \(reason).")
    }

    private static func errorString(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: context.pointee.errstr) { buffer in
            let bytes = buffer.prefix { $0 != 0 }
            return bytes.isEmpty ? "unknown error" : String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func withArgv<T>(
        _ argv: [[UInt8]], _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> T
    ) throws -> T {
        guard !argv.isEmpty else { throw RedisError(.configuration, "A Redis command needs at least one argument.") }
        let buffers: [UnsafeMutablePointer<CChar>] = argv.map { bytes in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: source.count) }
            }
            return buffer
        }
        defer { for buffer in buffers { buffer.deallocate() } }
        var pointers: [UnsafePointer<CChar>?] = buffers.map { UnsafePointer($0) }
        let lengths = argv.map(\.count)
        return try pointers.withUnsafeMutableBufferPointer { pointerBuffer in
            try lengths.withUnsafeBufferPointer { lengthBuffer in
                guard let argvBase = pointerBuffer.baseAddress, let lengthBase = lengthBuffer.baseAddress else {
                    throw RedisError(.configuration, "A Redis command needs at least one argument.")
                }
                return body(Int32(argv.count), argvBase, lengthBase)
            }
        }
    }
}

private func timeval(_ seconds: Double) -> Glibc.timeval {
    let whole = Int(seconds)
    return Glibc.timeval(tv_sec: whole, tv_usec: Int((seconds - Double(whole)) * 1_000_000))
}
