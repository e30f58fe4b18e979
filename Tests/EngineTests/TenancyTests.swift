import Engine
import Foundation
import Postgres
import Redis
import ServiceLifecycle
import Testing
import TestSupport

/// Tenant tiers, guardrails and admission budgets (issue 9) against real Postgres and Redis.
@Suite("Tenancy", .serialized)
struct TenancyTests {
    /// A tier small enough to hit: 2 admissions per second, bursts of 3, 200-byte inputs, 3 steps.
    static let tiny = TenantLimits(
        tier: "tiny", weight: 1, maxPayloadBytes: 200, maxStepsPerWorkflow: 3, maxFanOut: 4, maxDepth: 2, maxConcurrentSteps: 5,
        ratePerSecond: 2, burst: 3)

    func engine(redis: RedisClient?) async throws -> (EngineRuntime, PostgresClient, String) {
        let db = try await migratedDatabase("tenancy", maxConnections: 8)
        let engine = EngineRuntime(postgres: db, configuration: .init(pollInterval: .milliseconds(50)), redis: redis)
        let tenant = "t-\(UUID().uuidString.prefix(8))"
        _ = try await engine.tenants.updateTier(Self.tiny)
        _ = try await engine.tenants.setTier(tenantID: tenant, tier: "tiny")
        return (engine, db, tenant)
    }

    @Test func oversizedInputIsRefusedWithTheLimitAndNothingIsStored() async throws {
        let (engine, db, tenant) = try await engine(redis: nil)
        let big: JSONValue = ["text": .string(String(repeating: "x", count: 300))]
        let error = await #expect(throws: EngineError.self) { try await engine.admission.admit(tenantID: tenant, input: big) }
        #expect(error?.code == .payloadTooLarge)
        #expect(error?.message.contains("the tiny tier admits at most 200 bytes") == true, "\(String(describing: error))")
        #expect(try await db.queryFirst("SELECT count(*) AS n FROM executions")?.decode("n", as: Int.self) == 0)
        try await engine.admission.admit(tenantID: tenant, input: ["text": "small"])
        await db.shutdown()
    }

    @Test(arguments: [true, false])
    func theTokenBucketRefusesBeyondTheBurstWithTheRealRefillTime(redisIsUp: Bool) async throws {
        // With Redis down the process falls back to its own buckets: still limited, never failing.
        let server = try RedisTestServer()
        if redisIsUp { try server.start() }
        let redis = RedisClient(configuration: try RedisConfiguration(url: server.url))
        let (engine, db, tenant) = try await engine(redis: redis)
        for _ in 0..<3 { try await engine.admission.admit(tenantID: tenant, input: [:]) }
        let refused = await #expect(throws: EngineError.self) { try await engine.admission.admit(tenantID: tenant, input: [:]) }
        #expect(refused?.code == .rateLimited && refused?.retryAfterSeconds == 1, "\(String(describing: refused))")
        // Another tenant's bucket is its own.
        _ = try await engine.tenants.setTier(tenantID: tenant + "-other", tier: "tiny")
        try await engine.admission.admit(tenantID: tenant + "-other", input: [:])
        // At 2 per second, a token is back after half a second.
        try await Task.sleep(for: .milliseconds(600))
        try await engine.admission.admit(tenantID: tenant, input: [:])
        if redisIsUp {
            let stored = try await redis.send("HGET", "mc:bucket:\(tenant)", "tokens")
            #expect(stored.string.flatMap(Double.init).map { $0 < 1 } == true, "the bucket lives in Redis: \(stored)")
        }
        await redis.shutdown()
        server.stop()
        await db.shutdown()
    }

