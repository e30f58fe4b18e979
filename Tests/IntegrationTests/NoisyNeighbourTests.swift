import Engine
import Foundation
import Glibc
import Postgres
import Redis
import Testing
import TestSupport

/// One tenant's flood must not hurt another (issue 9): tenant A floods at ten times its admission
/// budget while tenant B runs a steady load, on two `mc worker` processes, real Postgres and Redis.
/// A gets 429s with a usable Retry-After; B's enqueue-to-start latency and throughput stay close
/// to what they are when B runs alone. The figures are printed.
@Suite("Noisy neighbour", .serialized)
struct NoisyNeighbourTests {
    struct Figures: CustomStringConvertible {
        let started: Int
        let completedInTime: Int
        let p95Milliseconds: Double
        var description: String { "\(started) started, \(completedInTime) done within the phase, p95 enqueue→start \(Int(p95Milliseconds)) ms" }
    }

    @Test func aFloodingTenantIsThrottledAndTheOtherKeepsItsLatencyAndThroughput() async throws {
        let url = try await TestDatabase.create("noisy")
        let db = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 8))
        try await DatabaseMigrations.runner().apply(using: db)
        let redis = RedisClient(configuration: try RedisConfiguration(url: try TestEnvironment.redisURL()))
        let downstream = DownstreamServer()
        try await downstream.start()
        let engine = EngineRuntime(postgres: db, redis: redis)
        let (a, b) = ("flood-\(UUID().uuidString.prefix(6))", "steady-\(UUID().uuidString.prefix(6))")
        // A: 60 admissions/s, at most 3 steps at once; B: the standard tier. 4 worker slots of
        // 100 ms steps serve 40 executions/s, so A's admitted load alone exceeds the capacity.
        _ = try await engine.tenants.updateTier(TenantLimits(
            tier: "noisy", weight: 1, maxPayloadBytes: 65536, maxStepsPerWorkflow: 10, maxFanOut: 10, maxDepth: 2, maxConcurrentSteps: 3,
            ratePerSecond: 60, burst: 30))
        _ = try await engine.tenants.setTier(tenantID: a, tier: "noisy")
        _ = try await engine.tenants.setTier(tenantID: b, tier: "standard")
        let definition = try JSONValue.parse("""
            {"name": "work", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow/100"}}]}
            """)
        for tenant in [a, b] { _ = try await engine.publisher.publish(tenantID: tenant, document: definition) }

        let arguments = ["worker", "--database-url", url, "--worker-concurrency", "2"]
        let environment = ["MAESTRO_ENV_DOWNSTREAM": downstream.baseURL, "LOG_LEVEL": "warning"]
        let workers = try (0..<2).map { _ in try ServerProcess.start(arguments, environment: environment) }
        defer { workers.forEach { $0.kill() } }

        /// B's steady load: 5 executions per second for `seconds`; its figures from the event log.
        func steadyB(seconds: Int) async throws -> Figures {
            var ids: [UUID] = []
            for _ in 0..<(seconds * 5) {
                try await engine.admission.admit(tenantID: b, input: [:])
                ids.append(try await engine.executions.start(tenantID: b, workflow: "work", version: "1.0.0", input: [:]).id)
                try await Task.sleep(for: .milliseconds(200))
            }
            let phaseEnd = Date()
            try await Task.sleep(for: .seconds(2))  // let the last ones start before measuring
            let rows = try await db.query("""
                SELECT EXTRACT(EPOCH FROM (s.created_at - c.created_at)) * 1000 AS ms, e.finished_at
                FROM executions e
                JOIN execution_events c ON c.execution_id = e.id AND c.event_type = 'EXECUTION_CREATED'
                JOIN execution_events s ON s.execution_id = e.id AND s.event_type = 'STEP_STARTED'
                WHERE e.id = ANY($1::uuid[])
                """, [ids])
            let latencies = try rows.map { try $0.decode("ms", as: Double.self) }.sorted()
            let inTime = try rows.filter { row in
                guard let finished = try row.decodeIfPresent("finished_at", as: Date.self) else { return false }
                return finished <= phaseEnd.addingTimeInterval(1)
            }.count
            let p95 = latencies.isEmpty ? .infinity : latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.95))]
            return Figures(started: latencies.count, completedInTime: inTime, p95Milliseconds: p95)
        }

        let alone = try await steadyB(seconds: 4)

        // A floods at ten times its budget (600 attempts/s) while B runs again.
        let flood = Task {
            // Attempts are paced at 600/s whatever the database's latency: admitted executions
            // start concurrently, so a slow start never slows the flood down.
            try await withThrowingTaskGroup(of: Void.self) { starts in
                var admitted = 0
                var retryAfters: [Int] = []
                let deadline = ContinuousClock.now + .seconds(5)
                while ContinuousClock.now < deadline {
                    do {
                        try await engine.admission.admit(tenantID: a, input: [:])
                        admitted += 1
                        starts.addTask { _ = try await engine.executions.start(tenantID: a, workflow: "work", version: "1.0.0", input: [:]) }
                    } catch let error as EngineError where error.code == .rateLimited {
                        retryAfters.append(error.retryAfterSeconds ?? -1)
                    }
                    try await Task.sleep(for: .microseconds(1_666))
                }
                try await starts.waitForAll()
                return (admitted, retryAfters)
            }
        }
        try await Task.sleep(for: .milliseconds(500))  // A's backlog builds first
        let crowded = try await steadyB(seconds: 4)
        let (admitted, retryAfters) = try await flood.value

        print("noisy neighbour: B alone: \(alone)")
        print("noisy neighbour: B beside A's flood: \(crowded)")
        print("noisy neighbour: A admitted \(admitted), refused \(retryAfters.count) times (Retry-After \(Set(retryAfters).sorted()) s)")
        #expect(!retryAfters.isEmpty, "A flooded at 10× its budget, so attempts are refused")
        #expect(retryAfters.allSatisfy { $0 == 1 }, "at 60/s a token is back within a second: \(Set(retryAfters))")
        #expect(crowded.started == alone.started)
        // Throughput within 10 %; latency within 10 %, or 750 ms for the noise of other test suites
        // running in parallel on 2 cores (B's p95 alone has ranged from 36 ms to 1.2 s there).
        // Queued behind A's backlog (over 100 tasks, drained at about 40 per second), B would wait
        // 2.5 s and more, so the floor still tells isolation from its absence.
        #expect(Double(crowded.completedInTime) >= Double(alone.completedInTime) * 0.9, "B's throughput: \(crowded) vs \(alone)")
        #expect(crowded.p95Milliseconds <= max(alone.p95Milliseconds * 1.1, alone.p95Milliseconds + 750), "B's p95: \(crowded) vs \(alone)")
        // Without fair claims and A's cap, B would have queued behind A's backlog: it exists.
        let backlog = try await db.queryFirst("SELECT count(*) AS n FROM tasks WHERE tenant_id = $1 AND state = 'ready'", [a])?.decode("n", as: Int.self) ?? 0
        print("noisy neighbour: A's backlog when B finished: \(backlog) ready tasks")
        #expect(backlog > 100)

        for worker in workers { worker.signal(SIGTERM) }
        for worker in workers { _ = try? await worker.waitForExit(seconds: 15) }
        await downstream.stop()
        await redis.shutdown()
        await db.shutdown()
    }
}
