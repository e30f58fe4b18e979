import Foundation
import Postgres

/// A circuit breaker's state (see ``CircuitBreakerSettings``).
public enum CircuitState: String, Sendable {
    /// Invocations pass.
    case closed = "CLOSED"
    /// Invocations fail fast until the cool-down ends.
    case open = "OPEN"
    /// One probe invocation is running; the others fail fast.
    case halfOpen = "HALF_OPEN"
}

/// One breaker as stored (a child version without a row has a closed breaker and no failures).
public struct CircuitBreakerRecord: Sendable {
    public let tenantID: String
    public let childVersionID: UUID
    public let state: CircuitState
    public let windowStartedAt: Date
    public let successes: Int
    public let failures: Int
    public let openedAt: Date?
    public let probeExecutionID: UUID?
    public let updatedAt: Date
}

/// What the breaker says to a new invocation.
enum BreakerAdmission: Sendable, Equatable {
    /// Go ahead; `probe` when this invocation is the half-open probe.
    case admitted(probe: Bool)
    /// Fail fast; trying again makes sense after this many seconds.
    case rejected(retryAfterSeconds: Int)
}

/// How a counted invocation ended.
enum InvocationOutcome: Sendable {
    case succeeded, failed, cancelled
}

/// Statements on `subworkflow_breakers`. Healthy child versions cost no writes: a row appears with
/// the first failure, and successes are only counted while a window that saw a failure is open
/// (or the breaker is not closed), so a hot, healthy child never contends on its breaker row.
enum SubworkflowBreakerQueries {
    static let columns = """
        tenant_id, child_version_id, state, window_started_at, successes, failures, opened_at, probe_execution_id, updated_at
        """

    static func find(tenantID: String, childVersionIDs: [UUID], on db: some PostgresExecutor) async throws -> [CircuitBreakerRecord] {
        try await db.query(
            "SELECT \(columns) FROM subworkflow_breakers WHERE tenant_id = $1 AND child_version_id = ANY($2::uuid[])",
            [tenantID, childVersionIDs]).map(decode)
    }

    /// Decides whether a new invocation (whose execution id is `executionID`) may start, taking
    /// the probe slot when the cool-down has ended. Run inside the transaction that inserts it.
    static func admit(
        tenantID: String, childVersionID: UUID, executionID: UUID, settings: CircuitBreakerSettings, on db: some PostgresExecutor
    ) async throws -> BreakerAdmission {
        guard let row = try await db.queryFirst("""
            SELECT state, EXTRACT(EPOCH FROM (now() - COALESCE(opened_at, now())))::float8 AS open_for,
                   EXTRACT(EPOCH FROM (now() - updated_at))::float8 AS idle_for
            FROM subworkflow_breakers WHERE tenant_id = $1 AND child_version_id = $2
            """, [tenantID, childVersionID])
        else { return .admitted(probe: false) }
        let state = CircuitState(rawValue: try row.decode("state")) ?? .closed
        let openFor: Double = try row.decode("open_for")
        let idleFor: Double = try row.decode("idle_for")
        let cooldown = settings.cooldownSeconds
        switch state {
        case .closed:
            return .admitted(probe: false)
        case .open where openFor < cooldown:
            return .rejected(retryAfterSeconds: max(1, Int((cooldown - openFor).rounded(.up))))
        case .open, .halfOpen:
            // Take the probe slot: after the cool-down of an open breaker, or from a probe that has
            // been silent for a whole cool-down (its execution was lost or is stuck).
            let taken = try await db.execute("""
                UPDATE subworkflow_breakers SET state = 'HALF_OPEN', probe_execution_id = $3, updated_at = now()
                WHERE tenant_id = $1 AND child_version_id = $2
                  AND ((state = 'OPEN' AND opened_at <= now() - make_interval(secs => $4))
                    OR (state = 'HALF_OPEN' AND updated_at <= now() - make_interval(secs => $4)))
                """, [tenantID, childVersionID, executionID, cooldown])
            if taken == 1 { return .admitted(probe: true) }
            return .rejected(retryAfterSeconds: max(1, Int((cooldown - idleFor).rounded(.up))))
        }
    }

