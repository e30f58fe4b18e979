import Engine
import Foundation
import Postgres
import ServiceLifecycle
import Testing
import TestSupport

/// Sub-workflows end to end (issue 6): real Postgres, real workers, a real HTTP server downstream.
@Suite("Sub-workflows", .serialized)
struct SubworkflowTests {
    typealias Harness = EngineHarness

    static let leaf = """
        {"name": "leaf", "version": "1.0.0",
         "inputSchema": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}},
         "outputSchema": {"type": "object", "required": ["value"], "properties": {"value": {"type": "integer"}}},
         "steps": [{"id": "t", "type": "transform", "with": {"output": {"value": "{{input.n}}", "from": "leaf"}}}],
         "output": {"value": "{{steps.t.output.value}}", "from": "{{steps.t.output.from}}"}}
        """

    @Test func nestedSubworkflowsThreeLevelsDeepRunWithTypedMapping() async throws {
        let h = try await Harness()
        try await h.publish(Self.leaf)
        try await h.publish("""
            {"name": "middle", "version": "1.0.0",
             "inputSchema": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}},
             "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "leaf", "version": "^1.0", "input": {"n": "{{input.n}}"}}}],
             "output": {"inner": "{{steps.call.output.value}}", "from": "{{steps.call.output.from}}"}}
            """)
        try await h.publish("""
            {"name": "top", "version": "1.0.0",
             "inputSchema": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}},
             "steps": [
               {"id": "prepare", "type": "transform", "with": {"output": {"n": "{{input.n}}"}}},
               {"id": "call", "type": "subworkflow", "needs": ["prepare"], "with": {"workflow": "middle", "version": "~1.0.0", "input": {"n": "{{steps.prepare.output.n}}"}}}
             ],
             "output": {"result": "{{steps.call.output.inner}}", "from": "{{steps.call.output.from}}"}}
            """)
        let top = try await h.start("top", "1.0.0", ["n": 42])
        let done = try await h.waitForEnd(top.id)
        #expect(done.status == .succeeded, "\(String(describing: done.error))")
        #expect(done.output?["result"] == .int(42))  // typed all the way down and back up
        #expect(done.output?["from"] == .string("leaf"))

        let middle = try #require(try await h.children(top.id).first)
        let leaf = try #require(try await h.children(middle.id).first)
        #expect(middle.depth == 1 && leaf.depth == 2)
        #expect(middle.parent?.executionID == top.id && middle.parent?.stepID == "call")
        #expect(leaf.rootExecutionID == top.id && middle.rootExecutionID == top.id)
        #expect(Set([top.traceID, middle.traceID, leaf.traceID]).count == 1)  // one trace
        #expect(leaf.status == .succeeded && middle.status == .succeeded)
        let steps = try await h.engine.executions.stepRuns(tenantID: h.tenant, id: top.id)
        #expect(steps.first { $0.stepID == "call" }?.childExecutionID == middle.id)
        let events = try await h.eventTypes(top.id)
        #expect(events.contains("SUBWORKFLOW_STARTED") && events.contains("SUBWORKFLOW_ENDED"))
        await h.shutdown()
    }

