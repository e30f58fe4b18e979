import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import Prometheus
import Redis
import ServiceLifecycle
import Subgraph
import TestSupport

/// The real application on a fresh migrated database, with tokens for any tenant and roles;
/// optionally with a worker running executions and a LISTEN connection for event streams.
struct APITestApp {
    static let secret = "endpoint-secret-of-at-least-32-bytes"

    let postgres: PostgresClient
    let engine: EngineRuntime
    let dependencies: ServiceDependencies
    private let workers: ServiceGroup?
    private let listener: PostgresListener?

    init(_ label: String, withWorker: Bool = false) async throws {
        let url = try await TestDatabase.create(label)
        postgres = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 6))
        let runner = try DatabaseMigrations.runner()
        try await runner.apply(using: postgres)
        let redis = RedisClient(configuration: try RedisConfiguration(url: try TestEnvironment.redisURL()))
        engine = EngineRuntime(postgres: postgres, configuration: .init(pollInterval: .milliseconds(50)), redis: redis)
        listener = withWorker ? try PostgresListener(configuration: postgres.configuration) : nil
        dependencies = ServiceDependencies(
            postgres: postgres, redis: redis,
            readiness: ReadinessProbe(postgres: postgres, expectedSchemaVersion: runner.latestVersion),
            metrics: PrometheusCollectorRegistry(), engine: engine,
            authenticator: try await Authenticator.make(.init(hmacSecret: Self.secret)), listener: listener)
        if withWorker {
            let group = ServiceGroup(configuration: .init(services: [engine.worker(listener: listener)], logger: .init(label: "test")))
            workers = group
            Task { try await group.run() }
        } else {
            workers = nil
        }
    }

    func application() throws -> some ApplicationProtocol {
        try buildApplication(configuration: .init(port: 0), dependencies: dependencies)
    }

    /// Authorization (and JSON) headers for a token of `tenant` with `roles`.
    static func headers(_ tenant: String, roles: [String] = ["admin"], accept: String = "application/json") async throws -> HTTPFields {
        let claims = TokenClaims(subject: "user@\(tenant)", tenant: tenant, roles: roles, expires: Date().addingTimeInterval(600))
        let token = try await TokenMinter.mint(claims, secret: secret)
        return [.authorization: "Bearer \(token)", .contentType: "application/json", .accept: accept]
    }

    func shutdown() async {
        await workers?.triggerGracefulShutdown()
        listener?.shutdown()
        await postgres.shutdown()
    }
}

/// A response body as JSON, for assertions.
func json(_ buffer: ByteBuffer) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
}