    /// Counts how an invocation ended and moves the breaker; returns the new state when it changed.
    static func record(
        tenantID: String, childVersionID: UUID, executionID: UUID, outcome: InvocationOutcome, settings: CircuitBreakerSettings,
        on db: some PostgresExecutor
    ) async throws -> CircuitState? {
        switch outcome {
        case .failed:
            guard let row = try await db.queryFirst("""
                INSERT INTO subworkflow_breakers AS b (tenant_id, child_version_id, failures) VALUES ($1, $2, 1)
                ON CONFLICT (tenant_id, child_version_id) DO UPDATE SET
                    failures = CASE WHEN b.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE b.failures + 1 END,
                    successes = CASE WHEN b.window_started_at < now() - make_interval(secs => $3) THEN 0 ELSE b.successes END,
                    window_started_at = CASE WHEN b.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE b.window_started_at END,
                    updated_at = now()
                RETURNING state, failures, successes, probe_execution_id
                """, [tenantID, childVersionID, settings.windowSeconds])
            else { return nil }
            let state = CircuitState(rawValue: try row.decode("state")) ?? .closed
            let failures: Int = try row.decode("failures")
            let total = failures + (try row.decode("successes") as Int)
            let probe: UUID? = try row.decodeIfPresent("probe_execution_id")
            let trips = state == .closed && total >= settings.minimumCalls && Double(failures) >= settings.failureRatio * Double(total)
            guard trips || (state == .halfOpen && probe == executionID) else { return nil }
            try await open(tenantID: tenantID, childVersionID: childVersionID, on: db)
            return .open
        case .succeeded:
            guard let row = try await db.queryFirst("""
                UPDATE subworkflow_breakers SET successes = successes + 1, updated_at = now()
                WHERE tenant_id = $1 AND child_version_id = $2
                  AND (state <> 'CLOSED' OR window_started_at >= now() - make_interval(secs => $3))
                RETURNING state, probe_execution_id
                """, [tenantID, childVersionID, settings.windowSeconds])
            else { return nil }
            guard try row.decode("state") == CircuitState.halfOpen.rawValue, try row.decodeIfPresent("probe_execution_id") == executionID else { return nil }
            try await db.execute("""
                UPDATE subworkflow_breakers SET state = 'CLOSED', failures = 0, successes = 0, window_started_at = now(),
                    opened_at = NULL, probe_execution_id = NULL, updated_at = now()
                WHERE tenant_id = $1 AND child_version_id = $2
                """, [tenantID, childVersionID])
            return .closed
        case .cancelled:
            // A cancelled probe proves nothing: reopen with the cool-down already over, so the
            // next invocation probes again.
            let reopened = try await db.execute("""
                UPDATE subworkflow_breakers SET state = 'OPEN', opened_at = now() - make_interval(secs => $4), probe_execution_id = NULL, updated_at = now()
                WHERE tenant_id = $1 AND child_version_id = $2 AND state = 'HALF_OPEN' AND probe_execution_id = $3
                """, [tenantID, childVersionID, executionID, settings.cooldownSeconds])
            return reopened == 1 ? .open : nil
        }
    }

    private static func open(tenantID: String, childVersionID: UUID, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            UPDATE subworkflow_breakers SET state = 'OPEN', opened_at = now(), probe_execution_id = NULL, updated_at = now()
            WHERE tenant_id = $1 AND child_version_id = $2
            """, [tenantID, childVersionID])
    }

    private static func decode(_ row: PostgresRow) throws -> CircuitBreakerRecord {
        CircuitBreakerRecord(
            tenantID: try row.decode("tenant_id"), childVersionID: try row.decode("child_version_id"),
            state: CircuitState(rawValue: try row.decode("state")) ?? .closed, windowStartedAt: try row.decode("window_started_at"),
            successes: try row.decode("successes"), failures: try row.decode("failures"), openedAt: try row.decodeIfPresent("opened_at"),
            probeExecutionID: try row.decodeIfPresent("probe_execution_id"), updatedAt: try row.decode("updated_at"))
    }
}
