import Foundation
import Postgres

/// Where an execution stands.
public enum ExecutionStatus: String, Sendable, Codable {
    case pending = "PENDING", running = "RUNNING", succeeded = "SUCCEEDED", failed = "FAILED", cancelled = "CANCELLED"
    /// Failed or cancelled, and then a compensation failed after its retries.
    case compensationFailed = "COMPENSATION_FAILED"

    /// Whether the execution has ended (a compensation may still change FAILED or CANCELLED into
    /// COMPENSATION_FAILED; nothing else changes the status again).
    public var isTerminal: Bool { self != .pending && self != .running }
}

/// One execution as stored.
public struct ExecutionRecord: Sendable {
    public let id: UUID
    public let tenantID: String
    public let workflowVersionID: UUID
    public let status: ExecutionStatus
    public let input: JSONValue
    public let output: JSONValue?
    public let error: JSONValue?
    public let idempotencyKey: String?
    public let traceID: String
    public let createdAt: Date
    public let finishedAt: Date?
    /// Where a sub-workflow execution was started from; nil for a root execution.
    public let parent: ExecutionParentLink?
    /// The root of the execution tree (the execution itself for a root).
    public let rootExecutionID: UUID
    /// 0 for a root execution, parent's depth + 1 for a child.
    public let depth: Int
    /// Started as a sub-workflow (by a parent step or the invoke API).
    public let invoked: Bool
    /// NONE | REQUESTED | RUNNING | COMPLETED | FAILED (sagas).
    public let compensationState: String
    /// The class its tasks are queued in.
    public let priority: TaskPriority
}

/// A child execution's link to the parent step it runs for.
public struct ExecutionParentLink: Sendable, Hashable {
    /// The parent execution.
    public let executionID: UUID
    /// The parent's `subworkflow` step, nil when invoked through the API without one.
    public let stepID: String?
    /// The forEach element the child runs for (0 without forEach).
    public let iteration: Int
    /// The parent step's attempt the child belongs to; nil for a child invoked through the API,
    /// which is linked to its parent for lineage and traces but not run by the parent's step.
    public let attempt: Int?
}

/// Where a new execution sits in an execution tree.
struct ExecutionPlacement: Sendable {
    let parent: ExecutionParentLink?
    let rootExecutionID: UUID?
    let depth: Int
    let traceID: String
    let invoked: Bool
    var priority: TaskPriority = .standard

    /// A root execution with a fresh trace.
    static func root(traceID: String, priority: TaskPriority = .standard) -> ExecutionPlacement {
        ExecutionPlacement(parent: nil, rootExecutionID: nil, depth: 0, traceID: traceID, invoked: false, priority: priority)
    }
}

/// See ``Executions/logProgress(tenantID:id:)``.
public struct ExecutionLogProgress: Sendable, Equatable {
    public let status: ExecutionStatus
    /// NONE, REQUESTED, RUNNING, COMPLETED or FAILED.
    public let compensationState: String
    /// Ended, with no compensation requested or running: nothing more will be appended on its own.
    public let settled: Bool
}

/// A child execution as a parent step's reconciliation sees it.
struct ChildSummary: Sendable {
    let id: UUID
    /// The `forEach` element (0 without `forEach`).
    let iteration: Int
    /// The parent step's attempt that started it.
    let attempt: Int
    let status: ExecutionStatus
    let error: JSONValue?
}

/// Statements on `executions`.
enum ExecutionQueries {
    static func insert(
        id: UUID, tenantID: String, versionID: UUID, input: JSONValue, idempotencyKey: String?, placement: ExecutionPlacement,
        on db: some PostgresExecutor
    ) async throws -> ExecutionRecord {
        let parent = placement.parent
        guard let row = try await db.queryFirst("""
            INSERT INTO executions (
                id, tenant_id, workflow_version_id, status, input, idempotency_key, trace_id, root_execution_id, depth,
                parent_execution_id, parent_step_id, parent_iteration, parent_attempt, invoked, priority)
            VALUES ($1::uuid, $2, $3, 'PENDING', $4::jsonb, $5, $6, COALESCE($7::uuid, $1::uuid), $8, $9::uuid, $10, $11, $12, $13, $14)
            RETURNING \(columns)
            """, [id, tenantID, versionID, input, idempotencyKey, placement.traceID, placement.rootExecutionID, placement.depth,
                  parent?.executionID, parent?.stepID, parent?.iteration, parent?.attempt, placement.invoked, placement.priority.rawValue])
        else { throw PostgresError(.server, "INSERT ... RETURNING returned no row.") }
        return try decode(row)
    }