    @Test func childInputThatViolatesTheChildSchemaFailsBeforeEnqueue() async throws {
        let h = try await Harness()
        try await h.publish(Self.leaf)
        try await h.publish("""
            {"name": "caller", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "leaf", "version": "1.0.0", "input": {"n": "{{input.word}}"}}}]}
            """)
        let started = try await h.start("caller", "1.0.0", ["word": "seven"])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .failed)
        let message = done.error?["message"]?.stringValue ?? ""
        #expect(message.contains("does not match its inputSchema"), "\(message)")
        #expect(done.error?["details"]?.arrayValue?.first?.stringValue?.contains("/n") == true, "\(String(describing: done.error))")
        #expect(try await h.children(started.id).isEmpty)  // nothing was enqueued
        await h.shutdown()
    }

    @Test func publishPinsTheHighestVersionInTheRangeAndRejectsWhatCannotBePinned() async throws {
        let h = try await Harness()
        try await h.publish(Self.leaf)
        try await h.publish(Self.leaf.replacingOccurrences(of: "\"1.0.0\"", with: "\"1.2.0\""))
        try await h.publish(Self.leaf.replacingOccurrences(of: "\"1.0.0\"", with: "\"2.0.0\""))
        let parent = try await h.publish("""
            {"name": "p", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "leaf", "version": "^1.0", "input": {"n": 1}}}]}
            """)
        let edges = try await h.engine.subworkflows.edges(tenantID: h.tenant, parentVersionIDs: [parent.versionID])[parent.versionID] ?? []
        let pinned = try await h.engine.publisher.version(tenantID: h.tenant, id: try #require(edges.first).childVersionID)
        #expect(pinned?.version == "1.2.0" && edges.first?.range == "^1.0")

        let error = await #expect(throws: EngineError.self) {
            try await h.publish("""
                {"name": "q", "version": "1.0.0", "inputSchema": {"type": "object"},
                 "steps": [{"id": "a", "type": "subworkflow", "with": {"workflow": "leaf", "version": "^3"}},
                           {"id": "b", "type": "subworkflow", "with": {"workflow": "nowhere", "version": "1.0.0"}},
                           {"id": "c", "type": "subworkflow", "with": {"workflow": "q", "version": "1.0.0"}}]}
                """)
        }
        let details = error?.details ?? []
        #expect(details.contains { $0.hasPrefix("/steps/0/with/version: no published version of leaf satisfies \"^3\"") }, "\(details)")
        #expect(details.contains { $0.hasPrefix("/steps/1/with/workflow: workflow \"nowhere\" has no published version") }, "\(details)")
        #expect(details.contains { $0.contains("cannot invoke itself") }, "\(details)")
        await h.shutdown()
    }

    @Test func cyclesAndNestingBeyondTheLimitAreRejectedAtPublish() async throws {
        let h = try await Harness(subworkflows: SubworkflowSettings(maxDepth: 2))
        try await h.publish(Self.leaf)
        let call = { (name: String, version: String, child: String) in
            """
            {"name": "\(name)", "version": "\(version)", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "\(child)", "version": "*", "input": {"n": 1}}}]}
            """
        }
        try await h.publish(call("b", "1.0.0", "leaf"))
        try await h.publish(call("a", "1.0.0", "b"))
        // a → b → leaf is 2 deep; one more level is too deep.
        let tooDeep = await #expect(throws: EngineError.self) { try await h.publish(call("z", "1.0.0", "a")) }
        #expect(tooDeep?.details.first?.contains("would nest 3 levels deep (z@1.0.0 → a@1.0.0 → b@1.0.0 → leaf@1.0.0); the limit is 2") == true, "\(String(describing: tooDeep))")
        // b@2 → a@1 → b@1: a cycle through an older version of b.
        let cycle = await #expect(throws: EngineError.self) { try await h.publish(call("b", "2.0.0", "a")) }
        #expect(cycle?.details.first == "/steps/0/with/workflow: invoking it would create a cycle: b@2.0.0 → a@1.0.0 → b@1.0.0", "\(String(describing: cycle))")
        await h.shutdown()
    }

    @Test func aFailedChildFollowsTheParentStepsRetryPolicy() async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "shaky", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "http", "with": {"method": "GET", "url": "{{env.DOWNSTREAM}}/fail-first/2/{{input.path}}"}}],
             "output": {"requests": "{{steps.call.output.requests}}"}}
            """)
        try await h.publish("""
            {"name": "retrying", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "subworkflow", "retry": {"attempts": 3}, "with": {"workflow": "shaky", "version": "1.0.0", "input": {"path": "retrying"}}}],
             "output": {"requests": "{{steps.call.output.requests}}"}}
            """)
        let started = try await h.start("retrying", "1.0.0", [:])
        let done = try await h.waitForEnd(started.id)
        #expect(done.status == .succeeded, "\(String(describing: done.error))")
        #expect(done.output?["requests"] == .int(3))
        let children = try await h.children(started.id)
        #expect(children.map(\.status) == [.failed, .failed, .succeeded])
        #expect(children.map { $0.parent?.attempt } == [1, 2, 3])
        #expect(try await h.eventTypes(started.id).filter { $0 == "STEP_RETRYING" }.count == 2)

        // Without retries the first failure fails the parent, naming the child.
        try await h.publish("""
            {"name": "once", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "shaky", "version": "1.0.0", "input": {"path": "once"}}}]}
            """)
        let once = try await h.waitForEnd(try await h.start("once", "1.0.0", [:]).id)
        #expect(once.status == .failed)
        #expect(once.error?["message"]?.stringValue?.contains("Sub-workflow shaky@1.0.0 execution") == true, "\(String(describing: once.error))")
        await h.shutdown()
    }

    @Test func cancellingAParentCancelsItsRunningChildren() async throws {
        let h = try await Harness()
        try await h.publish("""
            {"name": "sleepy", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "wait", "type": "delay", "with": {"duration": "PT30S"}}]}
            """)
        try await h.publish("""
            {"name": "waiter", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "sleepy", "version": "1.0.0"}}]}
            """)
        let started = try await h.start("waiter", "1.0.0", [:])
        var children: [ExecutionRecord] = []
        for _ in 0..<200 where children.isEmpty {
            children = try await h.children(started.id)
            try await Task.sleep(for: .milliseconds(20))
        }
        let child = try #require(children.first)
        try await h.engine.executions.cancel(tenantID: h.tenant, id: started.id)
        let ended = try await h.waitForEnd(child.id)
        #expect(ended.status == .cancelled)
        #expect(try await h.eventTypes(child.id).last == "EXECUTION_CANCELLED")
        await h.shutdown()
    }

    @Test func fanOutOver200ElementsRespectsTheConcurrencyBoundAndKeepsOrder() async throws {
        let h = try await Harness(workerConcurrency: 16)
        try await h.publish("""
            {"name": "square", "version": "1.0.0",
             "inputSchema": {"type": "object", "required": ["i"], "properties": {"i": {"type": "integer"}}},
             "steps": [{"id": "pause", "type": "delay", "with": {"duration": "PT0.02S"}},
                       {"id": "t", "type": "transform", "needs": ["pause"], "with": {"output": {"i": "{{input.i}}"}}}],
             "output": {"i": "{{steps.t.output.i}}"}}
            """)
        try await h.publish("""
            {"name": "fan", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "each", "type": "subworkflow", "forEach": "{{input.items}}", "concurrency": 5,
                        "with": {"workflow": "square", "version": "1.0.0", "input": {"i": "{{item}}"}}}],
             "output": {"results": "{{steps.each.output}}"}}
            """)
        let items = (0..<200).map { JSONValue.int(Int64($0)) }
        let started = try await h.start("fan", "1.0.0", ["items": .array(items)])
        // Sample how many children are in flight while it runs.
        var maxInFlight = 0
        var record = try await h.engine.executions.get(tenantID: h.tenant, id: started.id)
        while record?.status.isTerminal == false {
            let inFlight = try await h.children(started.id).filter { !$0.status.isTerminal }.count
            maxInFlight = max(maxInFlight, inFlight)
            try await Task.sleep(for: .milliseconds(10))
            record = try await h.engine.executions.get(tenantID: h.tenant, id: started.id)
        }
        #expect(record?.status == .succeeded, "\(String(describing: record?.error))")
        #expect(maxInFlight <= 5 && maxInFlight >= 2, "at most 5 children ran at once, saw \(maxInFlight)")
        #expect(record?.output?["results"] == .array(items.map { ["i": $0] }))  // element order, not completion order
        #expect(try await h.children(started.id).count == 200)

        // Above the workflow's fan-out cap: the step fails with a clear error and starts nothing.
        try await h.publish("""
            {"name": "capped", "version": "1.0.0", "inputSchema": {"type": "object"}, "policy": {"maxFanOut": 100},
             "steps": [{"id": "each", "type": "subworkflow", "forEach": "{{input.items}}",
                        "with": {"workflow": "square", "version": "1.0.0", "input": {"i": "{{item}}"}}}]}
            """)
        let capped = try await h.waitForEnd(try await h.start("capped", "1.0.0", ["items": .array(items)]).id)
        #expect(capped.status == .failed)
        #expect(capped.error?["message"]?.stringValue?.contains("forEach over 200 elements exceeds the fan-out cap of 100") == true, "\(String(describing: capped.error))")
        #expect(try await h.children(capped.id).isEmpty)
        await h.shutdown()
    }

    @Test func theBreakerOpensFailsFastAndRecoversAfterAProbe() async throws {
        let h = try await Harness(subworkflows: SubworkflowSettings(
            breaker: CircuitBreakerSettings(failureRatio: 0.5, minimumCalls: 3, windowSeconds: 60, cooldownSeconds: 3)))
        // Fails when the input has no "value" (the transform cannot render), succeeds otherwise.
        let child = try await h.publish("""
            {"name": "fragile", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "t", "type": "transform", "with": {"output": {"v": "{{input.value}}"}}}]}
            """)
        for _ in 0..<3 {
            let invoked = try await h.engine.subworkflows.invoke(tenantID: h.tenant, workflow: "fragile", version: "^1", input: [:])
            #expect(invoked.resolvedVersion == "1.0.0")
            #expect(try await h.waitForEnd(invoked.execution.id).status == .failed)
        }
        for _ in 0..<200 where try await h.breakerState(child.versionID) != .open { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try await h.breakerState(child.versionID) == .open)

        // Open: the API fails fast with a distinct error and a retry time...
        let rejected = await #expect(throws: EngineError.self) {
            try await h.engine.subworkflows.invoke(tenantID: h.tenant, workflow: child.workflowID.uuidString, version: "latest", input: ["value": 1])
        }
        #expect(rejected?.code == .circuitOpen)
        #expect((1...3).contains(rejected?.retryAfterSeconds ?? 0), "Retry-After is the rest of the cool-down")
        // ...and so does a parent step, with its own event.
        try await h.publish("""
            {"name": "user", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "fragile", "version": "1.0.0", "input": {"value": 1}}}]}
            """)
        let parent = try await h.waitForEnd(try await h.start("user", "1.0.0", [:]).id)
        #expect(parent.status == .failed)
        #expect(try await h.eventTypes(parent.id).contains("SUBWORKFLOW_CIRCUIT_OPEN"))

        // After the cool-down one probe goes through; its success closes the breaker.
        try await Task.sleep(for: .milliseconds(3100))
        let probe = try await h.engine.subworkflows.invoke(tenantID: h.tenant, workflow: "fragile", version: "1.0.0", input: ["value": 1])
        #expect(try await h.waitForEnd(probe.execution.id).status == .succeeded)
        for _ in 0..<200 where try await h.breakerState(child.versionID) != .closed { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try await h.breakerState(child.versionID) == .closed)
        let again = try await h.waitForEnd(try await h.start("user", "1.0.0", [:]).id)
        #expect(again.status == .succeeded, "\(String(describing: again.error))")
        await h.shutdown()
    }

    @Test func invokingWithAnIdempotencyKeyTwiceStartsOneExecution() async throws {
        let h = try await Harness()
        try await h.publish(Self.leaf)
        let first = try await h.engine.subworkflows.invoke(tenantID: h.tenant, workflow: "leaf", version: "latest", input: ["n": 1], idempotencyKey: "k-1")
        let second = try await h.engine.subworkflows.invoke(tenantID: h.tenant, workflow: "leaf", version: "latest", input: ["n": 1], idempotencyKey: "k-1")
        #expect(first.execution.id == second.execution.id && second.resolvedVersion == "1.0.0")
        let bad = await #expect(throws: EngineError.self) {
            try await h.engine.subworkflows.invoke(tenantID: h.tenant, workflow: "leaf", version: "1.0.0", input: ["n": "x"])
        }
        #expect(bad?.code == .invalidInput)
        let missing = await #expect(throws: EngineError.self) {
            try await h.engine.subworkflows.invoke(tenantID: h.tenant, workflow: "leaf", version: "^2", input: ["n": 1])
        }
        #expect(missing?.code == .notFound && missing?.message.contains("published: 1.0.0") == true)
        await h.shutdown()
    }
}
