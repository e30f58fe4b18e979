import Foundation
import Glibc
import Testing
import TestSupport

/// A user's first session: start the server, mint a token, publish and run a workflow over
/// GraphQL with curl, and read the result.
@Suite("End to end", .serialized)
struct EndToEndTests {
    func startServer(_ label: String) async throws -> (ServerProcess, String) {
        let server = try await E2EServer.start(label)
        return (server.process, server.base)
    }

    func token(_ tenant: String, _ roles: String? = nil) throws -> String {
        try E2EServer.token(tenant, roles)
    }

    @Test func tokenPublishRunAndRead() async throws {
        let (server, base) = try await startServer("e2e")
        defer { server.kill() }
        let auth = ["Authorization": "Bearer \(try token("acme", "designer,operator"))"]
        let definition = #"{\"name\": \"greet\", \"version\": \"1.0.0\", \"inputSchema\": {\"type\": \"object\", \"required\": [\"name\"]}, \"steps\": [{\"id\": \"hello\", \"type\": \"transform\", \"with\": {\"output\": {\"text\": \"Hello, {{input.name}}!\"}}}], \"output\": {\"greeting\": \"{{steps.hello.output.text}}\"}}"#
        let created = try await HTTP.post(base + "/graphql", json: #"{"query": "mutation($d: JSON) { createWorkflow(input: {name: \"greet\", definition: $d}) { workflow { id } } }", "variables": {"d": \#(definition.replacingOccurrences(of: "\\\"", with: "\""))}}"#, headers: auth)
        #expect(created.status == 200, "\(created.body)")
        let workflowID = try #require(created.body.range(of: #""id":""#).map { String(created.body[$0.upperBound...].prefix(36)) })
        let started = try await HTTP.post(base + "/graphql", json: #"{"query": "mutation { startExecution(id: \"\#(workflowID)\", version: \"1.0.0\", input: {name: \"Ada\"}) { id } }"}"#, headers: auth)
        let executionID = try #require(started.body.range(of: #""id":""#).map { String(started.body[$0.upperBound...].prefix(36)) }, "\(started.body)")
        var body = ""
        for _ in 0..<100 {
            body = try await HTTP.post(base + "/graphql", json: #"{"query": "{ execution(id: \"\#(executionID)\") { status output } }"}"#, headers: auth).body
            if body.contains("SUCCEEDED") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(body == #"{"data":{"execution":{"status":"SUCCEEDED","output":{"greeting":"Hello, Ada!"}}}}"#)
        // The token decides the tenant: another tenant's token does not see it.
        let other = try token("globex")
        let hidden = try await HTTP.post(base + "/graphql", json: #"{"query": "{ execution(id: \"\#(executionID)\") { status } }"}"#, headers: ["Authorization": "Bearer \(other)"])
        #expect(hidden.body == #"{"data":{"execution":null}}"#)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 15) == 0)
    }

    /// The same journey over REST, events followed over SSE (curl and `mc executions events`),
    /// and two tenants' tokens that never see each other's data.
    @Test func restEventStreamsAndTenantIsolation() async throws {
        let (server, base) = try await startServer("e2erest")
        defer { server.kill() }
        let acmeToken = try token("acme", "designer,operator")
        let acme = ["Authorization": "Bearer \(acmeToken)"]
        let globex = ["Authorization": "Bearer \(try token("globex", "admin"))"]
        func definition(_ version: String) -> String {
            #"{"name": "slow", "version": "\#(version)", "inputSchema": {"type": "object", "required": ["name"]}, "steps": [{"id": "wait", "type": "delay", "with": {"duration": "PT0.5S"}}, {"id": "hello", "type": "transform", "needs": ["wait"], "with": {"output": {"text": "Hello, {{input.name}}!"}}}], "output": {"greeting": "{{steps.hello.output.text}}"}}"#
        }

        let created = try await HTTP.post(base + "/api/workflows", json: #"{"name": "slow", "definition": \#(definition("1.0.0"))}"#, headers: acme)
        #expect(created.status == 201, "\(created.body)")
        let workflowID = try #require(created.body.range(of: #""id":""#).map { String(created.body[$0.upperBound...].prefix(36)) })
        let published = try await HTTP.post(base + "/api/workflows/\(workflowID)/versions", json: definition("1.1.0"), headers: acme)
        #expect(published.status == 201, "\(published.body)")

        // Started over GraphQL, followed with the CLI until it ends.
        let started = try await HTTP.post(base + "/graphql", json: #"{"query": "mutation { startExecution(id: \"\#(workflowID)\", version: \"1.1.0\", input: {name: \"Ada\"}) { id } }"}"#, headers: acme)
        let first = try #require(started.body.range(of: #""id":""#).map { String(started.body[$0.upperBound...].prefix(36)) }, "\(started.body)")
        let followed = try Shell.run(
            try TestEnvironment.mcBinary(), ["executions", "events", first],
            environment: ["MAESTRO_SERVER": base, "MAESTRO_TOKEN": acmeToken])
        let lines = followed.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("1 EXECUTION_CREATED") == true, "\(followed)")
        #expect(lines.last?.hasSuffix("EXECUTION_SUCCEEDED") == true, "\(followed)")
        #expect(lines.compactMap { Int($0.split(separator: " ").first ?? "") } == Array(1...lines.count))

        // Started over REST, streamed with curl while it runs.
        let executed = try await HTTP.post(base + "/api/workflows/\(workflowID)/versions/1.1.0/execute", json: #"{"input": {"name": "Grace"}}"#, headers: acme)
        #expect(executed.status == 202, "\(executed.body)")
        let second = try #require(executed.body.range(of: #""id":""#).map { String(executed.body[$0.upperBound...].prefix(36)) })
        let stream = try await HTTP.get(base + "/api/executions/\(second)/events", headers: acme)
        #expect(stream.status == 200)
        #expect(stream.body.contains("event: STEP_SUCCEEDED"))
        #expect(stream.body.contains("event: end\ndata: {\"status\":\"SUCCEEDED\",\"compensationState\":\"NONE\",\"lastSequence\":7}"), "\(stream.body)")
        let read = try await HTTP.get(base + "/api/executions/\(second)", headers: acme)
        #expect(read.status == 200)
        #expect(read.body.contains(#""output":{"greeting":"Hello, Grace!"}"#), "\(read.body)")

        // Another tenant's token: not found everywhere, and an empty list.
        for path in ["/api/executions/\(second)", "/api/executions/\(second)/events", "/api/workflows/\(workflowID)"] {
            let hidden = try await HTTP.get(base + path, headers: globex)
            #expect(hidden.status == 404, "\(path): \(hidden.body)")
            #expect(hidden.body.contains(#""code":"NOT_FOUND""#))
        }
        let theirs = try await HTTP.get(base + "/api/executions", headers: globex)
        #expect(theirs.body == #"{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}"#)
        let graphQL = try await HTTP.post(base + "/graphql", json: #"{"query": "{ execution(id: \"\#(first)\") { status } }"}"#, headers: globex)
        #expect(graphQL.body == #"{"data":{"execution":null}}"#)
        let mine = try await HTTP.get(base + "/api/executions", headers: acme)
        #expect(mine.body.contains(first) && mine.body.contains(second))
        #expect(try await HTTP.get(base + "/openapi.json").status == 200)

        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 15) == 0)
    }
}