    static let columns = """
        id, tenant_id, workflow_version_id, status, input::text AS input, output::text AS output, error::text AS error,
        idempotency_key, trace_id, created_at, finished_at, parent_execution_id, parent_step_id, parent_iteration, parent_attempt,
        root_execution_id, depth, invoked, compensation_state, priority
        """

    static func find(tenantID: String, id: UUID, on db: some PostgresExecutor) async throws -> ExecutionRecord? {
        try await db.queryFirst("SELECT \(columns) FROM executions WHERE tenant_id = $1 AND id = $2", [tenantID, id]).map(decode)
    }

    static func find(tenantID: String, idempotencyKey: String, on db: some PostgresExecutor) async throws -> ExecutionRecord? {
        try await db.queryFirst("SELECT \(columns) FROM executions WHERE tenant_id = $1 AND idempotency_key = $2", [tenantID, idempotencyKey]).map(decode)
    }

    /// The tenant's executions among `ids` (unknown and foreign ids are simply absent).
    static func find(tenantID: String, ids: [UUID], on db: some PostgresExecutor) async throws -> [ExecutionRecord] {
        try await db.query("SELECT \(columns) FROM executions WHERE tenant_id = $1 AND id = ANY($2::uuid[])", [tenantID, ids]).map(decode)
    }

    /// A page of the tenant's executions, newest first, after the keyset cursor (created_at, id),
    /// optionally only those of one workflow (any version) or in one status.
    static func list(
        tenantID: String, workflowID: UUID?, status: ExecutionStatus?, limit: Int, after cursor: (Date, UUID)?,
        on db: some PostgresExecutor
    ) async throws -> [ExecutionRecord] {
        try await db.query("""
            SELECT \(columns) FROM executions
            WHERE tenant_id = $1
              AND ($2::uuid IS NULL OR workflow_version_id IN (SELECT id FROM workflow_versions WHERE tenant_id = $1 AND workflow_id = $2))
              AND ($3::text IS NULL OR status = $3)
              AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
            ORDER BY created_at DESC, id DESC LIMIT $6
            """, [tenantID, workflowID, status?.rawValue, cursor?.0, cursor?.1, limit]).map(decode)
    }

    /// Locks the execution row for the rest of the transaction. Every transaction that changes an
    /// execution's steps or status takes this lock first, which serialises joins of parallel
    /// branches and the execution's event sequence.
    static func lock(tenantID: String, id: UUID, on db: some PostgresExecutor) async throws -> ExecutionRecord? {
        try await db.queryFirst("SELECT \(columns) FROM executions WHERE tenant_id = $1 AND id = $2 FOR UPDATE", [tenantID, id]).map(decode)
    }

    /// Moves a PENDING execution to RUNNING; false when it was not pending.
    static func markRunning(_ id: UUID, on db: some PostgresExecutor) async throws -> Bool {
        try await db.execute("""
            UPDATE executions SET status = 'RUNNING', started_at = now(), updated_at = now() WHERE id = $1 AND status = 'PENDING'
            """, [id]) == 1
    }

