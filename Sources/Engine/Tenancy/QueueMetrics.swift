import Foundation
import Logging
import Metrics
import Postgres
import ServiceLifecycle

/// Per-tenant queue gauges for Prometheus (issue 9), refreshed every `interval` by `mc serve`:
/// `maestro_queue_depth{tenant}` (ready tasks) and `maestro_queue_lag_seconds{tenant}` (age of the
/// oldest ready task, the wait a new task of that tenant faces). A tenant whose queue emptied is
/// set back to 0. Service time per task is `maestro_task_service_seconds{tenant,kind}` (TaskWorker).
public struct QueueMetrics: Service {
    let postgres: PostgresClient
    let interval: Duration
    let logger: Logger

    public init(postgres: PostgresClient, interval: Duration = .seconds(10), logger: Logger = Logger(label: "maestro.queue-metrics")) {
        self.postgres = postgres
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        // Stop at once on graceful shutdown instead of finishing the sleep.
        await cancelWhenGracefulShutdown { await self.report() }
    }

    private func report() async {
        var reported: Set<String> = []
        while !Task.isCancelled {
            do {
                let rows = try await postgres.query("""
                    SELECT tenant_id, count(*) AS depth, COALESCE(EXTRACT(EPOCH FROM now() - min(run_at)), 0)::float8 AS lag
                    FROM tasks WHERE state = 'ready' AND run_at <= now() GROUP BY tenant_id
                    """, [])
                var seen: Set<String> = []
                for row in rows {
                    let tenant: String = try row.decode("tenant_id")
                    seen.insert(tenant)
                    Gauge(label: "maestro_queue_depth", dimensions: [("tenant", tenant)]).record(try row.decode("depth", as: Int.self))
                    Gauge(label: "maestro_queue_lag_seconds", dimensions: [("tenant", tenant)]).record(try row.decode("lag", as: Double.self))
                }
                for tenant in reported.subtracting(seen) {
                    Gauge(label: "maestro_queue_depth", dimensions: [("tenant", tenant)]).record(0)
                    Gauge(label: "maestro_queue_lag_seconds", dimensions: [("tenant", tenant)]).record(0)
                }
                reported = seen
            } catch {
                logger.warning("Reading queue metrics failed: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }
}
