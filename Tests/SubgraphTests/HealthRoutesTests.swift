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

@Suite("Operational endpoints")
struct HealthRoutesTests {
    /// Builds the same application `mc serve` runs, on a fresh database.
    func makeApp(migrated: Bool) async throws -> (some ApplicationProtocol, PostgresClient) {
        let postgres = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("health"), maxConnections: 2))
        let runner = try DatabaseMigrations.runner()
        if migrated { try await runner.apply(using: postgres) }
        let redis = RedisClient(configuration: try RedisConfiguration(url: try TestEnvironment.redisURL()))
        let dependencies = ServiceDependencies(
            postgres: postgres, redis: redis,
            readiness: ReadinessProbe(postgres: postgres, expectedSchemaVersion: runner.latestVersion),
            metrics: PrometheusCollectorRegistry(), engine: EngineRuntime(postgres: postgres),
            authenticator: try await Authenticator.make(.init(hmacSecret: "health-test-secret-of-at-least-32-bytes")))
        return (try buildApplication(configuration: .init(port: 0), dependencies: dependencies), postgres)
    }

    @Test func healthzAnswersWithoutTouchingTheDatabase() async throws {
        let (app, postgres) = try await makeApp(migrated: false)
        await postgres.shutdown()  // even with no database at all
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test func readyzIsUnavailableUntilMigrationsAreApplied() async throws {
        let (app, postgres) = try await makeApp(migrated: false)
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("mc migrate"))
            }
            try await DatabaseMigrations.runner().apply(using: postgres)
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["status"] as? String == "ready")
                #expect(body?["schemaVersion"] as? Int == (try DatabaseMigrations.runner().latestVersion))
            }
        }
        await postgres.shutdown()
    }

    @Test func readyzIsUnavailableWhenTheDatabaseIsGone() async throws {
        let (app, postgres) = try await makeApp(migrated: true)
        await postgres.shutdown()
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("unreachable"))
            }
        }
    }

    @Test func metricsSpeakPrometheusText() async throws {
        let (app, postgres) = try await makeApp(migrated: true)
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            }
        }
        await postgres.shutdown()
    }
}
