import ArgumentParser
import Engine
import Foundation
import Logging
import Postgres
import ServiceLifecycle

/// `mc bench engine`: trivial workflows end to end through the real queue and workers, for
/// docs/benchmarks.md. Measures executions/s, steps/s, enqueue→completion latency percentiles
/// and commits per step. Run it in release mode (Benchmarks/engine-throughput.sh does).
struct BenchEngine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "engine", abstract: "Benchmark step throughput and latency (trivial transform steps).")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Executions to run.")
    var executions = 1000

    @Option(help: "Steps per workflow (a chain of transforms).")
    var steps = 1

    @Option(help: "Worker concurrency (steps run at once).")
    var concurrency = 100

    @Option(help: "Concurrent callers starting executions.")
    var starters = 16

    func run() async throws {
        guard let database = connection.database else { throw StartupError("No database configured: pass --database-url.") }
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let postgres = try await connection.connectPostgres(database, applicationName: "mc-bench")
        try await DatabaseMigrations.apply(postgres, settingName: database.name, logger: logger)
        let listener = try PostgresListener(configuration: postgres.configuration)
        let engine = EngineRuntime(postgres: postgres, configuration: .init(workerConcurrency: concurrency, pollInterval: .milliseconds(200)))
        let tenant = "bench"
        let name = "bench-\(steps)-\(UUID().uuidString.prefix(8).lowercased())"
        var stepList: [JSONValue] = []
        for i in 0..<steps {
            var step: JSONObject = ["id": .string("s\(i)"), "type": "transform", "with": ["output": ["n": .int(Int64(i))]]]
            if i > 0 { step["needs"] = .array([.string("s\(i - 1)")]) }
            stepList.append(.object(step))
        }
        _ = try await engine.publisher.publish(tenantID: tenant, document: [
            "name": .string(name), "version": "1.0.0", "inputSchema": ["type": "object"], "steps": .array(stepList),
        ])
        let commitsBefore = try await commits(postgres)
        let group = ServiceGroup(configuration: .init(services: [engine.worker(listener: listener, logger: logger)], logger: logger))
        let running = Task { try await group.run() }

        let started = ContinuousClock.now
        let perStarter = (executions + starters - 1) / starters
        let total = executions
        try await withThrowingTaskGroup(of: Void.self) { starting in
            for s in 0..<starters {
                starting.addTask {
                    for i in (s * perStarter)..<min((s + 1) * perStarter, total) {
                        _ = try await engine.executions.start(tenantID: tenant, workflow: name, version: "1.0.0", input: ["i": .int(Int64(i))])
                    }
                }
            }
            try await starting.waitForAll()
        }
        let enqueued = ContinuousClock.now - started
        while true {
            let done = try await postgres.queryFirst("""
                SELECT count(*) AS n FROM executions e JOIN workflow_versions v ON v.id = e.workflow_version_id JOIN workflows w ON w.id = v.workflow_id
                WHERE w.name = $1 AND e.status IN ('SUCCEEDED', 'FAILED')
                """, [name])?.decode("n", as: Int.self) ?? 0
            if done >= executions { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let elapsed = ContinuousClock.now - started
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        let commitsAfter = try await commits(postgres)
        let stats = try await postgres.queryFirst("""
            SELECT count(*) FILTER (WHERE e.status = 'FAILED') AS failed,
                   percentile_cont(0.50) WITHIN GROUP (ORDER BY extract(epoch FROM e.finished_at - e.created_at)) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM e.finished_at - e.created_at)) AS p95,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.finished_at - e.created_at)) AS p99
            FROM executions e JOIN workflow_versions v ON v.id = e.workflow_version_id JOIN workflows w ON w.id = v.workflow_id
            WHERE w.name = $1
            """, [name])
        listener.shutdown()
        await postgres.shutdown()

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let enqueueSeconds = Double(enqueued.components.seconds) + Double(enqueued.components.attoseconds) / 1e18
        let totalSteps = executions * steps
        func ms(_ key: String) -> String {
            String(format: "%.1f", ((try? stats?.decode(key, as: Double.self)) ?? 0) * 1000)
        }
        print(String(format: "steps/workflow=%d executions=%d concurrency=%d: %.0f executions/s, %.0f steps/s (wall %.2f s, enqueue %.2f s)",
                     steps, executions, concurrency, Double(executions) / seconds, Double(totalSteps) / seconds, seconds, enqueueSeconds))
        print("latency enqueue→completion: p50 \(ms("p50")) ms, p95 \(ms("p95")) ms, p99 \(ms("p99")) ms; failed \((try? stats?.decode("failed", as: Int.self)) ?? -1)")
        print(String(format: "commits per step: %.2f", Double(commitsAfter - commitsBefore) / Double(totalSteps)))
    }

    private func commits(_ postgres: PostgresClient) async throws -> Int {
        try await postgres.queryFirst("SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()")?.decode("n", as: Int.self) ?? 0
    }
}

/// `mc bench ...`: benchmarks that need the real service pieces.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Benchmarks (run in release mode; see Benchmarks/).", subcommands: [BenchEngine.self, BenchCache.self])
}
