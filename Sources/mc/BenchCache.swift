import ArgumentParser
import Engine
import Foundation
import Logging

/// `mc bench cache`: what the step-result cache adds to a step: the latency of a hit (the whole
/// hit path: one Redis script round trip and decoding) and of a miss's bookkeeping (lookup plus
/// storing and indexing the value), measured one call at a time against real Redis and Postgres.
struct BenchCache: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cache", abstract: "Latency the step-result cache adds to a step (hit and miss paths).")
    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Lookups to time per path.")
    var lookups = 5000

    @Option(help: "Size of the cached output in bytes.")
    var outputBytes = 512

    func run() async throws {
        guard let database = connection.database, let redisSetting = connection.redis else {
            throw StartupError("Pass --database-url and --redis-url (or set MAESTRO_DATABASE_URL and MAESTRO_REDIS_URL).")
        }
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let postgres = try await connection.connectPostgres(database, applicationName: "mc-bench")
        try await DatabaseMigrations.apply(postgres, settingName: database.name, logger: logger)
        let redis = try connection.makeRedis(redisSetting)
        let cache = StepResultCache(redis: redis, postgres: postgres, logger: logger)
        let tenant = "bench-cache-\(UUID().uuidString.prefix(8).lowercased())"
        try await postgres.execute("INSERT INTO tenants (id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", [tenant])
        let version = UUID()
        let output: JSONValue = ["body": .string(String(repeating: "x", count: outputBytes))]
        func key(_ n: Int) throws -> CacheKey {
            try CacheKey(
                tenantID: tenant, workflowVersionID: version, stepID: "fetch", inputs: ["url": .string("https://example.test/items/\(n)")],
                environment: ["REGION": "eu"], secretVersions: [:], externalIDs: [:])
        }

        // Misses: lookup (takes the single-flight lock) + store + index, on fresh keys.
        var missTimes: [Double] = []
        for n in 0..<lookups {
            let k = try key(n)
            let start = ContinuousClock.now
            guard case .miss(let ticket) = await cache.lookup(k) else { throw StartupError("Expected a miss: is Redis up?") }
            await cache.complete(k, ticket: ticket, output: output, ttlSeconds: 600)
            missTimes.append(Self.microseconds(ContinuousClock.now - start))
        }
        // Hits on those keys, round-robin.
        var hitTimes: [Double] = []
        for n in 0..<lookups {
            let k = try key(n)
            let start = ContinuousClock.now
            guard case .hit = await cache.lookup(k) else { throw StartupError("Expected a hit.") }
            hitTimes.append(Self.microseconds(ContinuousClock.now - start))
        }
        print("output \(outputBytes) bytes, \(lookups) lookups per path, one at a time")
        print("hit  (added to a step): " + Self.summary(hitTimes))
        print("miss (lookup + store + index): " + Self.summary(missTimes))
        _ = try await cache.invalidate(tenantID: tenant, prefix: tenant)
        await redis.shutdown()
        await postgres.shutdown()
    }

    static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    static func summary(_ samples: [Double]) -> String {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        return String(format: "p50 %.0f µs, p95 %.0f µs, p99 %.0f µs, max %.0f µs", at(0.5), at(0.95), at(0.99), sorted.last ?? 0)
    }
}
