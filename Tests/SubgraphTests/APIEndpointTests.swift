import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import Prometheus
import Redis
import Subgraph
import Testing
import TestSupport

/// `/graphql` of the real application: schema.graphql, resolvers, bearer tokens.
@Suite("API over HTTP")
struct APIEndpointTests {
    func makeApp() async throws -> (some ApplicationProtocol, PostgresClient) {
        let app = try await APITestApp("apihttp")
        return (try app.application(), app.postgres)
    }

    func bearer(_ tenant: String) async throws -> HTTPFields {
        try await APITestApp.headers(tenant, accept: "application/graphql-response+json")
    }

    @Test func requestsWithoutAValidTokenAre401() async throws {
        let (app, postgres) = try await makeApp()
        try await app.test(.router) { client in
            try await client.execute(uri: "/graphql", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"query": "{ __typename }"}"#)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
        await postgres.shutdown()
    }

    @Test func tenantsOnlySeeTheirOwnWorkflows() async throws {
        let (app, postgres) = try await makeApp()
        try await app.test(.router) { client in
            var workflowID = ""
            try await client.execute(
                uri: "/graphql", method: .post, headers: try await bearer("acme"),
                body: ByteBuffer(string: #"{"query": "mutation { createWorkflow(input: {name: \"orders\"}) { workflow { id name } } }"}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains(#""name":"orders""#))
                if let range = body.range(of: #""id":""#) { workflowID = String(body[range.upperBound...].prefix(36)) }
            }
            #expect(workflowID.count == 36)
            for (tenant, expected) in [("acme", #""name":"orders""#), ("globex", #"{"data":{"workflow":null}}"#)] {
                try await client.execute(
                    uri: "/graphql", method: .post, headers: try await bearer(tenant),
                    body: ByteBuffer(string: #"{"query": "{ workflow(id: \"\#(workflowID)\") { name } }"}"#)
                ) { response in
                    #expect(String(buffer: response.body).contains(expected), "\(tenant): \(String(buffer: response.body))")
                }
            }
        }
        await postgres.shutdown()
    }
}
