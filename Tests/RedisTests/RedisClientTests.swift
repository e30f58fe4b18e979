import Redis
import Testing
import TestSupport

@Suite("Redis commands, pipelining and scripts")
struct RedisClientTests {
    let redis: RedisClient
    /// Keys of this suite run live under a unique prefix, so runs never collide.
    let prefix = "test:\(UInt64.random(in: 0...UInt64.max)):"

    init() throws {
        redis = RedisClient(configuration: try RedisConfiguration(url: try TestEnvironment.redisURL()))
    }

    @Test func setGetAndBinarySafeValues() async throws {
        try await redis.send("SET", prefix + "greeting", "hello")
        #expect(try await redis.send("GET", prefix + "greeting").string == "hello")
        let bytes: [UInt8] = [0, 255, 10, 13, 0, 42]
        try await redis.send("SET", prefix + "bytes", bytes)
        #expect(try await redis.send("GET", prefix + "bytes") == .bulk(bytes))
        #expect(try await redis.send("GET", prefix + "missing") == .null)
        #expect(try await redis.send("INCRBY", prefix + "counter", 5).integer == 5)
    }

    @Test func errorRepliesAreTypedServerErrors() async throws {
        try await redis.send("SET", prefix + "text", "x")
        do {
            try await redis.send("LPUSH", prefix + "text", "y")
            Issue.record("LPUSH on a string must fail")
        } catch let error as RedisError {
            #expect(error.code == .server)
            #expect(error.serverErrorPrefix == "WRONGTYPE")
        }
        // The connection survives an error reply.
        #expect(try await redis.send("PING").string == "PONG")
    }

    @Test func pipelineReturnsRepliesInOrderWithErrorsInPlace() async throws {
        var commands: [[any RedisArgument]] = (0..<100).map { ["SET", prefix + "p\($0)", $0] }
        commands.append(["INCR", prefix + "p7"])
        commands.append(["LPUSH", prefix + "p8", "oops"])  // WRONGTYPE, in the middle
        commands.append(["GET", prefix + "p7"])
        let replies = try await redis.pipeline(commands)
        #expect(replies.count == 103)
        #expect(replies[0] == .status("OK"))
        #expect(replies[100] == .integer(8))
        if case .error(let message) = replies[101] { #expect(message.hasPrefix("WRONGTYPE")) } else { Issue.record("expected an error reply, got \(replies[101])") }
        #expect(replies[102].string == "8")
    }

    @Test func luaScriptsRunAndReloadAfterScriptFlush() async throws {
        let script = RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])")
        #expect(try await redis.run(script, keys: [prefix + "lua"], arguments: [3]).integer == 3)
        // The server forgets every script (as after a restart); the client reloads on NOSCRIPT.
        try await redis.send("SCRIPT", "FLUSH")
        #expect(try await redis.run(script, keys: [prefix + "lua"], arguments: [4]).integer == 7)
    }

    @Test func emptyCommandsAreRejected() async throws {
        await #expect(throws: RedisError.self) { try await redis.send([]) }
        // A pipeline with one empty command is refused whole, and leaves no reply behind for
        // the next caller of the connection.
        var config = redis.configuration
        config.maxConnections = 1
        let single = RedisClient(configuration: config)
        await #expect(throws: RedisError.self) { try await single.pipeline([["SET", prefix + "p", "1"], []]) }
        #expect(try await single.send("ECHO", "mine").string == "mine")
        await single.shutdown()
    }
}

@Suite("Redis configuration")
struct RedisConfigurationTests {
    @Test func parsesFullURLs() throws {
        let config = try RedisConfiguration(url: "redis://user:p%40ss@cache.internal:6380/3")
        #expect(config.host == "cache.internal")
        #expect(config.port == 6380)
        #expect(config.username == "user")
        #expect(config.password == "p@ss")
        #expect(config.database == 3)
    }

    @Test func defaultsPortAndDatabase() throws {
        let config = try RedisConfiguration(url: "redis://localhost")
        #expect(config.port == 6379 && config.database == 0 && config.password == nil)
        #expect(try RedisConfiguration(url: "redis://:secret@h:1/").password == "secret")
    }

    @Test(arguments: ["http://localhost", "redis://", "redis://host:notaport", "redis://host:70000", "redis://host/x"])
    func rejectsMalformedURLs(url: String) {
        #expect(throws: RedisError.self) { try RedisConfiguration(url: url) }
    }
}
