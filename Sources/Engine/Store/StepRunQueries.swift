import Foundation
import Postgres

/// A step's run within an execution.
public struct StepRunRecord: Sendable {
    public let executionID: UUID
    public let stepID: String
    public let iteration: Int
    public let status: String
    public let attempts: Int
    public let output: JSONValue?
    public let error: JSONValue?
    /// The step-result cache key the output was looked up under (cached steps only).
    public let cacheKey: String?
    /// Whether the output came from the cache; nil when the cache was not consulted.
    public let cacheHit: Bool?
    /// The latest child execution of a `subworkflow` step without `forEach`.
    public let childExecutionID: UUID?
    /// REQUESTED | RUNNING | COMPLETED | FAILED once a compensation includes the step.
    public let compensationStatus: String?
    /// When the run ended (compensations run in reverse order of this).
    public let finishedAt: Date?
}

/// A step run that starts and ends inside one transaction (transform, delay, fused steps).
struct InlineStepRun: Sendable {
    let stepID: String
    let iteration: Int
    let attempt: Int
    let status: String
    let output: JSONValue?
    let error: JSONValue?
}

/// Statements on `step_runs`.
enum StepRunQueries {
    /// Records that an attempt started (creating the run on the first attempt).
    static func started(tenantID: String, executionID: UUID, stepID: String, iteration: Int, attempt: Int, input: JSONValue?, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            INSERT INTO step_runs (id, tenant_id, execution_id, step_id, iteration, status, attempts, input, started_at)
            VALUES ($1, $2, $3, $4, $5, 'RUNNING', $6, $7::jsonb, now())
            ON CONFLICT (execution_id, step_id, iteration)
            DO UPDATE SET status = 'RUNNING', attempts = EXCLUDED.attempts, input = EXCLUDED.input
            """, [UUID(), tenantID, executionID, stepID, iteration, attempt, input])
    }

    /// Records a step that started and ended in one transaction (inline steps).
    static func ranInline(tenantID: String, executionID: UUID, stepID: String, iteration: Int, attempt: Int, status: String, output: JSONValue?, error: JSONValue?, on db: some PostgresExecutor) async throws {
        let run = InlineStepRun(stepID: stepID, iteration: iteration, attempt: attempt, status: status, output: output, error: error)
        try await ranInline(tenantID: tenantID, executionID: executionID, runs: [run], on: db)
    }

    /// Records several inline step runs in one statement (see ``EventBatch``).
    static func ranInline(tenantID: String, executionID: UUID, runs: [InlineStepRun], on db: some PostgresExecutor) async throws {
        guard !runs.isEmpty else { return }
        try await db.execute("""
            INSERT INTO step_runs (id, tenant_id, execution_id, step_id, iteration, status, attempts, output, error, started_at, finished_at)
            SELECT r.id, $1, $2, r.step_id, r.iteration, r.status, r.attempts, r.output, r.error, now(), now()
            FROM unnest($3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::jsonb[], $9::jsonb[])
                 AS r(id, step_id, iteration, status, attempts, output, error)
            ON CONFLICT (execution_id, step_id, iteration)
            DO UPDATE SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, output = EXCLUDED.output, error = EXCLUDED.error, finished_at = now()
            """, [tenantID, executionID, runs.map { _ in UUID() }, runs.map(\.stepID), runs.map(\.iteration), runs.map(\.status),
                  runs.map(\.attempt), runs.map(\.output), runs.map(\.error)])
    }

    static func finished(
        executionID: UUID, stepID: String, iteration: Int, status: String, output: JSONValue?, error: JSONValue?,
        cacheKey: String? = nil, cacheHit: Bool? = nil, on db: some PostgresExecutor
    ) async throws {
        // A failure remembers that an earlier attempt timed out (see `attemptFailed`): that
        // attempt's effect is unknown, so the step is still compensated however the last one failed.
        try await db.execute("""
            UPDATE step_runs SET status = $4, output = $5::jsonb,
                error = CASE WHEN $4 = 'FAILED' AND \(timedOutBefore) THEN $6::jsonb || '{"earlierAttemptTimedOut": true}'::jsonb ELSE $6::jsonb END,
                cache_key = $7, cache_hit = $8, finished_at = now()
            WHERE execution_id = $1 AND step_id = $2 AND iteration = $3
            """, [executionID, stepID, iteration, status, output, error, cacheKey, cacheHit])
    }

    /// Records the error of an attempt that will be retried (the run stays RUNNING; its `error`
    /// shows the latest attempt's), keeping the memory of any earlier time-out.
    static func attemptFailed(executionID: UUID, stepID: String, iteration: Int, error: JSONValue, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            UPDATE step_runs SET error = CASE WHEN \(timedOutBefore) THEN $4::jsonb || '{"earlierAttemptTimedOut": true}'::jsonb ELSE $4::jsonb END
            WHERE execution_id = $1 AND step_id = $2 AND iteration = $3
            """, [executionID, stepID, iteration, error])
    }

    /// Whether the stored error says an attempt timed out (SQL over the row's current `error`).
    private static let timedOutBefore =
        "(COALESCE((error->>'timedOut')::boolean, false) OR COALESCE((error->>'earlierAttemptTimedOut')::boolean, false))"

    /// Points a `subworkflow` step's run at its latest child and records the attempt it is on.
    static func linkChild(executionID: UUID, stepID: String, childExecutionID: UUID?, attempt: Int, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            UPDATE step_runs SET child_execution_id = COALESCE($3, child_execution_id), attempts = GREATEST(attempts, $4)
            WHERE execution_id = $1 AND step_id = $2 AND iteration = 0
            """, [executionID, stepID, childExecutionID, attempt])
    }

    /// The status of one step run, nil when it has not started.
    static func status(executionID: UUID, stepID: String, iteration: Int = 0, on db: some PostgresExecutor) async throws -> String? {
        try await db.queryFirst(
            "SELECT status FROM step_runs WHERE execution_id = $1 AND step_id = $2 AND iteration = $3", [executionID, stepID, iteration]
        ).map { try $0.decode("status") }
    }

    static func all(tenantID: String, executionID: UUID, on db: some PostgresExecutor) async throws -> [StepRunRecord] {
        try await all(tenantID: tenantID, executionIDs: [executionID], on: db)
    }

    /// The step runs of several executions in one statement, grouped by execution, each in start order.
    static func all(tenantID: String, executionIDs: [UUID], on db: some PostgresExecutor) async throws -> [StepRunRecord] {
        try await db.query("""
            SELECT execution_id, step_id, iteration, status, attempts, output::text AS output, error::text AS error, cache_key, cache_hit,
                   child_execution_id, compensation_status, finished_at
            FROM step_runs WHERE tenant_id = $1 AND execution_id = ANY($2::uuid[]) ORDER BY execution_id, started_at, step_id, iteration
            """, [tenantID, executionIDs]).map { row in
            StepRunRecord(
                executionID: try row.decode("execution_id"), stepID: try row.decode("step_id"), iteration: try row.decode("iteration"),
                status: try row.decode("status"), attempts: try row.decode("attempts"), output: try row.decodeIfPresent("output"),
                error: try row.decodeIfPresent("error"), cacheKey: try row.decodeIfPresent("cache_key"),
                cacheHit: try row.decodeIfPresent("cache_hit"), childExecutionID: try row.decodeIfPresent("child_execution_id"),
                compensationStatus: try row.decodeIfPresent("compensation_status"), finishedAt: try row.decodeIfPresent("finished_at"))
        }
    }
}
