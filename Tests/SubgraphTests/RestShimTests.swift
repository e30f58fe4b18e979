import Foundation
import Hummingbird
import HummingbirdTesting
import Subgraph
import Testing

/// The REST shim generated from schema.graphql's @rest routes, over the real application.
@Suite("REST shim")
struct RestShimTests {
    let definition = #"{"name": "greet", "version": "1.0.0", "inputSchema": {"type": "object", "required": ["name"]}, "steps": [{"id": "hello", "type": "transform", "with": {"output": {"text": "Hello, {{input.name}}!"}}}], "output": {"greeting": "{{steps.hello.output.text}}"}}"#

    @Test func createPublishExecuteAndReadThroughREST() async throws {
        let world = try await APITestApp("restflow")
        try await world.application().test(.router) { client in
            let acme = try await APITestApp.headers("acme")
            var workflowID = ""
            try await client.execute(uri: "/api/workflows", method: .post, headers: acme, body: ByteBuffer(string: #"{"name": "greet", "definition": \#(definition)}"#)) { response in
                #expect(response.status == .created)
                #expect(response.headers[.contentType] == "application/json")
                let body = json(response.body)
                workflowID = (body["workflow"] as? [String: Any])?["id"] as? String ?? ""
                #expect((body["version"] as? [String: Any])?["version"] as? String == "1.0.0")
            }
            #expect(workflowID.count == 36)

            // Publishing takes the definition document as the whole body.
            let next = definition.replacingOccurrences(of: "1.0.0", with: "1.1.0")
            try await client.execute(uri: "/api/workflows/\(workflowID)/versions", method: .post, headers: acme, body: ByteBuffer(string: next)) { response in
                #expect(response.status == .created)
                #expect(json(response.body)["version"] as? String == "1.1.0")
            }
            try await client.execute(uri: "/api/workflows/\(workflowID)/versions", method: .post, headers: acme, body: ByteBuffer(string: next)) { response in
                #expect(response.status == .conflict)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = json(response.body)
                #expect(problem["code"] as? String == "VERSION_CONFLICT")
                #expect(problem["status"] as? Int == 409)
                #expect(problem["title"] as? String == "Conflict")
            }
            try await client.execute(uri: "/api/workflows/\(workflowID)", method: .get, headers: acme) { response in
                #expect(response.status == .ok)
                let versions = json(response.body)["versions"] as? [[String: Any]] ?? []
                #expect(versions.compactMap { $0["version"] as? String } == ["1.1.0", "1.0.0"])
            }

            var executionID = ""
            try await client.execute(
                uri: "/api/workflows/\(workflowID)/versions/1.1.0/execute", method: .post, headers: acme,
                body: ByteBuffer(string: #"{"input": {"name": "Ada"}, "idempotencyKey": "k-1"}"#)
            ) { response in
                #expect(response.status == .accepted)
                let body = json(response.body)
                executionID = body["id"] as? String ?? ""
                #expect(body["status"] as? String == "PENDING")
                #expect((body["workflowVersion"] as? [String: Any])?["version"] as? String == "1.1.0")
            }
            // Invalid input is refused before anything is stored.
            try await client.execute(
                uri: "/api/workflows/\(workflowID)/versions/1.1.0/execute", method: .post, headers: acme,
                body: ByteBuffer(string: #"{"input": {}}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = json(response.body)
                #expect(problem["code"] as? String == "INVALID_INPUT")
                #expect((problem["errors"] as? [String])?.isEmpty == false)
            }
            try await client.execute(uri: "/api/executions/\(executionID)", method: .get, headers: acme) { response in
                #expect(response.status == .ok)
                #expect(json(response.body)["idempotencyKey"] as? String == "k-1")
            }
            // The Idempotency-Key header is the same key: the first execution comes back.
            var keyed = acme
            keyed[.init("Idempotency-Key")!] = "k-1"
            try await client.execute(
                uri: "/api/workflows/\(workflowID)/versions/1.1.0/execute", method: .post, headers: keyed,
                body: ByteBuffer(string: #"{"input": {"name": "Ada"}}"#)
            ) { response in
                #expect(json(response.body)["id"] as? String == executionID)
            }
            try await client.execute(uri: "/api/executions?first=10", method: .get, headers: acme) { response in
                #expect(response.status == .ok)
                let edges = json(response.body)["edges"] as? [[String: Any]] ?? []
                #expect(edges.compactMap { ($0["node"] as? [String: Any])?["id"] as? String } == [executionID])
            }
            try await client.execute(uri: "/api/executions/\(executionID)/cancel", method: .post, headers: acme) { response in
                #expect(response.status == .ok)
                #expect(json(response.body)["status"] as? String == "CANCELLED")
            }
            // Another tenant does not see it.
            try await client.execute(uri: "/api/executions/\(executionID)", method: .get, headers: try await APITestApp.headers("globex")) { response in
                #expect(response.status == .notFound)
                #expect(json(response.body)["code"] as? String == "NOT_FOUND")
            }
        }
        await world.shutdown()
    }

    @Test func errorsAreProblemDetailsWithTheRightStatus() async throws {
        let world = try await APITestApp("resterrors")
        try await world.application().test(.router) { client in
            let admin = try await APITestApp.headers("acme")
            let viewer = try await APITestApp.headers("acme", roles: ["viewer"])
            let unknown = UUID().uuidString
            let cases: [(String, HTTPRequest.Method, HTTPFields, String, HTTPResponse.Status, String)] = [
                ("/api/executions/\(unknown)", .get, [:], "", .unauthorized, "UNAUTHENTICATED"),
                ("/api/executions/\(unknown)", .get, admin, "", .notFound, "NOT_FOUND"),
                ("/api/executions/not-a-uuid", .get, admin, "", .badRequest, "BAD_USER_INPUT"),
                ("/api/executions?colour=red", .get, admin, "", .badRequest, "BAD_USER_INPUT"),
                ("/api/executions?status=BOGUS", .get, admin, "", .badRequest, "BAD_USER_INPUT"),
                ("/api/executions?first=1000", .get, admin, "", .badRequest, "BAD_USER_INPUT"),
                ("/api/executions/\(unknown)/cancel", .post, viewer, "", .forbidden, "FORBIDDEN"),
                ("/api/workflows", .post, admin, "{not json", .badRequest, "BAD_REQUEST"),
                ("/api/workflows", .post, admin, #"{"name": "x", "extra": 1}"#, .badRequest, "BAD_USER_INPUT"),
                ("/api/workflows", .post, admin, "", .badRequest, "BAD_USER_INPUT"),
                ("/api/workflows", .post, admin, #"{"name": "x", "definition": {"name": "y", "version": "1.0.0", "steps": []}}"#, .unprocessableContent, "INVALID_DEFINITION"),
                ("/api/workflows/bulk-publish", .post, admin, #"{"definitions": []}"#, .notImplemented, "NOT_AVAILABLE"),
                ("/api/cache/invalidate", .post, viewer, #"{"prefix": "acme"}"#, .forbidden, "FORBIDDEN"),
                ("/api/cache/invalidate", .post, admin, #"{"prefix": "globex:"}"#, .badRequest, "BAD_USER_INPUT"),
                ("/api/cache/invalidate", .post, admin, #"{"key": "a", "prefix": "b"}"#, .badRequest, "BAD_USER_INPUT"),
                ("/api/analytics/cache-metrics?workflowVersionId=nope", .get, admin, "", .badRequest, "BAD_USER_INPUT"),
                ("/api/workflows", .post, admin, #"{"name": "\#(String(repeating: "x", count: 1 << 21))"}"#, .contentTooLarge, "PAYLOAD_TOO_LARGE"),
            ]
            for (uri, method, headers, body, status, code) in cases {
                try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(method) \(uri): \(String(buffer: response.body))")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(method) \(uri)")
                    #expect(json(response.body)["code"] as? String == code, "\(method) \(uri): \(String(buffer: response.body))")
                    #expect(json(response.body)["status"] as? Int == Int(status.code))
                }
            }
        }
        await world.shutdown()
    }

    @Test func cacheAnalyticsAndInvalidationAreRoutes() async throws {
        let world = try await APITestApp("restcache")
        try await world.application().test(.router) { client in
            let tenant = "cache-\(UUID().uuidString.prefix(6).lowercased())"
            let admin = try await APITestApp.headers(tenant)
            try await client.execute(uri: "/api/analytics/cache-metrics", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                let body = json(response.body)
                #expect(body["hits"] as? Int == 0 && body["misses"] as? Int == 0)
                #expect((body["ttlDistribution"] as? [[String: Any]])?.compactMap { $0["bucket"] as? String } == ["<=1m", "<=1h", "<=1d", ">1d"])
            }
            try await client.execute(uri: "/api/cache/invalidate", method: .post, headers: admin, body: ByteBuffer(string: #"{"prefix": "\#(tenant)"}"#)) { response in
                #expect(response.status == .ok)
                #expect(json(response.body)["invalidated"] as? Int == 0)
            }
        }
        await world.shutdown()
    }

    @Test func retryAfterAccompanies429() {
        let response = ProblemDetails(status: .tooManyRequests, code: "RATE_LIMITED", detail: "Slow down.", retryAfterSeconds: 7).response()
        #expect(response.status == .tooManyRequests)
        #expect(response.headers[.retryAfter] == "7")
        #expect(ProblemDetails.status(forCode: "RATE_LIMITED") == .tooManyRequests)
    }
}
