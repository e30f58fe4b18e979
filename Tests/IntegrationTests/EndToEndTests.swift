import Foundation
import Glibc
import Testing
import TestSupport

/// A user's first session: start the server, mint a token, publish and run a workflow over
/// GraphQL with curl, and read the result.
@Suite("End to end", .serialized)
struct EndToEndTests {
    @Test func tokenPublishRunAndRead() async throws {
        let database = try await TestDatabase.create("e2e")
        let secret = "e2e-secret-of-at-least-thirty-two-bytes"
        let server = try ServerProcess.start(
            ["serve", "--port", "0", "--database-url", database, "--redis-url", try TestEnvironment.redisURL(), "--worker-concurrency", "4"],
            environment: ["MAESTRO_JWT_SECRET": secret])
        defer { server.kill() }
        let base = try await server.waitForListeningURL()
        let token = try Shell.run(try TestEnvironment.mcBinary(), ["token", "--tenant", "acme", "--roles", "designer,operator"],
                                  environment: ["MAESTRO_JWT_SECRET": secret]).trimmingCharacters(in: .whitespacesAndNewlines)
        let auth = ["Authorization": "Bearer \(token)"]
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
        let other = try Shell.run(try TestEnvironment.mcBinary(), ["token", "--tenant", "globex"], environment: ["MAESTRO_JWT_SECRET": secret])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let hidden = try await HTTP.post(base + "/graphql", json: #"{"query": "{ execution(id: \"\#(executionID)\") { status } }"}"#, headers: ["Authorization": "Bearer \(other)"])
        #expect(hidden.body == #"{"data":{"execution":null}}"#)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 15) == 0)
    }
}
