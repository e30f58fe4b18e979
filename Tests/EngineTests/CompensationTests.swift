import Engine
import Foundation
import Postgres
import ServiceLifecycle
import Testing
import TestSupport

/// Sagas end to end (issue 7): real Postgres, a real worker, a local HTTP server counting every
/// forward call and every compensation.
@Suite("Compensation", .serialized)
struct CompensationTests {
    typealias Harness = EngineHarness

    /// A GET step (or compensate handler) against `/fail-first/{n}/{name}`: 503 for the first n calls.
    static func call(_ name: String, failFirst n: Int = 0) -> String {
        #"{"method": "GET", "url": "{{env.DOWNSTREAM}}/fail-first/\#(n)/\#(name)"}"#
    }

    func waitForCompensation(_ h: Harness, _ id: UUID, seconds: Int = 30) async throws -> ExecutionRecord {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let record = try await h.engine.executions.get(tenantID: h.tenant, id: id),
                record.compensationState == "COMPLETED" || record.compensationState == "FAILED"
            {
                return record
            }
            try await Task.sleep(for: .milliseconds(30))
        }
        throw CancellationError()
    }

    func events(_ h: Harness, _ id: UUID, _ type: String) async throws -> [ExecutionEvent] {
        try await h.engine.executions.events(tenantID: h.tenant, id: id).filter { $0.type == type }
    }

    @Test func aFailedShipCompensatesChargeInsideItsChildAndThenReserveExactlyOnce() async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "payments", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "debit", "type": "http", "with": \(Self.call("debit")), "compensate": {"type": "http", "with": \(Self.call("refund"))}}]}
            """)
        try await h.publish("""
            {"name": "order", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "reserve", "type": "http", "transaction": "order", "with": \(Self.call("reserve")),
                "compensate": {"type": "http", "with": \(Self.call("unreserve"))}},
               {"id": "charge", "type": "subworkflow", "needs": ["reserve"], "transaction": "order", "with": {"workflow": "payments", "version": "^1.0"}},
               {"id": "ship", "type": "http", "needs": ["charge"], "transaction": "order", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/500"}}
             ]}
            """)
        let started = try await h.start("order", "1.0.0", [:])
        let done = try await waitForCompensation(h, started.id)
        #expect(done.status == .failed && done.compensationState == "COMPLETED", "\(done.status) \(done.compensationState) \(String(describing: done.error))")
        // Each compensation ran exactly once, with a key derived from its forward step's.
        #expect(h.downstream.count("/fail-first/0/refund") == 1)
        #expect(h.downstream.count("/fail-first/0/unreserve") == 1)
        let child = try #require(try await h.children(started.id).first)
        #expect(h.downstream.keys("/fail-first/0/refund").keys.first == "\(child.id.uuidString.lowercased()):debit:0:compensate")
        // Charge (inside the child) before reserve: reverse completion order, nested.
        let refunded = try #require(try await events(h, child.id, "COMPENSATE_COMPLETED").first)
        let unreserving = try #require(try await events(h, started.id, "COMPENSATE_STARTED").first)
        #expect(refunded.createdAt <= unreserving.createdAt)
        #expect(try await events(h, started.id, "COMPENSATE_REQUESTED").map(\.stepID) == ["reserve"])
        #expect(try await h.engine.executions.get(tenantID: h.tenant, id: child.id)?.compensationState == "COMPLETED")
        // Asking again (as an operator would) changes nothing.
        let again = try await h.engine.compensations.compensate(tenantID: h.tenant, executionID: started.id, fromStepID: nil, dryRun: false, actor: "ops")
        #expect(again.decision == "already-compensated" && again.steps == ["charge/debit", "reserve"])
        #expect(h.downstream.count("/fail-first/0/unreserve") == 1)
        // The ship step never completed, so it was not compensated; the child's step run says it was.
        let childRuns = try await h.engine.executions.stepRuns(tenantID: h.tenant, id: child.id)
        #expect(childRuns.first?.compensationStatus == "COMPLETED")
        await h.shutdown()
    }

    @Test func theSucceededChildrenOfAFailedFanOutAreCompensated() async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "charge-one", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "debit", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/{{input.code}}"},
                        "compensate": {"type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/fail-first/0/refund-{{input.i}}"}}}]}
            """)
        try await h.publish("""
            {"name": "charge-all", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "charge", "type": "subworkflow", "transaction": "t", "forEach": "{{input.cards}}", "concurrency": 1,
                        "with": {"workflow": "charge-one", "version": "1.0.0", "input": "{{item}}"}}]}
            """)
        let cards: JSONValue = [["code": 200, "i": 0], ["code": 200, "i": 1], ["code": 500, "i": 2]]
        let done = try await waitForCompensation(h, try await h.start("charge-all", "1.0.0", ["cards": cards]).id)
        #expect(done.status == .failed && done.compensationState == "COMPLETED", "\(String(describing: done.error))")
        // Elements 0 and 1 had charged: both refunded, once; element 2 never charged.
        #expect(h.downstream.count("/fail-first/0/refund-0") == 1 && h.downstream.count("/fail-first/0/refund-1") == 1)
        #expect(h.downstream.count("/fail-first/0/refund-2") == 0)
        let plan = try await h.engine.compensations.compensate(tenantID: h.tenant, executionID: done.id, fromStepID: nil, dryRun: true, actor: "ops")
        #expect(plan.steps == ["charge[1]/debit", "charge[0]/debit"])
        await h.shutdown()
    }

    @Test func cancellationCompensatesOnlyWhenThePolicySaysSo() async throws {
        let h = try await Harness()
        func definition(_ name: String, policy: String) -> String {
            """
            {"name": "\(name)", "version": "1.0.0", "inputSchema": {"type": "object"}, "policy": \(policy),
             "steps": [
               {"id": "reserve", "type": "http", "transaction": "t", "with": \(Self.call("reserve-\(name)")),
                "compensate": {"type": "http", "with": \(Self.call("unreserve-\(name)"))}},
               {"id": "wait", "type": "delay", "needs": ["reserve"], "transaction": "t", "with": {"duration": "PT30S"}}
             ]}
            """
        }
        try await h.publish(definition("errors-only", policy: "{}"))
        try await h.publish(definition("on-cancel", policy: #"{"transactions": {"t": {"compensateOn": ["error", "cancel"]}}}"#))
        for name in ["errors-only", "on-cancel"] {
            let started = try await h.start(name, "1.0.0", [:])
            for _ in 0..<300 where h.downstream.count("/fail-first/0/reserve-\(name)") == 0 { try await Task.sleep(for: .milliseconds(20)) }
            try await Task.sleep(for: .milliseconds(100))
            try await h.engine.executions.cancel(tenantID: h.tenant, id: started.id)
        }
        try await Task.sleep(for: .seconds(1))
        #expect(h.downstream.count("/fail-first/0/unreserve-errors-only") == 0)
        #expect(h.downstream.count("/fail-first/0/unreserve-on-cancel") == 1)
        let executions = try await h.engine.executions.list(tenantID: h.tenant, first: 10)
        let states = Dictionary(uniqueKeysWithValues: try await withThrowingTaskGroup(of: (String, String).self) { group in
            for execution in executions {
                group.addTask {
                    let version = try await h.engine.publisher.version(tenantID: h.tenant, id: execution.workflowVersionID)
                    return (version?.name ?? "", execution.compensationState)
                }
            }
            var pairs: [(String, String)] = []
            for try await pair in group { pairs.append(pair) }
            return pairs
        })
        #expect(states == ["errors-only": "NONE", "on-cancel": "COMPLETED"])
        await h.shutdown()
    }

    /// A step still running when its execution is cancelled may yet take effect. Its handler waits
    /// for the attempt to end: a late success is undone (after it, once), a clean late failure is
    /// not undone at all. Both late outcomes are recorded with `afterEnd`.
    @Test(arguments: [(200, "late-success"), (400, "late-failure")])
    func aStepRunningAtCancelIsUndoneOnlyOnceItsAttemptEndedAndOnlyIfItMayHaveTakenEffect(status: Int, name: String) async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "\(name)", "version": "1.0.0", "inputSchema": {"type": "object"},
             "policy": {"transactions": {"t": {"compensateOn": ["error", "cancel"]}}},
             "steps": [
               {"id": "charge", "type": "http", "transaction": "t",
                "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow-status/1200/\(status)"},
                "compensate": {"type": "http", "with": \(Self.call("refund-\(name)"))}}
             ]}
            """)
        let started = try await h.start(name, "1.0.0", [:])
        for _ in 0..<300 where h.downstream.count("/slow-status/1200/\(status)") == 0 { try await Task.sleep(for: .milliseconds(20)) }
        try await h.engine.executions.cancel(tenantID: h.tenant, id: started.id)
        let ended = try await waitForCompensation(h, started.id)
        #expect(ended.status == .cancelled && ended.compensationState == "COMPLETED")

        let log = try await h.engine.executions.events(tenantID: h.tenant, id: started.id)
        let late = try #require(log.first { ($0.type == "STEP_SUCCEEDED" || $0.type == "STEP_FAILED") && $0.payload["afterEnd"] == true })
        let compensated = try #require(log.first { $0.type == "COMPENSATE_COMPLETED" })
        if status == 200 {
            #expect(late.type == "STEP_SUCCEEDED")
            #expect(h.downstream.count("/fail-first/0/refund-\(name)") == 1)
            // The handler started only after the forward attempt had ended.
            let startedUndo = try #require(log.first { $0.type == "COMPENSATE_STARTED" })
            #expect(late.sequence < startedUndo.sequence, "\(log.map(\.type))")
            #expect(compensated.payload["skipped"] == nil)
        } else {
            #expect(late.type == "STEP_FAILED")
            #expect(h.downstream.count("/fail-first/0/refund-\(name)") == 0)
            #expect(compensated.payload["skipped"] == true && !log.contains { $0.type == "COMPENSATE_STARTED" }, "\(log.map(\.type))")
        }
        let run = try #require(try await h.engine.executions.stepRuns(tenantID: h.tenant, id: started.id).first)
        #expect(run.status == (status == 200 ? "SUCCEEDED" : "FAILED"))
        await h.shutdown()
    }

    /// An attempt that timed out may have taken effect even when the retry after it then fails
    /// cleanly: the step is still compensated, and its run says why.
    @Test func aStepWhoseEarlierAttemptTimedOutIsCompensatedWhenALaterOneFailsCleanly() async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "flaky-charge", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "charge", "type": "http", "transaction": "t", "timeout": "PT1S",
                "retry": {"attempts": 2, "backoff": {"initial": "PT0.1S"}, "jitter": false},
                "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/slow-once/3000/400/charge"},
                "compensate": {"type": "http", "with": \(Self.call("refund-flaky"))}}
             ]}
            """)
        let started = try await h.start("flaky-charge", "1.0.0", [:])
        let ended = try await waitForCompensation(h, started.id)
        #expect(ended.status == .failed && ended.compensationState == "COMPLETED")
        #expect(h.downstream.count("/slow-once/3000/400/charge") == 2)
        #expect(h.downstream.count("/fail-first/0/refund-flaky") == 1)
        let run = try #require(try await h.engine.executions.stepRuns(tenantID: h.tenant, id: started.id).first)
        #expect(run.status == "FAILED" && run.error?["earlierAttemptTimedOut"] == true && run.error?["timedOut"] == nil, "\(String(describing: run.error))")
        await h.shutdown()
    }

    @Test func aCompensationThatFailsTwiceIsRetriedAndOneThatAlwaysFailsEndsTheExecution() async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "flaky-undo", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "book", "type": "http", "transaction": "t", "with": \(Self.call("book")),
                "compensate": {"type": "http", "with": \(Self.call("unbook", failFirst: 2)), "retry": {"attempts": 3, "backoff": {"initial": "PT0.05S"}, "jitter": false}}},
               {"id": "boom", "type": "http", "needs": ["book"], "transaction": "t", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/500"}}
             ]}
            """)
        let flaky = try await waitForCompensation(h, try await h.start("flaky-undo", "1.0.0", [:]).id)
        #expect(flaky.status == .failed && flaky.compensationState == "COMPLETED")
        #expect(h.downstream.count("/fail-first/2/unbook") == 3)
        #expect(try await events(h, flaky.id, "COMPENSATE_COMPLETED").first?.payload["attempts"] == .int(3))

        try await h.publish("""
            {"name": "stuck-undo", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "first", "type": "http", "transaction": "t", "with": \(Self.call("first")),
                "compensate": {"type": "http", "with": \(Self.call("unfirst"))}},
               {"id": "book", "type": "http", "needs": ["first"], "transaction": "t", "with": \(Self.call("book2")),
                "compensate": {"type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/500"}, "retry": {"attempts": 2, "backoff": {"initial": "PT0.05S"}}}},
               {"id": "boom", "type": "http", "needs": ["book"], "transaction": "t", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/status/500"}}
             ]}
            """)
        let stuck = try await waitForCompensation(h, try await h.start("stuck-undo", "1.0.0", [:]).id)
        #expect(stuck.status == .compensationFailed && stuck.compensationState == "FAILED")
        let message = stuck.error?["message"]?.stringValue ?? ""
        #expect(message.contains("The compensation of step \"book\" failed after 2 attempt(s)"), "\(message)")
        // Nothing is skipped silently: the step that was never undone is named.
        #expect(stuck.error?["notCompensated"] == ["first"])
        #expect(h.downstream.count("/fail-first/0/unfirst") == 0)
        #expect(try await events(h, stuck.id, "COMPENSATE_FAILED").first?.stepID == "book")
        #expect(try await h.eventTypes(stuck.id).last == "EXECUTION_COMPENSATION_FAILED")
        await h.shutdown()
    }

    @Test func theDryRunListsWhatTheRealRunThenDoes() async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "trip", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [
               {"id": "flight", "type": "http", "with": \(Self.call("flight")), "compensate": {"type": "http", "with": \(Self.call("unflight"))}},
               {"id": "hotel", "type": "http", "needs": ["flight"], "with": \(Self.call("hotel")), "compensate": {"type": "http", "with": \(Self.call("unhotel"))}},
               {"id": "note", "type": "transform", "needs": ["hotel"], "with": {"output": {"ok": true}}},
               {"id": "car", "type": "http", "needs": ["note"], "with": \(Self.call("car")), "compensate": {"type": "http", "with": \(Self.call("uncar"))}}
             ]}
            """)
        let done = try await h.waitForEnd(try await h.start("trip", "1.0.0", [:]).id)
        #expect(done.status == .succeeded)
        let missing = await #expect(throws: EngineError.self) {
            try await h.engine.compensations.compensate(tenantID: h.tenant, executionID: done.id, fromStepID: "nope", dryRun: true, actor: "ops")
        }
        #expect(missing?.code == .invalidInput)
        let partial = try await h.engine.compensations.compensate(tenantID: h.tenant, executionID: done.id, fromStepID: "hotel", dryRun: true, actor: "ops")
        #expect(partial.steps == ["hotel", "flight"])
        let dry = try await h.engine.compensations.compensate(tenantID: h.tenant, executionID: done.id, fromStepID: nil, dryRun: true, actor: "ops")
        #expect(dry.steps == ["car", "hotel", "flight"] && dry.decision == "dry-run")
        #expect(h.downstream.count("/fail-first/0/uncar") == 0)  // a dry run runs nothing

        let real = try await h.engine.compensations.compensate(tenantID: h.tenant, executionID: done.id, fromStepID: nil, dryRun: false, actor: "ops")
        #expect(real.steps == dry.steps && real.decision == "started")
        let finished = try await waitForCompensation(h, done.id)
        #expect(finished.status == .succeeded && finished.compensationState == "COMPLETED")
        #expect(try await events(h, done.id, "COMPENSATE_STARTED").map(\.stepID) == ["car", "hotel", "flight"])
        let audit = try await h.db.query(
            "SELECT decision, actor FROM audit_log WHERE tenant_id = $1 AND action = 'execution.compensate' ORDER BY id", [h.tenant])
        #expect(try audit.map { try $0.decode("decision", as: String.self) } == ["dry-run", "dry-run", "started"])
        await h.shutdown()
    }

    @Test func scopesMustBeContiguousAndPolicyNamesRealScopes() throws {
        let document = try JSONValue.parse("""
            {"name": "bad-saga", "version": "1.0.0", "inputSchema": {"type": "object"},
             "policy": {"transactions": {"ordr": {"order": "parallel"}}},
             "steps": [
               {"id": "a", "type": "transform", "transaction": "order", "with": {"output": {}}},
               {"id": "b", "type": "transform", "needs": ["a"], "with": {"output": {}}},
               {"id": "c", "type": "transform", "needs": ["b"], "transaction": "order", "with": {"output": {}},
                "compensate": {"type": "subworkflow", "with": {"workflow": "undo", "version": "1.0.0"}}}
             ]}
            """)
        do {
            _ = try WorkflowDefinition.publishable(document)
            Issue.record("the definition should be rejected")
        } catch {
            #expect(error.errors.map(\.description) == [
                "/steps/1/transaction: step \"b\" is not in transaction \"order\" but runs between its steps \"a\" and \"c\"; a transaction's steps must be contiguous",
                "/steps/2/compensate/type: a compensate handler cannot be a subworkflow; a subworkflow step is undone by the child's own compensate handlers",
                "/policy/transactions/ordr: no step is in transaction \"ordr\"; did you mean \"order\"?",
            ])
        }
        let badOrder = try JSONValue.parse(#"{"name": "x", "version": "1.0.0", "inputSchema": {}, "policy": {"compensation": {"order": "sideways", "compensateOn": []}}, "steps": [{"id": "a", "type": "transform", "with": {"output": {}}}]}"#)
        do {
            _ = try WorkflowDefinition.publishable(badOrder)
            Issue.record("the definition should be rejected")
        } catch {
            #expect(error.errors.map(\.description) == [
                "/policy/compensation/order: expected one of sequential, parallel but got \"sideways\"",
                "/policy/compensation/compensateOn: the workflow's triggers are policy.compensateOn",
            ])
        }
    }
}
