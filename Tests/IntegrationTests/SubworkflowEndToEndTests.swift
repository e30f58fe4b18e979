import Foundation
import Glibc
import Testing
import TestSupport

/// Sub-workflows through the running server: the invoke route, the execution tree in one
/// GraphQL request, `mc subworkflow invoke`, and the errors a caller sees.
@Suite("Sub-workflows end to end", .serialized)
struct SubworkflowEndToEndTests {
    static func child(_ version: String, required: String = #"["n"]"#) -> String {
        #"{"name": "child", "version": "\#(version)", "inputSchema": {"type": "object", "required": \#(required), "properties": {"n": {"type": "integer"}, "note": {"type": "string"}}}, "outputSchema": {"type": "object", "required": ["n"]}, "steps": [{"id": "t", "type": "transform", "with": {"output": {"n": "{{input.n}}"}}}], "output": {"n": "{{steps.t.output.n}}"}}"#
    }

    static let parent = #"{"name": "parent", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "call", "type": "subworkflow", "with": {"workflow": "child", "version": "^1.0", "input": {"n": 7}}}], "output": {"n": "{{steps.call.output.n}}"}}"#

    @Test func invokeRouteExecutionTreeCLIAndErrors() async throws {
        let started = try await E2EServer.start("e2esub")
        let (server, base) = (started.process, started.base)
        defer { server.kill() }
        let token = try E2EServer.token("acme", "designer,operator")
        let auth = ["Authorization": "Bearer \(token)"]

        let created = try await HTTP.post(base + "/api/workflows", json: #"{"name": "child", "definition": \#(Self.child("1.0.0"))}"#, headers: auth)
        #expect(created.status == 201, "\(created.body)")
        let childID = try #require(created.body.range(of: #""id":""#).map { String(created.body[$0.upperBound...].prefix(36)) })
        let parent = try await HTTP.post(base + "/api/workflows", json: #"{"name": "parent", "definition": \#(Self.parent)}"#, headers: auth)
        #expect(parent.status == 201, "\(parent.body)")
        let parentID = try #require(parent.body.range(of: #""id":""#).map { String(parent.body[$0.upperBound...].prefix(36)) })

        // Invoke by range over REST: 202 with the execution id and the resolved version.
        let invoked = try await HTTP.post(base + "/api/workflows/\(childID)/versions/%5E1/invoke", json: #"{"input": {"n": 3}}"#, headers: auth)
        #expect(invoked.status == 202, "\(invoked.body)")
        #expect(invoked.body.contains(#""resolvedVersion":"1.0.0""#) && invoked.body.contains(#""executionId":""#), "\(invoked.body)")
        // The response describes the new execution from what the invocation wrote (no read-back):
        // its events are the stored ones, field for field, and it has no step runs or children yet.
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(invoked.body.utf8)) as? [String: Any])
        let described = try #require(answer["execution"] as? [String: Any])
        let invokedID = try #require(answer["executionId"] as? String)
        let answeredEvents = try #require(described["events"] as? [[String: Any]])
        #expect(answeredEvents.map { $0["type"] as? String } == ["EXECUTION_CREATED", "STEP_SCHEDULED"])
        #expect((described["steps"] as? [Any])?.isEmpty == true && (described["children"] as? [Any])?.isEmpty == true)
        let reread = try await HTTP.post(
            base + "/graphql", json: #"{"query": "{ execution(id: \"\#(invokedID)\") { events { sequence type stepId payload createdAt hash } } }"}"#, headers: auth)
        let stored = try #require(
            ((try JSONSerialization.jsonObject(with: Data(reread.body.utf8)) as? [String: Any])?["data"] as? [String: Any])
                .flatMap { ($0["execution"] as? [String: Any])?["events"] as? [[String: Any]] })
        #expect(stored.count >= answeredEvents.count)
        func canonical(_ event: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
        }
        #expect(try answeredEvents.map(canonical) == stored.prefix(answeredEvents.count).map(canonical))
        // A caller's W3C traceparent puts the invocation into the caller's trace; an invalid one is
        // ignored (a new trace starts).
        let caller = "4bf92f3577b34da6a3ce929d0e0e4736"
        let traced = try await HTTP.post(
            base + "/api/workflows/child/versions/1.0.0/invoke", json: #"{"input": {"n": 4}}"#,
            headers: auth.merging(["traceparent": "00-\(caller)-00f067aa0ba902b7-01"]) { a, _ in a })
        #expect(traced.status == 202 && traced.body.contains(#""traceId":"\#(caller)""#), "\(traced.body)")
        let untraced = try await HTTP.post(
            base + "/api/workflows/child/versions/1.0.0/invoke", json: #"{"input": {"n": 5}}"#,
            headers: auth.merging(["traceparent": "00-\(caller.uppercased())-00f067aa0ba902b7-01"]) { a, _ in a })
        #expect(untraced.status == 202 && untraced.body.contains(#""traceId":""#) && !untraced.body.lowercased().contains(caller), "\(untraced.body)")
        // An input the child's schema rejects: 422, nothing stored.
        let rejected = try await HTTP.post(base + "/api/workflows/child/versions/latest/invoke", json: #"{"input": {"n": "three"}}"#, headers: auth)
        #expect(rejected.status == 422 && rejected.body.contains("inputSchema"), "\(rejected.body)")
        // The CLI prints the id and the resolved version.
        let cli = try Shell.run(
            try TestEnvironment.mcBinary(), ["subworkflow", "invoke", "child", "1.x", "--input", #"{"n": 1}"#],
            environment: ["MAESTRO_SERVER": base, "MAESTRO_TOKEN": token])
        #expect(cli.hasSuffix("\tchild@1.0.0\n"), "\(cli)")

        // A breaking child version inside the parent's range is refused with a readable diff.
        let breaking = try await HTTP.post(base + "/api/workflows/\(childID)/versions", json: Self.child("1.1.0", required: #"["n", "note"]"#), headers: auth)
        #expect(breaking.status == 409, "\(breaking.body)")
        #expect(breaking.body.contains("INCOMPATIBLE_VERSION") && breaking.body.contains("parent@1.0.0 (step call, range ^1.0)"), "\(breaking.body)")
        #expect(breaking.body.contains("note"), "the diff names the new required property: \(breaking.body)")
        let compatible = try await HTTP.post(base + "/api/workflows/\(childID)/versions", json: Self.child("1.1.0"), headers: auth)
        #expect(compatible.status == 201, "\(compatible.body)")

        // A parent run, then its tree in one GraphQL request.
        let execution = try await HTTP.post(base + "/api/workflows/\(parentID)/versions/1.0.0/execute", json: #"{"input": {}}"#, headers: auth)
        #expect(execution.status == 202, "\(execution.body)")
        let executionID = try #require(execution.body.range(of: #""id":""#).map { String(execution.body[$0.upperBound...].prefix(36)) })
        var tree = ""
        for _ in 0..<100 {
            tree = try await HTTP.post(base + "/graphql", json: #"{"query": "{ execution(id: \"\#(executionID)\") { status output depth children { depth workflowVersion { version } parent { id } root { id } } steps { stepId childExecution { status } } workflowVersion { subworkflows { stepId range child { version } } } } }"}"#, headers: auth).body
            if tree.hasPrefix(#"{"data":{"execution":{"status":"SUCCEEDED""#) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let expected = #"{"data":{"execution":{"status":"SUCCEEDED","output":{"n":7},"depth":0,"children":[{"depth":1,"workflowVersion":{"version":"1.0.0"},"parent":{"id":"\#(executionID)"},"root":{"id":"\#(executionID)"}}],"steps":[{"stepId":"call","childExecution":{"status":"SUCCEEDED"}}],"workflowVersion":{"subworkflows":[{"stepId":"call","range":"^1.0","child":{"version":"1.0.0"}}]}}}}"#
        #expect(tree == expected)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 15) == 0)
    }
}
