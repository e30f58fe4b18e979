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
    let secret = "endpoint-secret-of-at-least-32-bytes"

    func makeApp() async throws -> (some ApplicationProtocol, PostgresClient) {
        let postgres = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("apihttp"), maxConnections: 4))
        let runner = try DatabaseMigrations.runner()
        try await runner.apply(using: postgres)
        let dependencies = ServiceDependencies(
            postgres: postgres, redis: RedisClient(configuration: try RedisConfiguration(url: try TestEnvironment.redisURL())),
            readiness: ReadinessProbe(postgres: postgres, expectedSchemaVersion: runner.latestVersion),
            metrics: PrometheusCollectorRegistry(), engine: EngineRuntime(postgres: postgres),
            authenticator: try await Authenticator.make(.init(hmacSecret: secret)))
        return (try buildApplication(configuration: .init(port: 0), dependencies: dependencies), postgres)
    }

    func bearer(_ tenant: String) async throws -> HTTPFields {
        let token = try await TokenMinter.mint(TokenClaims(subject: "t", tenant: tenant, roles: ["admin"], expires: Date().addingTimeInterval(600)), secret: secret)
        return [.authorization: "Bearer \(token)", .contentType: "application/json", .accept: "application/graphql-response+json"]
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