    static func finish(_ id: UUID, status: ExecutionStatus, output: JSONValue?, error: JSONValue?, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            UPDATE executions SET status = $2, output = $3::jsonb, error = $4::jsonb, finished_at = now(), updated_at = now()
            WHERE id = $1
            """, [id, status.rawValue, output, error])
    }

    private static func decode(_ row: PostgresRow) throws -> ExecutionRecord {
        ExecutionRecord(
            id: try row.decode("id"), tenantID: try row.decode("tenant_id"), workflowVersionID: try row.decode("workflow_version_id"),
            status: ExecutionStatus(rawValue: try row.decode("status")) ?? .failed, input: try row.decode("input"),
            output: try row.decodeIfPresent("output"), error: try row.decodeIfPresent("error"),
            idempotencyKey: try row.decodeIfPresent("idempotency_key"), traceID: try row.decode("trace_id"),
            createdAt: try row.decode("created_at"), finishedAt: try row.decodeIfPresent("finished_at"),
            parent: try (row.decodeIfPresent("parent_execution_id") as UUID?).map { parentID in
                ExecutionParentLink(
                    executionID: parentID, stepID: try row.decodeIfPresent("parent_step_id"),
                    iteration: try row.decodeIfPresent("parent_iteration") ?? 0, attempt: try row.decodeIfPresent("parent_attempt"))
            },
            rootExecutionID: try row.decodeIfPresent("root_execution_id") ?? row.decode("id"), depth: try row.decode("depth"),
            invoked: try row.decode("invoked"), compensationState: try row.decode("compensation_state"),
            priority: TaskPriority(rawValue: try row.decode("priority")) ?? .standard)
    }

    // MARK: - Execution trees

    /// The children of each parent in `parentIDs`, in (step, element, attempt) order.
    static func children(tenantID: String, parentIDs: [UUID], on db: some PostgresExecutor) async throws -> [ExecutionRecord] {
        try await db.query("""
            SELECT \(columns) FROM executions WHERE tenant_id = $1 AND parent_execution_id = ANY($2::uuid[])
            ORDER BY parent_execution_id, parent_step_id, parent_iteration, parent_attempt, created_at
            """, [tenantID, parentIDs]).map(decode)
    }

    /// The children a parent step started (not those the API linked to it), in (element, attempt) order.
    static func children(tenantID: String, parentID: UUID, stepID: String, on db: some PostgresExecutor) async throws -> [ExecutionRecord] {
        try await db.query("""
            SELECT \(columns) FROM executions
            WHERE tenant_id = $1 AND parent_execution_id = $2 AND parent_step_id = $3 AND parent_attempt IS NOT NULL
            ORDER BY parent_iteration, parent_attempt
            """, [tenantID, parentID, stepID]).map(decode)
    }

    /// The execution's status and compensation state, and whether a compensation request is still
    /// queued for it (its task, by `requestKey`), in one read.
    static func logProgress(tenantID: String, id: UUID, requestKey: String, on db: some PostgresExecutor) async throws -> ExecutionLogProgress? {
        guard let row = try await db.queryFirst("""
            SELECT e.status, e.compensation_state,
                   EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = e.tenant_id AND t.unique_key = $3 AND t.state IN ('ready', 'running')) AS requested
            FROM executions e WHERE e.tenant_id = $1 AND e.id = $2
            """, [tenantID, id, requestKey])
        else { return nil }
        let status = ExecutionStatus(rawValue: try row.decode("status")) ?? .failed
        let compensation: String = try row.decode("compensation_state")
        let requested: Bool = try row.decode("requested")
        return ExecutionLogProgress(
            status: status, compensationState: compensation,
            settled: status.isTerminal && !requested && compensation != "REQUESTED" && compensation != "RUNNING")
    }

    /// What reconciling a parent step needs of each child it started, without inputs and outputs:
    /// a fan-out over N elements reads N of these every time one of its children ends.
    static func childSummaries(tenantID: String, parentID: UUID, stepID: String, on db: some PostgresExecutor) async throws -> [ChildSummary] {
        try await db.query("""
            SELECT id, parent_iteration, parent_attempt, status, error::text AS error FROM executions
            WHERE tenant_id = $1 AND parent_execution_id = $2 AND parent_step_id = $3 AND parent_attempt IS NOT NULL
            ORDER BY parent_iteration, parent_attempt
            """, [tenantID, parentID, stepID]).map { row in
            ChildSummary(
                id: try row.decode("id"), iteration: try row.decode("parent_iteration"), attempt: try row.decode("parent_attempt"),
                status: ExecutionStatus(rawValue: try row.decode("status")) ?? .failed, error: try row.decodeIfPresent("error"))
        }
    }

    /// The outputs of the given executions (absent: no output), read once a fan-out is complete.
    static func outputs(tenantID: String, ids: [UUID], on db: some PostgresExecutor) async throws -> [UUID: JSONValue] {
        var outputs: [UUID: JSONValue] = [:]
        for row in try await db.query(
            "SELECT id, output::text AS output FROM executions WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND output IS NOT NULL", [tenantID, ids])
        {
            outputs[try row.decode("id")] = try row.decode("output")
        }
        return outputs
    }

    /// Locks the parent's children that have not ended, for cancelling them with their parent.
    static func lockRunningChildren(tenantID: String, parentID: UUID, on db: some PostgresExecutor) async throws -> [ExecutionRecord] {
        try await db.query("""
            SELECT \(columns) FROM executions
            WHERE tenant_id = $1 AND parent_execution_id = $2 AND status IN ('PENDING', 'RUNNING')
            ORDER BY id FOR UPDATE
            """, [tenantID, parentID]).map(decode)
    }
}
