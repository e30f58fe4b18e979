import Redis
import Testing
import TestSupport

/// Restarts and timeouts, on a throwaway redis-server (never the shared test stack).
@Suite("Redis reconnect, timeouts and the pool", .serialized)
struct RedisResilienceTests {
    @Test func reconnectsAfterServerRestart() async throws {
        let server = try RedisTestServer()
        let redis = RedisClient(configuration: try RedisConfiguration(url: server.url))
        let script = RedisScript("return ARGV[1]")
        try await redis.send("SET", "k", "before")
        #expect(try await redis.run(script, arguments: ["x"]).string == "x")
        server.stop()
        try server.start()
        // The idle pooled connection died with the old server; the next call gets a fresh one,
        // and the script (forgotten by the new server) is loaded again.
        #expect(try await redis.send("GET", "k") == .null)
        #expect(try await redis.run(script, arguments: ["y"]).string == "y")
        await redis.shutdown()
    }

    @Test func callsFailWithATypedErrorWhileTheServerIsDown() async throws {
        let server = try RedisTestServer()
        let redis = RedisClient(configuration: try RedisConfiguration(url: server.url))
        try await redis.send("PING")
        server.stop()
        do {
            try await redis.send("PING")
            Issue.record("PING must fail while the server is down")
        } catch let error as RedisError {
            #expect(error.code == .connectionFailed || error.code == .connectionLost)
        }
        try server.start()
        #expect(try await redis.send("PING").string == "PONG")
        await redis.shutdown()
    }

    @Test func slowRepliesTimeOutAndTheConnectionIsReplaced() async throws {
        var config = try RedisConfiguration(url: try TestEnvironment.redisURL())
        config.commandTimeout = 0.2
        config.maxConnections = 1
        let redis = RedisClient(configuration: config)
        do {
            // BLPOP on an empty list blocks for 2 s: longer than the command timeout.
            try await redis.send("BLPOP", "test:never:\(UInt64.random(in: 0...UInt64.max))", 2)
            Issue.record("BLPOP must time out")
        } catch let error as RedisError {
            #expect(error.code == .timeout)
        }
        // The timed-out connection (with a reply still in flight) is not reused.
        #expect(try await redis.send("PING").string == "PONG")
        await redis.shutdown()
    }

    @Test func exhaustedPoolTimesOutWithAClearError() async throws {
        var config = try RedisConfiguration(url: try TestEnvironment.redisURL())
        config.maxConnections = 1
        config.acquireTimeout = 0.3
        config.commandTimeout = 5
        let redis = RedisClient(configuration: config)
        let holder = Task { try await redis.send("BLPOP", "test:hold:\(UInt64.random(in: 0...UInt64.max))", 1) }
        try await Task.sleep(for: .milliseconds(100))
        do {
            try await redis.send("PING")
            Issue.record("a second caller must time out while the only connection is busy")
        } catch let error as RedisError {
            #expect(error.code == .poolTimeout)
            #expect(error.message.contains("all 1 pooled connections are busy"))
        }
        _ = try await holder.value
        #expect(try await redis.send("PING").string == "PONG")
        await redis.shutdown()
    }
}
