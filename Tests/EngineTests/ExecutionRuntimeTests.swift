import Engine
import Foundation
import Postgres
import ServiceLifecycle
import Testing
import TestSupport

/// Workflows run end to end: real Postgres, a real worker, a real HTTP server downstream.
@Suite("Execution runtime", .serialized)
struct ExecutionRuntimeTests {
    typealias Harness = EngineHarness

    @Test func parallelBranchesJoinAndProduceTheOutput() async throws {
        let h = try await Harness()
        _ = try await h.publish("""
            {"name": "order", "version": "1.0.0",
             "inputSchema": {"type": "object", "required": ["sku", "qty"], "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}},
             "outputSchema": {"type": "object", "required": ["orderId", "total"]},
             "steps": [
               {"id": "quote", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/echo?sku={{input.sku}}"}},
               {"id": "stock", "type": "transform", "with": {"output": {"available": true, "qty": "{{input.qty}}"}}},
               {"id": "reserve", "type": "http", "needs": ["quote", "stock"],
                "with": {"method": "POST", "url": "{{env.DOWNSTREAM}}/echo", "body": {"sku": "{{input.sku}}", "qty": "{{steps.stock.output.qty}}", "quoted": "{{steps.quote.output.query}}"}}}
             ],
             "output": {"orderId": "{{steps.reserve.output.idempotencyKey}}", "total": "{{steps.reserve.output.body.qty}}", "quoted": "{{steps.reserve.output.body.quoted}}"}}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "order", version: "1.0.0", input: ["sku": "A-1", "qty": 3])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .succeeded, "\(String(describing: done.error))")
        #expect(done.output?["total"] == .int(3))  // the template kept the number a number
        #expect(done.output?["quoted"] == .string("sku=A-1"))
        #expect(done.output?["orderId"] == .string("\(started.id.uuidString.lowercased()):reserve:0"))
        #expect(h.downstream.count("/echo") == 2)
        let events = try await h.eventTypes(started.id)
        #expect(events.first == "EXECUTION_CREATED" && events.last == "EXECUTION_SUCCEEDED")
        #expect(events.filter { $0 == "STEP_SUCCEEDED" }.count == 3)
        #expect(try await h.engine.executions.verifyEvents(tenantID: h.tenant, id: started.id).isEmpty)
        await h.shutdown()
    }

    /// Transforms made ready by a finished step run fused into its transaction: a diamond of
    /// transforms after one root costs one task, yet every step keeps its run and its events.
    @Test func transformsMadeReadyRunFusedIntoTheFinishingStepsTransaction() async throws {
        let h = try await Harness()
        _ = try await h.publish("""
            {"name": "fused", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "root", "type": "transform", "with": {"output": {"n": "{{input.n}}"}}},
               {"id": "left", "type": "transform", "needs": ["root"], "with": {"output": {"l": "{{steps.root.output.n}}"}}},
               {"id": "right", "type": "transform", "needs": ["root"], "with": {"output": {"r": "{{steps.root.output.n}}"}}},
               {"id": "join", "type": "transform", "needs": ["left", "right"], "with": {"output": {"sum": ["{{steps.left.output.l}}", "{{steps.right.output.r}}"]}}}
             ],
             "output": {"sum": "{{steps.join.output.sum}}"}}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "fused", version: "1.0.0", input: ["n": 7])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .succeeded, "\(String(describing: done.error))")
        #expect(done.output?["sum"] == [7, 7])
        let tasks = try await h.db.queryFirst("SELECT count(*) AS n FROM tasks WHERE execution_id = $1", [started.id])?.decode("n", as: Int.self)
        #expect(tasks == 1, "only the root step was queued")
        let events = try await h.eventTypes(started.id)
        #expect(events.filter { $0 == "STEP_SCHEDULED" }.count == 4 && events.filter { $0 == "STEP_SUCCEEDED" }.count == 4)
        #expect(try await h.engine.executions.stepRuns(tenantID: h.tenant, id: started.id).map(\.status) == Array(repeating: "SUCCEEDED", count: 4))
        #expect(try await h.engine.executions.verifyEvents(tenantID: h.tenant, id: started.id).isEmpty)

        // A fused step that fails fails the execution, with its own step run and event.
        _ = try await h.publish("""
            {"name": "fused-fail", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "root", "type": "transform", "with": {"output": {"n": "{{input.n}}"}}},
               {"id": "next", "type": "transform", "needs": ["root"], "with": {"output": {"x": "{{input.missing}}"}}}
             ]}
            """)
        let failing = try await h.engine.executions.start(tenantID: h.tenant, workflow: "fused-fail", version: "1.0.0", input: ["n": 1])
        let failed = try await h.waitForEnd(failing.id)
        #expect(failed.status == .failed)
        #expect(failed.error?["stepId"] == "next")
        #expect(try await h.eventTypes(failing.id).suffix(2) == ["STEP_FAILED", "EXECUTION_FAILED"])
        await h.shutdown()
    }

    @Test func transientFailuresSucceedAfterRetriesWithOneIdempotencyKey() async throws {
        let h = try await Harness()
        _ = try await h.publish("""
            {"name": "flaky", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/flaky/2"},
                        "retry": {"attempts": 4, "backoff": {"initial": "PT0.05S", "max": "PT0.2S"}}}],
             "output": {"attempts": "{{steps.call.output.attempts}}"}}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "flaky", version: "1.0.0", input: [:])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .succeeded)
        #expect(done.output?["attempts"] == .int(3))
        // Three requests, all carrying the same idempotency key.
        #expect(h.downstream.keys("/flaky/2") == ["\(started.id.uuidString.lowercased()):call:0": 3])
        #expect(try await h.eventTypes(started.id).filter { $0 == "STEP_RETRYING" }.count == 2)
        await h.shutdown()
    }

    @Test func aPermanentlyFailingStepFailsTheExecutionWithItsError() async throws {
        let h = try await Harness()
        _ = try await h.publish("""
            {"name": "broken", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "down", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/500"},
                        "retry": {"attempts": 2, "backoff": {"initial": "PT0.05S"}}},
                       {"id": "after", "type": "transform", "needs": ["down"], "with": {"output": {"x": 1}}}]}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "broken", version: "1.0.0", input: [:])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .failed)
        #expect(done.error?["stepId"] == .string("down"))
        if case .string(let message)? = done.error?["message"] { #expect(message.contains("answered 500")) } else { Issue.record("no message in \(String(describing: done.error))") }
        #expect(h.downstream.count("/status/500") == 2)
        let runs = try await h.engine.executions.stepRuns(tenantID: h.tenant, id: started.id)
        #expect(runs.map(\.stepID) == ["down"])  // the dependent step never ran
        #expect(try await h.eventTypes(started.id).last == "EXECUTION_FAILED")
        await h.shutdown()
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let h = try await Harness()
        _ = try await h.publish("""
            {"name": "notfound", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "get", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/404"}, "retry": {"attempts": 5}}]}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "notfound", version: "1.0.0", input: [:])
        #expect(try await h.waitForEnd(started.id).status == .failed)
        #expect(h.downstream.count("/status/404") == 1)
        await h.shutdown()
    }

    @Test func aTimedOutStepIsRetried() async throws {
        let h = try await Harness()
        _ = try await h.publish("""
            {"name": "slow", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "wait", "type": "http", "timeout": "PT0.3S", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow/1500"},
                        "retry": {"attempts": 2, "backoff": {"initial": "PT0.05S"}}}]}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "slow", version: "1.0.0", input: [:])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .failed)
        if case .string(let message)? = done.error?["message"] { #expect(message.contains("timed out")) }
        #expect(h.downstream.count("/slow/1500") == 2)
        #expect(try await h.eventTypes(started.id).contains("STEP_RETRYING"))
        await h.shutdown()
    }

    @Test func delayAndSQLSteps() async throws {
        let source = try await migratedDatabase("source")
        try await source.execute("CREATE TABLE prices (sku text, price numeric)", [])
        try await source.execute("INSERT INTO prices VALUES ('A-1', 12.5), ('B-2', 3)", [])
        let h = try await Harness(dataSources: ["catalog": source])
        _ = try await h.publish("""
            {"name": "lookup", "version": "1.0.0", "inputSchema": {"type": "object", "properties": {"sku": {"type": "string"}}},
             "steps": [{"id": "pause", "type": "delay", "with": {"duration": "PT0.3S"}},
                       {"id": "price", "type": "sql", "needs": ["pause"], "with": {"dataSource": "catalog",
                        "query": "SELECT sku, price FROM prices WHERE sku = $1", "parameters": ["{{input.sku}}"]}}],
             "output": {"price": "{{steps.price.output[0].price}}"}}
            """)
        let before = Date()
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "lookup", version: "1.0.0", input: ["sku": "A-1"])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .succeeded, "\(String(describing: done.error))")
        #expect(done.output?["price"] == .double(12.5))
        #expect(Date().timeIntervalSince(before) >= 0.3)
        await h.shutdown()
        await source.shutdown()
    }

    @Test func sqlStepsCannotWrite() async throws {
        let source = try await migratedDatabase("sourcero")
        try await source.execute("CREATE TABLE t (x int)", [])
        let h = try await Harness(dataSources: ["db": source])
        _ = try await h.publish("""
            {"name": "writer", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "w", "type": "sql", "with": {"dataSource": "db", "query": "INSERT INTO t VALUES (1) RETURNING x"}}]}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "writer", version: "1.0.0", input: [:])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .failed)
        #expect(try await source.query("SELECT 1 FROM t").isEmpty)
        await h.shutdown()
        await source.shutdown()
    }

    @Test func aStepThatCannotBeProcessedFailsItsExecutionInsteadOfHanging() async throws {
        let db = try await migratedDatabase("unprocessable", maxConnections: 6)
        let tenant = "t"
        // One engine publishes and starts; the worker belongs to another (a fresh process, no cache).
        let api = EngineRuntime(postgres: db)
        _ = try await api.publisher.publish(tenantID: tenant, document: try JSONValue.parse("""
            {"name": "w", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "s", "type": "transform", "with": {"output": {"x": 1}}}]}
            """))
        let started = try await api.executions.start(tenantID: tenant, workflow: "w", version: "1.0.0", input: [:])
        // The stored definition no longer parses, so the worker cannot process the step.
        try await db.execute("UPDATE workflow_versions SET definition = '{\"name\": 1}'::jsonb", [])
        let record = try await runWorkerUntilEnded(started.id, tenant: tenant, db: db, configuration: .init(pollInterval: .milliseconds(50)))
        #expect(record?.status == .failed)
        if case .string(let message)? = record?.error?["message"] { #expect(message.contains("could not be processed")) }
        await db.shutdown()
    }

    @Test func aWorkerDyingOnTheLastAttemptFailsTheExecutionInsteadOfLeavingItRunning() async throws {
        let db = try await migratedDatabase("lastattempt", maxConnections: 6)
        let tenant = "t"
        let api = EngineRuntime(postgres: db)
        _ = try await api.publisher.publish(tenantID: tenant, document: try JSONValue.parse("""
            {"name": "w", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "s", "type": "http", "with": {"method": "GET", "url": "http://127.0.0.1:1/never"}}]}
            """))
        let started = try await api.executions.start(tenantID: tenant, workflow: "w", version: "1.0.0", input: [:])
        // A worker claims the only attempt and dies without a word.
        let claimed = try await TaskQueries.claim(queue: "default", limit: 1, worker: "doomed", leaseSeconds: 0.2, on: db)
        #expect(claimed.first?.maxAttempts == 1)
        var configuration = EngineRuntime.Configuration(pollInterval: .milliseconds(50))
        configuration.rescueInterval = .milliseconds(100)
        let record = try await runWorkerUntilEnded(started.id, tenant: tenant, db: db, configuration: configuration)
        #expect(record?.status == .failed)
        if case .string(let message)? = record?.error?["message"] { #expect(message.contains("lease expired")) }
        await db.shutdown()
    }

    /// Runs a worker of a fresh engine (no shared cache, as in another process) until the
    /// execution ends or 10 s pass, then stops it; returns the execution.
    private func runWorkerUntilEnded(_ id: UUID, tenant: String, db: PostgresClient, configuration: EngineRuntime.Configuration) async throws -> ExecutionRecord? {
        let engine = EngineRuntime(postgres: db, configuration: configuration)
        let group = ServiceGroup(configuration: .init(services: [engine.worker(listener: nil)], logger: .init(label: "test")))
        Task { try await group.run() }
        var record = try await engine.executions.get(tenantID: tenant, id: id)
        for _ in 0..<200 where record?.status.isTerminal != true {
            try await Task.sleep(for: .milliseconds(50))
            record = try await engine.executions.get(tenantID: tenant, id: id)
        }
        await group.triggerGracefulShutdown()
        return record
    }

    @Test func cancellingStopsPendingSteps() async throws {
        let h = try await Harness()
        _ = try await h.publish("""
            {"name": "long", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "wait", "type": "delay", "with": {"duration": "PT30S"}},
                       {"id": "after", "type": "http", "needs": ["wait"], "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/echo"}}]}
            """)
        let started = try await h.engine.executions.start(tenantID: h.tenant, workflow: "long", version: "1.0.0", input: [:])
        let cancelled = try await h.engine.executions.cancel(tenantID: h.tenant, id: started.id)
        #expect(cancelled.status == .cancelled)
        // Cancelling again is harmless.
        #expect(try await h.engine.executions.cancel(tenantID: h.tenant, id: started.id).status == .cancelled)
        let pending = try await h.db.queryFirst("SELECT count(*) AS n FROM tasks WHERE execution_id = $1 AND state = 'ready'", [started.id])
        #expect(try pending?.decode("n", as: Int.self) == 0)
        #expect(try await h.eventTypes(started.id).last == "EXECUTION_CANCELLED")
        await h.shutdown()
    }
}
