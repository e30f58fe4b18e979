import Engine
import Foundation
import Postgres
import Redis
import ServiceLifecycle
import Testing
import TestSupport

/// The deterministic step-result cache end to end: real Postgres, real Redis, a real downstream.
@Suite("Step-result cache", .serialized, .timeLimit(.minutes(2)))
struct StepResultCacheTests {
    struct FixedSecrets: SecretProvider {
        let values: [String: String]
        func secret(at path: String) async throws(SecretResolutionError) -> String {
            guard let value = values[path] else { throw SecretResolutionError(path: path, reason: "not set") }
            return value
        }
    }

    final class World: @unchecked Sendable {
        let db: PostgresClient
        let redis: RedisClient
        let downstream = DownstreamServer()
        let tenant = "cache-\(UUID().uuidString.prefix(8).lowercased())"
        var engine: EngineRuntime
        var group: ServiceGroup
        /// The worker group's run, awaited on restart so the old worker has stopped claiming.
        var running: Task<Void, any Error>

        init(redisURL: String? = nil, region: String = "eu", token: String = "v1") async throws {
            db = try await migratedDatabase("cache", maxConnections: 16)
            redis = RedisClient(configuration: try RedisConfiguration(url: try redisURL ?? TestEnvironment.redisURL()))
            try await downstream.start()
            (engine, group, running) = Self.start(db: db, redis: redis, environment: ["DOWNSTREAM": downstream.baseURL, "REGION": region], token: token)
        }

        static func start(
            db: PostgresClient, redis: RedisClient, environment: [String: String], token: String
        ) -> (EngineRuntime, ServiceGroup, Task<Void, any Error>) {
            let engine = EngineRuntime(
                postgres: db,
                configuration: .init(
                    environment: environment, secrets: FixedSecrets(values: ["api/token": token]), workerConcurrency: 24,
                    leaseSeconds: 10, pollInterval: .milliseconds(50)),
                redis: redis)
            let group = ServiceGroup(configuration: .init(services: [engine.worker(listener: nil)], logger: .init(label: "test")))
            return (engine, group, Task { try await group.run() })
        }

        /// Replaces the worker with one whose environment or secret differs. The old one must have
        /// stopped first: left running, it could claim the next execution and answer it from the
        /// cache under the old environment.
        func restart(region: String = "eu", token: String = "v1") async {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            (engine, group, running) = Self.start(db: db, redis: redis, environment: ["DOWNSTREAM": downstream.baseURL, "REGION": region], token: token)
        }

        func publish(ttl: String = "PT10M", path: String = "json/price") async throws -> PublishedVersion {
            try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse("""
                {"name": "pricing", "version": "1.0.0", "inputSchema": {"type": "object"},
                 "steps": [{"id": "price", "type": "http", "cache": {"ttl": "\(ttl)"},
                            "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/\(path)?sku={{input.sku}}",
                                     "headers": {"X-Region": "{{env.REGION}}", "Authorization": "Bearer {{secret:api/token}}"}}}],
                 "output": {"price": "{{steps.price.output}}"}}
                """))
        }

        func run(_ sku: String) async throws -> ExecutionRecord {
            let started = try await engine.executions.start(tenantID: tenant, workflow: "pricing", version: "1.0.0", input: ["sku": .string(sku)])
            return try await waitForEnd(started.id)
        }

