import Foundation
import Postgres

/// Every statement on the `tasks` table, each named after the queue operation that runs it.
/// Nothing else writes SQL for this table. Each takes `some PostgresExecutor`, so callers can run
/// it on its own or inside their transaction (a step's result and its successors' tasks commit
/// together).
public enum TaskQueries {
    /// The channel that carries "work is ready in queue X" hints; delivered on commit.
    public static let notifyChannel = "maestro_tasks"

    /// Inserts a task and sends the wake-up hint. Returns the new id, or nil when a task with the
    /// same unique key already exists for the tenant.
    @discardableResult
    public static func insert(_ task: NewTask, on db: some PostgresExecutor) async throws -> Int64? {
        let rows = try await db.query("""
            WITH inserted AS (
                INSERT INTO tasks (tenant_id, queue, kind, priority, payload, max_attempts, run_at, unique_key, execution_id)
                VALUES ($1, $2, $3, $4, $5::jsonb, $6, COALESCE($7::timestamptz, now()), $8, $10)
                ON CONFLICT (tenant_id, unique_key) WHERE unique_key IS NOT NULL DO NOTHING
                RETURNING id
            )
            SELECT id, pg_notify($9, $2) FROM inserted
            """,
            [task.tenantID, task.queue, task.kind, task.priority.rawValue, task.payload, task.maxAttempts,
             task.runAt, task.uniqueKey, notifyChannel, task.executionID])
        return try rows.first?.decode("id", as: Int64.self)
    }

