import Foundation
import Glibc
import Testing
import TestSupport

/// Sagas through the running server: the automatic compensation seen over GraphQL and the event
/// stream, and the manual endpoint for operators only.
@Suite("Compensation end to end", .serialized)
struct CompensationEndToEndTests {
    @Test func automaticCompensationIsVisibleAndTheManualEndpointIsForOperators() async throws {
        let e2e = try await E2EServer.start("e2esaga")
        let (server, base, database) = (e2e.process, e2e.base, e2e.database)
        defer { server.kill() }
        func token(_ roles: String) throws -> String { try E2EServer.token("acme", roles, subject: "ada") }
        let operatorAuth = ["Authorization": "Bearer \(try token("designer,operator"))"]
        let viewerAuth = ["Authorization": "Bearer \(try token("viewer"))"]
        // `reserve` succeeds, `fail` fails for good: `reserve` is undone (a transform handler).
        let definition = #"{"name": "saga", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "reserve", "type": "transform", "transaction": "t", "with": {"output": {"id": "r-1"}}, "compensate": {"type": "transform", "with": {"output": {"released": "{{steps.reserve.output.id}}"}}}}, {"id": "fail", "type": "transform", "needs": ["reserve"], "transaction": "t", "with": {"output": "{{input.missing}}"}}]}"#
        let created = try await HTTP.post(base + "/api/workflows", json: #"{"name": "saga", "definition": \#(definition)}"#, headers: operatorAuth)
        #expect(created.status == 201, "\(created.body)")
        let workflowID = try #require(created.body.range(of: #""id":""#).map { String(created.body[$0.upperBound...].prefix(36)) })
        let started = try await HTTP.post(base + "/api/workflows/\(workflowID)/versions/1.0.0/execute", json: #"{"input": {}}"#, headers: operatorAuth)
        let executionID = try #require(started.body.range(of: #""id":""#).map { String(started.body[$0.upperBound...].prefix(36)) })
        // Followed live from the start, the stream stays open through the compensation that runs
        // after the execution failed, and ends once it has completed.
        let live = try await HTTP.get(base + "/api/executions/\(executionID)/events", headers: operatorAuth)
        let completedAt = try #require(live.body.range(of: "event: COMPENSATE_COMPLETED"), "\(live.body)")
        let endAt = try #require(live.body.range(of: "event: end"), "\(live.body)")
        #expect(completedAt.lowerBound < endAt.lowerBound)
        #expect(live.body.contains(#"{"status":"FAILED","compensationState":"COMPLETED","#), "\(live.body)")

        var body = ""
        for _ in 0..<100 {
            body = try await HTTP.post(base + "/graphql", json: #"{"query": "{ execution(id: \"\#(executionID)\") { status compensationState steps { stepId compensationStatus } } }"}"#, headers: operatorAuth).body
            if body.contains(#""compensationState":"COMPLETED""#) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(body == #"{"data":{"execution":{"status":"FAILED","compensationState":"COMPLETED","steps":[{"stepId":"fail","compensationStatus":null},{"stepId":"reserve","compensationStatus":"COMPLETED"}]}}}"#)
        // (`fail` ran fused into `reserve`'s transaction: same start time, so the runs list by id.)
        // The compensation's events are on the execution's stream.
        let stream = try await HTTP.get(base + "/api/executions/\(executionID)/events", headers: operatorAuth)
        for type in ["COMPENSATE_REQUESTED", "COMPENSATE_STARTED", "COMPENSATE_COMPLETED"] {
            #expect(stream.body.contains("event: \(type)"), "\(type) missing from \(stream.body)")
        }

        // Viewers may not compensate; the refusal is audited. Operators get the (existing) plan.
        let denied = try await HTTP.post(base + "/api/executions/\(executionID)/compensate", json: #"{"dryRun": true}"#, headers: viewerAuth)
        #expect(denied.status == 403, "\(denied.body)")
        let plan = try await HTTP.post(base + "/api/executions/\(executionID)/compensate", json: #"{"dryRun": true}"#, headers: operatorAuth)
        #expect(plan.status == 200 && plan.body.contains(#""steps":["reserve"]"#) && plan.body.contains(#""decision":"already-compensated""#), "\(plan.body)")
        let audit = try Shell.run(Shell.which("psql") ?? "/usr/bin/psql", [database, "-Atc", "SELECT actor || ':' || decision FROM audit_log WHERE action = 'execution.compensate' ORDER BY id"])
        #expect(audit == "ada:denied\nada:already-compensated\n")
        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 15) == 0)
    }
}