        func waitForEnd(_ id: UUID) async throws -> ExecutionRecord {
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                if let record = try await engine.executions.get(tenantID: tenant, id: id), record.status.isTerminal { return record }
                try await Task.sleep(for: .milliseconds(25))
            }
            throw CancellationError()
        }

        func stepRun(_ execution: ExecutionRecord) async throws -> StepRunRecord {
            try #require(try await engine.executions.stepRuns(tenantID: tenant, id: execution.id).first)
        }

        var calls: Int { downstream.count("/json/price") }

        func shutdown() async {
            await group.triggerGracefulShutdown()
            await downstream.stop()
            await redis.shutdown()
            await db.shutdown()
        }
    }

    @Test func theSecondRunIsAHitWithTheSameOutputAndNoDownstreamCall() async throws {
        let world = try await World()
        world.downstream.setJSON("price", #"{"amount": 42}"#)
        _ = try await world.publish()
        let first = try await world.run("A-1")
        let second = try await world.run("A-1")
        #expect(first.status == .succeeded && second.status == .succeeded)
        #expect(world.calls == 1)
        #expect(second.output == first.output)
        let (miss, hit) = (try await world.stepRun(first), try await world.stepRun(second))
        #expect(miss.cacheHit == false && hit.cacheHit == true)
        #expect(miss.cacheKey == hit.cacheKey)
        #expect(hit.cacheKey?.hasPrefix("\(world.tenant):") == true)
        #expect(hit.cacheKey?.contains("v1") == false, "secret values never reach the key")
        // Hits are counted in Redis and reach the index in batches, not with a write per hit.
        let cache = try #require(world.engine.cache)
        try await cache.flushHitCounts()
        let indexed = try await world.db.queryFirst("SELECT hit_count, size_bytes FROM cache_index WHERE cache_key = $1", [hit.cacheKey ?? ""])
        #expect(try indexed?.decode("hit_count", as: Int.self) == 1)
        #expect(try indexed?.decode("size_bytes", as: Int.self) ?? 0 > 0)
        await world.shutdown()
    }

    @Test func changingAnyIngredientMisses() async throws {
        let world = try await World()
        world.downstream.setJSON("price", #"{"amount": 1}"#)
        _ = try await world.publish()
        _ = try await world.run("B-1")
        _ = try await world.run("B-2")  // another input
        #expect(world.calls == 2)
        await world.restart(region: "us")  // another env value the step reads
        _ = try await world.run("B-1")
        #expect(world.calls == 3)
        await world.restart(region: "us", token: "v2")  // a rotated secret
        _ = try await world.run("B-1")
        #expect(world.calls == 4)
        _ = try await world.run("B-1")  // and now it is cached again
        #expect(world.calls == 4)
        await world.shutdown()
    }

    @Test func entriesExpireWithTheirTTL() async throws {
        let world = try await World()
        world.downstream.setJSON("price", "7")
        // Long enough that a loaded machine still runs the second execution within the TTL.
        _ = try await world.publish(ttl: "PT4S")
        _ = try await world.run("C-1")
        _ = try await world.run("C-1")
        #expect(world.calls == 1)
        try await Task.sleep(for: .milliseconds(4300))
        _ = try await world.run("C-1")
        #expect(world.calls == 2)
        // Index rows of long-expired entries are pruned when hit counts are flushed.
        try await world.db.execute("UPDATE cache_index SET ttl_at = now() - interval '2 minutes' WHERE tenant_id = $1", [world.tenant])
        try await #require(world.engine.cache).flushHitCounts()
        let left = try await world.db.queryFirst("SELECT count(*) AS n FROM cache_index WHERE tenant_id = $1", [world.tenant])?.decode("n", as: Int.self)
        #expect(left == 0)
        await world.shutdown()
    }

    @Test func invalidationByKeyAndByPrefix() async throws {
        let world = try await World()
        world.downstream.setJSON("price", "3")
        let version = try await world.publish()
        let cache = try #require(world.engine.cache)
        let key = try #require(try await world.stepRun(try await world.run("D-1")).cacheKey)
        _ = try await world.run("D-1")
        #expect(world.calls == 1)
        #expect(try await cache.invalidate(tenantID: world.tenant, key: key) == 1)
        _ = try await world.run("D-1")
        #expect(world.calls == 2)
        let prefix = "\(world.tenant):\(version.versionID.uuidString.lowercased())"
        #expect(try await cache.invalidate(tenantID: world.tenant, prefix: prefix) == 1)
        _ = try await world.run("D-1")
        #expect(world.calls == 3)
        await #expect(throws: CacheInvalidationError.self) { _ = try await cache.invalidate(tenantID: world.tenant, prefix: "someone-else:") }
        await #expect(throws: CacheInvalidationError.self) { _ = try await cache.invalidate(tenantID: world.tenant, prefix: "\(world.tenant):not-a-version") }

        let metrics = try await cache.metrics(tenantID: world.tenant)
        #expect(metrics.hits == 1 && metrics.misses == 3)
        #expect(metrics.entries == 1 && metrics.bytes > 0)
        #expect(metrics.ttlDistribution["<=1h"] == 1)
        await world.shutdown()
    }

    @Test func concurrentIdenticalMissesCallTheDownstreamOnce() async throws {
        let world = try await World()
        _ = try await world.publish(path: "slow/300")
        var ids: [UUID] = []
        for _ in 0..<20 {
            ids.append(try await world.engine.executions.start(tenantID: world.tenant, workflow: "pricing", version: "1.0.0", input: ["sku": "E-1"]).id)
        }
        for id in ids { #expect(try await world.waitForEnd(id).status == .succeeded) }
        #expect(world.downstream.count("/slow/300") == 1)
        await world.shutdown()
    }

    @Test func aRedisOutageNeverFailsAnExecution() async throws {
        let server = try RedisTestServer()
        let world = try await World(redisURL: server.url)
        world.downstream.setJSON("price", "5")
        _ = try await world.publish()
        _ = try await world.run("F-1")
        _ = try await world.run("F-1")
        #expect(world.calls == 1)
        server.stop()
        for _ in 0..<3 { #expect(try await world.run("F-1").status == .succeeded) }
        #expect(world.calls == 4, "bypassed: every run calls the downstream")
        #expect(world.engine.cache?.breakerPosition != "closed")
        await world.shutdown()
    }
}