    /// Claims up to `limit` ready tasks of `queue` for `worker`, fairly across tenants, and leases
    /// them for `leaseSeconds` (issue 9, DESIGN.md §6).
    ///
    /// - **Fair share.** Each tenant with ready work offers its tasks in its own order (priority
    ///   class, then age), tagged `virtual time + position / weight` (its tier's weight). The
    ///   smallest tags win, and the tenant's virtual time moves past what it was served. Two
    ///   tenants with permanent backlogs and weights 3:1 get about three quarters and one quarter
    ///   of the claims, whatever the depth of either backlog. A tenant returning from idle starts at
    ///   the smallest virtual time among the active tenants, so it gets no catch-up burst.
    /// - **Concurrency caps.** A tenant is offered at most `max_concurrent_steps - running` tasks,
    ///   and its `batch` class at most half of `max_concurrent_steps` at once (critical and
    ///   standard work always has room the tenant's batch backlog cannot take).
    ///   Claims of one queue take turns under a transaction-scoped advisory lock, which makes the
    ///   cap exact across worker processes; a claim is one short statement.
    public static func claim(queue: String, limit: Int, worker: String, leaseSeconds: Double, on db: PostgresClient) async throws -> [ClaimedTask] {
        try await db.transaction { tx in
            _ = try await tx.query("SELECT pg_advisory_xact_lock(hashtext('maestro-claim/' || $1))", [queue])
            return try await tx.query("""
                WITH RECURSIVE active (tenant_id) AS (
                    (SELECT tenant_id FROM tasks WHERE state = 'ready' AND queue = $1 ORDER BY tenant_id LIMIT 1)
                    UNION ALL
                    SELECT (SELECT t.tenant_id FROM tasks t WHERE t.state = 'ready' AND t.queue = $1 AND t.tenant_id > a.tenant_id
                            ORDER BY t.tenant_id LIMIT 1)
                    FROM active a WHERE a.tenant_id IS NOT NULL
                ),
                floor AS (
                    SELECT COALESCE(min(s.virtual_time), 0) AS vt FROM tenant_queue_state s
                    WHERE s.queue = $1 AND s.tenant_id IN (SELECT tenant_id FROM active)
                ),
                shares AS (
                    SELECT a.tenant_id,
                           GREATEST(COALESCE(s.virtual_time, 0), (SELECT vt FROM floor)) AS vt,
                           COALESCE(tt.weight, st.weight, 1)::float8 AS weight,
                           GREATEST(0, COALESCE(tt.max_concurrent_steps, st.max_concurrent_steps, $2)
                                       - (SELECT count(*) FROM tasks r WHERE r.tenant_id = a.tenant_id AND r.state = 'running')) AS room,
                           -- batch work may hold at most half of the tenant's slots
                           GREATEST(0, CEIL(COALESCE(tt.max_concurrent_steps, st.max_concurrent_steps, $2) / 2.0)::bigint
                                       - (SELECT count(*) FROM tasks r WHERE r.tenant_id = a.tenant_id AND r.state = 'running' AND r.priority >= 2)) AS batch_room
                    FROM active a
                    LEFT JOIN tenants n ON n.id = a.tenant_id
                    LEFT JOIN tenant_tiers tt ON tt.name = n.tier
                    LEFT JOIN tenant_tiers st ON st.name = 'standard'
                    LEFT JOIN tenant_queue_state s ON s.queue = $1 AND s.tenant_id = a.tenant_id
                    WHERE a.tenant_id IS NOT NULL
                ),
                offered AS (
                    SELECT c.id, c.tenant_id, sh.vt + c.position / sh.weight AS finish
                    FROM shares sh
                    CROSS JOIN LATERAL (
                        SELECT u.id, u.tenant_id, row_number() OVER (ORDER BY u.priority, u.run_at, u.id) AS position
                        FROM (
                            (SELECT t.id, t.tenant_id, t.priority, t.run_at FROM tasks t
                             WHERE t.state = 'ready' AND t.queue = $1 AND t.tenant_id = sh.tenant_id AND t.run_at <= now() AND t.priority < 2
                             ORDER BY t.priority, t.run_at, t.id LIMIT LEAST($2, sh.room))
                            UNION ALL
                            (SELECT t.id, t.tenant_id, t.priority, t.run_at FROM tasks t
                             WHERE t.state = 'ready' AND t.queue = $1 AND t.tenant_id = sh.tenant_id AND t.run_at <= now() AND t.priority >= 2
                             ORDER BY t.priority, t.run_at, t.id LIMIT LEAST($2, sh.room, sh.batch_room))
                        ) u
                        ORDER BY u.priority, u.run_at, u.id
                        LIMIT LEAST($2, sh.room)
                    ) c
                ),
                picked AS (
                    SELECT t.id, o.tenant_id, o.finish FROM tasks t
                    JOIN (SELECT id, tenant_id, finish FROM offered ORDER BY finish, id LIMIT $2) o ON o.id = t.id
                    WHERE t.state = 'ready'
                    FOR UPDATE OF t SKIP LOCKED
                ),
                served AS (
                    INSERT INTO tenant_queue_state (queue, tenant_id, virtual_time)
                    SELECT $1, tenant_id, max(finish) FROM picked GROUP BY tenant_id
                    ON CONFLICT (queue, tenant_id) DO UPDATE SET virtual_time = EXCLUDED.virtual_time, updated_at = now()
                )
                UPDATE tasks t
                SET state = 'running', attempt = t.attempt + 1, leased_by = $3,
                    lease_expires_at = now() + make_interval(secs => $4)
                FROM picked WHERE t.id = picked.id
                RETURNING t.id, t.tenant_id, t.queue, t.kind, t.priority, t.payload::text AS payload,
                          t.attempt, t.max_attempts, t.lease_expires_at
                """, [queue, limit, worker, leaseSeconds])
        }.map(ClaimedTask.init(row:)).sorted { ($0.priority.rawValue, $0.id) < ($1.priority.rawValue, $1.id) }
    }

    /// Marks a claimed task completed. False when the lease was lost (the task was rescued and
    /// maybe claimed again): the caller must then roll back whatever it wrote alongside.
    public static func complete(_ task: ClaimedTask, on db: some PostgresExecutor) async throws -> Bool {
        try await db.execute("""
            UPDATE tasks SET state = 'completed', finished_at = now(), leased_by = NULL, lease_expires_at = NULL
            WHERE id = $1 AND attempt = $2 AND state = 'running'
            """, [task.id, task.attempt]) == 1
    }

