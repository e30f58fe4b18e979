import Engine
import Foundation
import Postgres
import ServiceLifecycle
import TestSupport

/// A migrated database, an engine with a running worker, and a downstream HTTP server, for the
/// runtime suites (executions, sub-workflows, compensation). Each gets its own tenant.
final class EngineHarness: @unchecked Sendable {
    let db: PostgresClient
    let engine: EngineRuntime
    let downstream = DownstreamServer()
    let group: ServiceGroup
    let tenant = "tenant-\(UUID().uuidString.prefix(6))"

    init(
        dataSources: [String: PostgresClient] = [:], subworkflows: SubworkflowSettings = SubworkflowSettings(), workerConcurrency: Int = 8,
        pollInterval: Duration = .milliseconds(50)
    ) async throws {
        db = try await migratedDatabase("runtime", maxConnections: 12)
        try await downstream.start()
        var configuration = EngineRuntime.Configuration(
            environment: ["DOWNSTREAM": downstream.baseURL], dataSources: dataSources, workerConcurrency: workerConcurrency,
            leaseSeconds: 10, pollInterval: pollInterval)
        configuration.subworkflows = subworkflows
        engine = EngineRuntime(postgres: db, configuration: configuration)
        group = ServiceGroup(configuration: .init(services: [engine.worker(listener: nil)], logger: .init(label: "test")))
        let group = self.group
        Task { try await group.run() }
    }

    @discardableResult
    func publish(_ json: String) async throws -> PublishedVersion {
        try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(json))
    }

    func start(_ name: String, _ version: String = "1.0.0", _ input: JSONValue) async throws -> ExecutionRecord {
        try await engine.executions.start(tenantID: tenant, workflow: name, version: version, input: input)
    }

    /// Waits until the execution ends (or `seconds` pass) and returns it.
    func waitForEnd(_ id: UUID, seconds: Int = 30) async throws -> ExecutionRecord {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let record = try await engine.executions.get(tenantID: tenant, id: id), record.status.isTerminal { return record }
            try await Task.sleep(for: .milliseconds(30))
        }
        throw CancellationError()
    }

    func eventTypes(_ id: UUID) async throws -> [String] {
        try await engine.executions.events(tenantID: tenant, id: id).map(\.type)
    }

    func children(_ id: UUID) async throws -> [ExecutionRecord] {
        try await engine.executions.children(tenantID: tenant, ids: [id])[id] ?? []
    }

    func breakerState(_ versionID: UUID) async throws -> CircuitState {
        try await engine.subworkflows.breakers(tenantID: tenant, childVersionIDs: [versionID]).first?.state ?? .closed
    }

    func shutdown() async {
        await group.triggerGracefulShutdown()
        await downstream.stop()
        await db.shutdown()
    }
}