    /// A retry that repeats an idempotency key gets its first execution back without being
    /// admitted again: it neither spends a token nor is refused once the bucket is empty.
    @Test func retriesWithAnIdempotencyKeyAreAnsweredWithoutAdmission() async throws {
        let (engine, db, tenant) = try await engine(redis: nil)
        _ = try await engine.publisher.publish(
            tenantID: tenant,
            document: try JSONValue.parse(#"{"name": "w", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "a", "type": "transform", "with": {"output": {}}}]}"#))
        let admission = engine.admission
        let admit: @Sendable () async throws -> Void = { try await admission.admit(tenantID: tenant, input: [:]) }
        func start(_ key: String) async throws -> UUID {
            try await engine.executions.launch(tenantID: tenant, workflow: "w", version: "1.0.0", input: [:], idempotencyKey: key, admit: admit).record.id
        }
        let first = try await start("order-1")
        // The burst is 3: two more new executions empty the bucket.
        _ = try await start("order-2")
        _ = try await start("order-3")
        let refused = await #expect(throws: EngineError.self) { _ = try await start("order-4") }
        #expect(refused?.code == .rateLimited)
        // Retries of a request that was admitted are answered, however often they come.
        for _ in 0..<5 { #expect(try await start("order-1") == first) }
        let invoked = try await engine.subworkflows.invoke(tenantID: tenant, workflow: "w", version: "^1", input: [:], idempotencyKey: "order-1", admit: admit)
        #expect(invoked.execution.id == first)
        #expect(try await db.queryFirst("SELECT count(*) AS n FROM executions")?.decode("n", as: Int.self) == 3)
        await db.shutdown()
    }

    @Test func tierGuardrailsApplyToPublishingAndFanOut() async throws {
        let (engine, db, tenant) = try await engine(redis: nil)
        let group = ServiceGroup(configuration: .init(services: [engine.worker(listener: nil)], logger: .init(label: "test")))
        Task { try await group.run() }
        let fourSteps = try JSONValue.parse("""
            {"name": "long", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "a", "type": "transform", "with": {"output": {}}}, {"id": "b", "type": "transform", "with": {"output": {}}},
                       {"id": "c", "type": "transform", "with": {"output": {}}}, {"id": "d", "type": "transform", "with": {"output": {}}}]}
            """)
        let tooLong = await #expect(throws: EngineError.self) { try await engine.publisher.publish(tenantID: tenant, document: fourSteps) }
        #expect(tooLong?.details == ["/steps: the workflow has 4 steps; at most 3 are allowed"])

        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse("""
            {"name": "item", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "t", "type": "transform", "with": {"output": {}}}]}
            """))
        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse("""
            {"name": "fan", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "each", "type": "subworkflow", "forEach": "{{input.items}}", "with": {"workflow": "item", "version": "1.0.0"}}]}
            """))
        let started = try await engine.executions.start(tenantID: tenant, workflow: "fan", version: "1.0.0", input: ["items": [1, 2, 3, 4, 5]])
        var record = started
        for _ in 0..<300 where !record.status.isTerminal {
            try await Task.sleep(for: .milliseconds(20))
            record = try await engine.executions.get(tenantID: tenant, id: started.id) ?? record
        }
        #expect(record.status == .failed)
        #expect(record.error?["message"]?.stringValue?.contains("exceeds the fan-out cap of 4 (the least of policy.maxFanOut, the tiny tier's maxFanOut") == true,
                "\(String(describing: record.error))")

        // Raising the tier's cap applies at once in this process, without a restart.
        var raised = Self.tiny
        raised.maxFanOut = 10
        _ = try await engine.tenants.updateTier(raised)
        #expect(try await engine.tenants.limits(for: tenant).maxFanOut == 10)
        let again = try await engine.executions.start(tenantID: tenant, workflow: "fan", version: "1.0.0", input: ["items": [1, 2, 3, 4, 5]])
        record = again
        for _ in 0..<300 where !record.status.isTerminal {
            try await Task.sleep(for: .milliseconds(20))
            record = try await engine.executions.get(tenantID: tenant, id: again.id) ?? record
        }
        #expect(record.status == .succeeded, "\(String(describing: record.error))")
        await group.triggerGracefulShutdown()
        await db.shutdown()
    }

