import ConnectionPool
import Synchronization

/// The pooled Redis client the rest of the service uses.
///
/// Broken connections (server restart, timeout mid-reply) are closed and replaced on the next
/// call; idle ones are checked before reuse, so a restarted server is picked up without errors.
public final class RedisClient: Sendable {
    public let configuration: RedisConfiguration
    private let pool: ConnectionPool<RedisConnection>
    /// SHA-1 of each loaded script, as `SCRIPT LOAD` reported it.
    private let scriptHashes = Mutex<[String: String]>([:])

    /// Creates the client. No connection is opened until the first call.
    public init(configuration: RedisConfiguration) {
        self.configuration = configuration
        let config = configuration
        self.pool = ConnectionPool(
            maxConnections: configuration.maxConnections,
            acquireTimeout: configuration.acquireTimeout,
            connect: { try await RedisConnection.connect(config) })
    }

    /// Sends one command: `try await redis.send("SET", "k", "v")`.
    @discardableResult
    public func send(_ arguments: any RedisArgument...) async throws -> RedisValue {
        try await send(arguments)
    }

    /// Sends one command given as an argument array.
    @discardableResult
    public func send(_ arguments: [any RedisArgument]) async throws -> RedisValue {
        try await withConnection { try await $0.send(arguments) }
    }

    /// Sends several commands in one round trip; see ``RedisConnection/pipeline(_:)``.
    public func pipeline(_ commands: [[any RedisArgument]]) async throws -> [RedisValue] {
        try await withConnection { try await $0.pipeline(commands) }
    }

    /// Runs a Lua script with `EVALSHA`, loading it first if the server does not know it.
    public func run(_ script: RedisScript, keys: [any RedisArgument] = [], arguments: [any RedisArgument] = []) async throws -> RedisValue {
        try await withConnection { connection in
            let known = self.scriptHashes.withLock { $0[script.source] }
            let sha: String
            if let known { sha = known } else { sha = try await self.load(script, on: connection) }
            do {
                return try await connection.send(["EVALSHA", sha, keys.count] + keys + arguments)
            } catch let error as RedisError where error.serverErrorPrefix == "NOSCRIPT" {
                let reloaded = try await self.load(script, on: connection)
                return try await connection.send(["EVALSHA", reloaded, keys.count] + keys + arguments)
            }
        }
    }

    private func load(_ script: RedisScript, on connection: RedisConnection) async throws -> String {
        guard let sha = try await connection.send(["SCRIPT", "LOAD", script.source]).string else {
            throw RedisError(.server, "SCRIPT LOAD did not return a SHA-1.")
        }
        scriptHashes.withLock { $0[script.source] = sha }
        return sha
    }

    /// Borrows a connection for several commands.
    public func withConnection<T: Sendable>(_ body: @Sendable (RedisConnection) async throws -> T) async throws -> T {
        do {
            return try await pool.withConnection(isBroken: { connection, error in
                if let error = error as? RedisError { return error.breaksConnection }
                guard error != nil else { return false }
                return await !connection.isUsable()
            }, body)
        } catch let failure as ConnectionPoolFailure {
            switch failure {
            case .timedOut(let seconds, let max):
                throw RedisError(.poolTimeout, "Timed out after \(seconds) s waiting for a Redis connection: all \(max) pooled connections are busy.")
            case .closed:
                throw RedisError(.poolClosed, "The Redis client has been shut down.")
            }
        }
    }

    /// Closes idle connections and refuses new calls.
    public func shutdown() async { await pool.shutdown() }
}