    /// Puts a claimed task back to `ready` after `seconds` without counting the attempt: the
    /// handler found it could not start yet (it waits for something else to end), which is not a
    /// failure. Returns false when the lease was lost.
    @discardableResult
    public static func postpone(_ task: ClaimedTask, seconds: Double, reason: String, on db: some PostgresExecutor) async throws -> Bool {
        try await db.execute("""
            UPDATE tasks SET state = 'ready', attempt = attempt - 1, run_at = now() + make_interval(secs => $3), last_error = $4,
                leased_by = NULL, lease_expires_at = NULL
            WHERE id = $1 AND attempt = $2 AND state = 'running'
            """, [task.id, task.attempt, seconds, reason]) == 1
    }

    /// Records a failed attempt: back to `ready` after `retryAfter` seconds while attempts remain,
    /// otherwise `failed`. Returns the new state, or nil when the lease was lost.
    public static func fail(_ task: ClaimedTask, error: String, retryAfter: Double, on db: some PostgresExecutor) async throws -> TaskState? {
        let rows = try await db.query("""
            UPDATE tasks
            SET state = CASE WHEN attempt >= max_attempts THEN 'failed' ELSE 'ready' END,
                run_at = CASE WHEN attempt >= max_attempts THEN run_at ELSE now() + make_interval(secs => $3) END,
                finished_at = CASE WHEN attempt >= max_attempts THEN now() END,
                last_error = $4, leased_by = NULL, lease_expires_at = NULL
            WHERE id = $1 AND attempt = $2 AND state = 'running'
            RETURNING state
            """, [task.id, task.attempt, retryAfter, error])
        return try rows.first.flatMap { TaskState(rawValue: try $0.decode("state")) }
    }

    /// Fails a task for good, whatever attempts remain. Returns false when the lease was lost.
    @discardableResult
    public static func failPermanently(_ task: ClaimedTask, error: String, on db: some PostgresExecutor) async throws -> Bool {
        try await db.execute("""
            UPDATE tasks SET state = 'failed', finished_at = now(), last_error = $3, leased_by = NULL, lease_expires_at = NULL
            WHERE id = $1 AND attempt = $2 AND state = 'running'
            """, [task.id, task.attempt, error]) == 1
    }

    /// Extends a lease the worker still holds (long-running work heartbeats with this).
    public static func extendLease(_ task: ClaimedTask, bySeconds seconds: Double, on db: some PostgresExecutor) async throws -> Bool {
        try await db.execute("""
            UPDATE tasks SET lease_expires_at = now() + make_interval(secs => $3)
            WHERE id = $1 AND attempt = $2 AND state = 'running'
            """, [task.id, task.attempt, seconds]) == 1
    }

    /// Returns tasks whose lease expired (their worker died or stalled) to `ready`. Returns how
    /// many were rescued.
    ///
    /// Always to `ready`, even when that was the last attempt: the claim then hands the task out
    /// with `attempt > maxAttempts`, and the handler records the failure with its consequences
    /// (a step's execution fails). Failing the row here would leave the work it stands for
    /// (an execution) waiting forever.
    @discardableResult
    public static func rescueExpired(on db: some PostgresExecutor) async throws -> Int {
        try await db.execute("""
            UPDATE tasks
            SET state = 'ready',
                last_error = 'lease expired (worker ' || COALESCE(leased_by, '?') || ' stopped or stalled)',
                leased_by = NULL, lease_expires_at = NULL
            WHERE state = 'running' AND lease_expires_at < now()
            """, [])
    }

    /// Cancels the not-yet-running tasks of an execution; running ones finish and find the
    /// execution ended.
    @discardableResult
    public static func cancelReady(executionID: UUID, on db: some PostgresExecutor) async throws -> Int {
        try await db.execute("""
            UPDATE tasks SET state = 'cancelled', finished_at = now() WHERE execution_id = $1 AND state = 'ready'
            """, [executionID])
    }

    /// The state of one task, for callers that track their own work.
    public static func state(ofTask id: Int64, on db: some PostgresExecutor) async throws -> TaskState? {
        try await db.queryFirst("SELECT state FROM tasks WHERE id = $1", [id])
            .flatMap { TaskState(rawValue: try $0.decode("state")) }
    }
}
