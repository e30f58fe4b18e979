import Foundation
import Metrics

/// Prometheus series for sub-workflow circuit breakers (through swift-metrics):
/// `maestro_subworkflow_breaker_state{tenant, child_version}` (0 closed, 0.5 half-open, 1 open),
/// set by the process that moved the breaker, and `maestro_subworkflow_breaker_rejections_total{tenant}`.
enum BreakerMetrics {
    static func state(_ state: CircuitState, tenantID: String, childVersionID: UUID) {
        let value: Double
        switch state {
        case .closed: value = 0
        case .halfOpen: value = 0.5
        case .open: value = 1
        }
        Gauge(label: "maestro_subworkflow_breaker_state", dimensions: [("tenant", tenantID), ("child_version", childVersionID.uuidString.lowercased())])
            .record(value)
    }

    static func rejected(tenantID: String) {
        Counter(label: "maestro_subworkflow_breaker_rejections_total", dimensions: [("tenant", tenantID)]).increment()
    }
}