    @Test func underPressureBatchIsShedFirstThenStandardAndCriticalLast() async throws {
        let (engine, db, tenant) = try await engine(redis: nil)
        var tier = Self.tiny
        tier.maxQueueDepth = 10
        tier.ratePerSecond = 0.01  // no refill during the test
        tier.burst = 100
        _ = try await engine.tenants.updateTier(tier)
        func queue(_ count: Int) async throws {
            for _ in 0..<count { _ = try await TaskQueries.insert(NewTask(tenantID: tenant, kind: "work"), on: db) }
            try await Task.sleep(for: .milliseconds(600))  // admission recounts a tenant's queue at most every 0.5 s
        }
        func admits(_ priority: TaskPriority) async -> Bool {
            do { try await engine.admission.admit(tenantID: tenant, input: [:], priority: priority); return true } catch { return false }
        }
        // Queue depth: batch stops at half of maxQueueDepth, standard at 80 %, critical at the cap.
        try await queue(5)
        let atHalf = [await admits(.batch), await admits(.standard), await admits(.critical)]
        #expect(atHalf == [false, true, true])
        let shed = await #expect(throws: EngineError.self) { try await engine.admission.admit(tenantID: tenant, input: [:], priority: .batch) }
        #expect(shed?.code == .rateLimited && shed?.retryAfterSeconds == 2 && shed?.message.hasPrefix("Shed: 5 tasks") == true, "\(String(describing: shed))")
        try await queue(3)
        let atEightyPercent = [await admits(.standard), await admits(.critical)]
        #expect(atEightyPercent == [false, true])
        try await queue(2)
        let atTheCap = await admits(.critical)
        #expect(!atTheCap)

        // Budget: batch needs half the bucket left, so it is refused while others still get in.
        let (other, otherDB, otherTenant) = try await self.engine(redis: nil)
        var small = Self.tiny
        small.burst = 4
        small.ratePerSecond = 0.01
        _ = try await other.tenants.updateTier(small)
        var sequence: [Bool] = []
        for priority in [TaskPriority.batch, .batch, .batch, .standard, .critical, .critical] {
            do { try await other.admission.admit(tenantID: otherTenant, input: [:], priority: priority); sequence.append(true) } catch { sequence.append(false) }
        }
        #expect(sequence == [true, true, false, true, true, false])  // 4 → 3 → 2 (batch stops) → 1 → 0
        // An execution's class reaches its tasks.
        _ = try await other.publisher.publish(tenantID: otherTenant, document: try JSONValue.parse("""
            {"name": "w", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "t", "type": "http", "with": {"method": "GET", "url": "http://127.0.0.1:9/"}}]}
            """))
        let batch = try await other.executions.start(tenantID: otherTenant, workflow: "w", version: "1.0.0", input: [:], priority: .batch)
        #expect(batch.priority == .batch)
        let priority = try await otherDB.queryFirst("SELECT priority FROM tasks WHERE execution_id = $1", [batch.id])?.decode("priority", as: Int.self)
        #expect(priority == TaskPriority.batch.rawValue)
        await otherDB.shutdown()
        await db.shutdown()
    }

    @Test func anotherProcessSeesATierChangeWithinTheCacheTime() async throws {
        let (engine, db, tenant) = try await engine(redis: nil)
        let other = EngineRuntime(postgres: db)  // a second process's view of the same database
        #expect(try await other.tenants.limits(for: tenant).maxPayloadBytes == 200)
        var bigger = Self.tiny
        bigger.maxPayloadBytes = 5_000
        _ = try await engine.tenants.updateTier(bigger)
        try await Task.sleep(for: .seconds(TenantDirectory.cacheSeconds + 0.2))
        #expect(try await other.tenants.limits(for: tenant).maxPayloadBytes == 5_000)
        let invalid = await #expect(throws: EngineError.self) {
            var broken = Self.tiny
            broken.burst = 0
            _ = try await engine.tenants.updateTier(broken)
        }
        #expect(invalid?.details == ["burst must be at least 1 (got 0)"])
        let missing = await #expect(throws: EngineError.self) { _ = try await engine.tenants.setTier(tenantID: tenant, tier: "gold") }
        #expect(missing?.message.hasPrefix("There is no tier \"gold\"") == true)
        await db.shutdown()
    }
}
