import Engine
import Foundation
import Glibc
import Postgres
import Testing
import TestSupport

/// Two `mc worker` processes share one database; one is killed with SIGKILL mid-step.
@Suite("Worker crash", .serialized)
struct WorkerCrashTests {
    @Test func killingAWorkerLosesNothingAndRunsNoCompletedStepTwice() async throws {
        let url = try await TestDatabase.create("crash")
        let db = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 6))
        try await DatabaseMigrations.runner().apply(using: db)
        let downstream = DownstreamServer()
        try await downstream.start()
        let engine = EngineRuntime(postgres: db)
        let tenant = "crash-test"
        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse("""
            {"name": "chain", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "one", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow/150"}, "retry": {"attempts": 3}},
               {"id": "two", "type": "http", "needs": ["one"], "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow/150"}, "retry": {"attempts": 3}},
               {"id": "three", "type": "http", "needs": ["two"], "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow/150"}, "retry": {"attempts": 3}}
             ]}
            """))

        let arguments = ["worker", "--database-url", url, "--worker-concurrency", "4", "--lease-seconds", "2"]
        let environment = ["MAESTRO_ENV_DOWNSTREAM": downstream.baseURL, "LOG_LEVEL": "warning"]
        let doomed = try ServerProcess.start(arguments, environment: environment)
        defer { doomed.kill() }
        let survivor = try ServerProcess.start(arguments, environment: environment)
        defer { survivor.kill() }

        var ids: [UUID] = []
        for i in 0..<16 {
            ids.append(try await engine.executions.start(tenantID: tenant, workflow: "chain", version: "1.0.0", input: ["n": .int(Int64(i))]).id)
        }
        // Let both workers get going, then kill one without warning.
        try await waitUntil(seconds: 30) {
            try await db.queryFirst("SELECT count(*) AS n FROM step_runs WHERE status = 'SUCCEEDED'")?.decode("n", as: Int.self) ?? 0 >= 8
        }
        let succeededBeforeKill = try await succeededStepKeys(db)
        doomed.signal(SIGKILL)
        _ = try await doomed.waitForExit(seconds: 5)

        try await waitUntil(seconds: 60) {
            try await db.queryFirst("SELECT count(*) AS n FROM executions WHERE status = 'SUCCEEDED'")?.decode("n", as: Int.self) == ids.count
        }
        // Every step of every execution succeeded exactly once.
        let runs = try await db.query("SELECT execution_id, step_id, status FROM step_runs")
        #expect(runs.count == ids.count * 3)
        #expect(try runs.allSatisfy { try $0.decode("status", as: String.self) == "SUCCEEDED" })
        // Completed steps were never requested again; only steps in flight on the killed worker
        // (at most its concurrency) were requested twice, with the same idempotency key.
        let requests = downstream.keys("/slow/150")
        #expect(requests.count == ids.count * 3)
        for key in succeededBeforeKill { #expect(requests[key] == 1, "\(key) completed before the kill but was requested \(requests[key] ?? 0) times") }
        let repeated = requests.filter { $0.value > 1 }
        #expect(repeated.count <= 4, "requested more than once: \(repeated)")
        #expect(repeated.values.allSatisfy { $0 == 2 })

        survivor.signal(SIGTERM)
        #expect(try await survivor.waitForExit(seconds: 15) == 0)
        await downstream.stop()
        await db.shutdown()
    }

    /// A saga's compensations survive `kill -9` of the worker running them: every step ends
    /// compensated exactly once (one idempotency key each; a handler cut off mid-call is repeated
    /// with the same key).
    @Test func killingAWorkerDuringCompensationStillCompensatesEachStepOnce() async throws {
        let url = try await TestDatabase.create("crashsaga")
        let db = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 6))
        try await DatabaseMigrations.runner().apply(using: db)
        let downstream = DownstreamServer()
        try await downstream.start()
        let engine = EngineRuntime(postgres: db)
        let tenant = "crash-saga"
        let undo = #"{"type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow/400"}, "retry": {"attempts": 3}}"#
        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse("""
            {"name": "saga", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "a", "type": "transform", "transaction": "t", "with": {"output": {"ok": 1}}, "compensate": \(undo)},
               {"id": "b", "type": "transform", "needs": ["a"], "transaction": "t", "with": {"output": {"ok": 2}}, "compensate": \(undo)},
               {"id": "c", "type": "transform", "needs": ["b"], "transaction": "t", "with": {"output": {"ok": 3}}, "compensate": \(undo)},
               {"id": "boom", "type": "http", "needs": ["c"], "transaction": "t", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/500"}}
             ]}
            """))
        let arguments = ["worker", "--database-url", url, "--worker-concurrency", "4", "--lease-seconds", "2"]
        let environment = ["MAESTRO_ENV_DOWNSTREAM": downstream.baseURL, "LOG_LEVEL": "warning"]
        let doomed = try ServerProcess.start(arguments, environment: environment)
        defer { doomed.kill() }
        var ids: [UUID] = []
        for i in 0..<4 {
            ids.append(try await engine.executions.start(tenantID: tenant, workflow: "saga", version: "1.0.0", input: ["n": .int(Int64(i))]).id)
        }
        // Kill the only worker while compensations are in flight.
        try await waitUntil(seconds: 30) {
            try await db.queryFirst("SELECT count(*) AS n FROM execution_events WHERE event_type = 'COMPENSATE_STARTED'")?.decode("n", as: Int.self) ?? 0 >= 2
        }
        doomed.signal(SIGKILL)
        _ = try await doomed.waitForExit(seconds: 5)
        let survivor = try ServerProcess.start(arguments, environment: environment)
        defer { survivor.kill() }

        try await waitUntil(seconds: 60) {
            try await db.queryFirst("SELECT count(*) AS n FROM executions WHERE compensation_state = 'COMPLETED'")?.decode("n", as: Int.self) == ids.count
        }
        let keys = downstream.keys("/slow/400")
        #expect(keys.count == ids.count * 3, "one idempotency key per compensated step: \(keys)")
        #expect(keys.keys.allSatisfy { $0.hasSuffix(":compensate") })
        #expect(keys.values.allSatisfy { $0 <= 2 }, "only a call cut off by the kill is repeated: \(keys)")
        let completed = try await db.query("SELECT count(*) AS n FROM execution_events WHERE event_type = 'COMPENSATE_COMPLETED'")
        #expect(try completed.first?.decode("n", as: Int.self) == ids.count * 3)
        let runs = try await db.query("SELECT compensation_status FROM step_runs WHERE step_id <> 'boom'")
        #expect(try runs.allSatisfy { try $0.decode("compensation_status", as: String.self) == "COMPLETED" })

        survivor.signal(SIGTERM)
        #expect(try await survivor.waitForExit(seconds: 15) == 0)
        await downstream.stop()
        await db.shutdown()
    }

    private func succeededStepKeys(_ db: PostgresClient) async throws -> [String] {
        try await db.query("SELECT execution_id, step_id FROM step_runs WHERE status = 'SUCCEEDED'").map {
            "\(try $0.decode("execution_id", as: UUID.self).uuidString.lowercased()):\(try $0.decode("step_id", as: String.self)):0"
        }
    }

    private func waitUntil(seconds: Double, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
