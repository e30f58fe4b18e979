import Foundation
import Postgres

/// One compensation as stored (`compensations`).
public struct CompensationRecord: Sendable {
    public let id: UUID
    public let tenantID: String
    public let executionID: UUID
    public let trigger: String
    public let plan: [CompensationItem]
    public let mode: CompensationOrder
    public let parallelism: Int
    /// RUNNING | COMPLETED | FAILED
    public let status: String
    public let requestedBy: String?
}

/// One compensate handler to run: which step of which execution (the root or a nested child).
/// The forward run of a step a compensation is about to undo.
enum ForwardRun: Sendable, Equatable {
    /// It succeeded, timed out, or was abandoned (its effect is unknown): undo it.
    case settled
    /// An attempt is still running (the step was running when the plan was made): wait for it, so
    /// the undo cannot overtake the effect.
    case attemptRunning
    /// It failed without timing out once the plan was made: nothing took effect, nothing to undo.
    case failedCleanly
}

public struct CompensationItem: Sendable, Hashable {
    public let executionID: UUID
    public let stepID: String
    /// The step's path from the compensated execution, e.g. `charge/debit` for the `debit` step
    /// of the child that the `charge` step ran.
    public let label: String
    /// Attempts the handler gets (its `retry.attempts`).
    public let attempts: Int

    var json: JSONValue {
        ["executionId": .string(executionID.uuidString.lowercased()), "stepId": .string(stepID), "label": .string(label),
         "attempts": .int(Int64(attempts))]
    }

    init(executionID: UUID, stepID: String, label: String, attempts: Int) {
        self.executionID = executionID
        self.stepID = stepID
        self.label = label
        self.attempts = attempts
    }

    init?(json: JSONValue) {
        guard case .string(let id)? = json["executionId"], let executionID = UUID(uuidString: id),
            case .string(let stepID)? = json["stepId"], case .string(let label)? = json["label"]
        else { return nil }
        self.init(executionID: executionID, stepID: stepID, label: label, attempts: Int(json["attempts"]?.intValue ?? 1))
    }
}

/// Statements on `compensations`, `compensation_handlers`, the compensation columns of
/// `executions` and `step_runs`, and `audit_log`.
enum CompensationQueries {
    static let columns = "id, tenant_id, execution_id, trigger, plan::text AS plan, mode, parallelism, status, requested_by"

    /// Stores a new compensation; nil when the execution already has one (it is returned by `find`).
    static func insert(
        id: UUID, tenantID: String, executionID: UUID, trigger: String, plan: [CompensationItem], mode: CompensationOrder, parallelism: Int,
        requestedBy: String?, on db: some PostgresExecutor
    ) async throws -> CompensationRecord? {
        try await db.queryFirst("""
            INSERT INTO compensations (id, tenant_id, execution_id, trigger, plan, mode, parallelism, status, requested_by)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, 'RUNNING', $8)
            ON CONFLICT (execution_id) DO NOTHING
            RETURNING \(columns)
            """, [id, tenantID, executionID, trigger, JSONValue.array(plan.map(\.json)), mode.rawValue, parallelism, requestedBy]).map(decode)
    }

    static func find(tenantID: String, executionID: UUID, on db: some PostgresExecutor) async throws -> CompensationRecord? {
        try await db.queryFirst("SELECT \(columns) FROM compensations WHERE tenant_id = $1 AND execution_id = $2", [tenantID, executionID]).map(decode)
    }

    /// Locks the compensation for the rest of the transaction: item completions of one
    /// compensation take turns, so "what runs next" is decided once.
    static func lock(tenantID: String, id: UUID, on db: some PostgresExecutor) async throws -> CompensationRecord? {
        try await db.queryFirst("SELECT \(columns) FROM compensations WHERE tenant_id = $1 AND id = $2 FOR UPDATE", [tenantID, id]).map(decode)
    }

    static func finish(_ id: UUID, status: String, on db: some PostgresExecutor) async throws {
        try await db.execute("UPDATE compensations SET status = $2, finished_at = now() WHERE id = $1", [id, status])
    }

    /// The compensation status of each item's step run (absent: not requested).
    static func itemStatuses(_ items: [CompensationItem], on db: some PostgresExecutor) async throws -> [CompensationItem: String] {
        guard !items.isEmpty else { return [:] }
        let rows = try await db.query("""
            SELECT execution_id, step_id, compensation_status FROM step_runs
            WHERE (execution_id, step_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[])) AND iteration = 0
            """, [items.map(\.executionID), items.map(\.stepID)])
        var byKey: [String: String] = [:]
        for row in rows {
            guard let status: String = try row.decodeIfPresent("compensation_status") else { continue }
            byKey["\(try row.decode("execution_id") as UUID)/\(try row.decode("step_id") as String)"] = status
        }
        var result: [CompensationItem: String] = [:]
        for item in items { result[item] = byKey["\(item.executionID)/\(item.stepID)"] }
        return result
    }

    /// Where the forward run of `item`'s step stands, read under the execution's row lock (which
    /// the step's own outcome also takes, so the answer cannot change until commit).
    static func forwardRun(of item: CompensationItem, on db: some PostgresExecutor) async throws -> ForwardRun {
        guard let row = try await db.queryFirst("""
            SELECT r.status, r.error::text AS error,
                   EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = r.tenant_id AND t.unique_key = $3 AND t.state = 'running') AS attempt_running
            FROM step_runs r WHERE r.execution_id = $1 AND r.step_id = $2 AND r.iteration = 0
            """, [item.executionID, item.stepID, StepTaskPayload(executionID: item.executionID, stepID: item.stepID).uniqueKey])
        else { return .settled }
        let status: String = try row.decode("status")
        guard status == "RUNNING" || status == "FAILED" else { return .settled }
        if status == "RUNNING" { return try row.decode("attempt_running") ? .attemptRunning : .settled }
        let error: JSONValue? = try row.decodeIfPresent("error")
        return CompensationPlanner.effectUnknown(error) ? .settled : .failedCleanly
    }

    /// Sets the compensation status of the items' step runs.
    static func setItemStatus(_ items: [CompensationItem], _ status: String, on db: some PostgresExecutor) async throws {
        guard !items.isEmpty else { return }
        try await db.execute("""
            UPDATE step_runs SET compensation_status = $3
            WHERE (execution_id, step_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[])) AND iteration = 0
            """, [items.map(\.executionID), items.map(\.stepID), status])
    }

    /// Ends a FAILED or CANCELLED execution as COMPENSATION_FAILED, with the reason. (A succeeded
    /// execution whose manual compensation failed keeps its status; its compensation state says FAILED.)
    static func markCompensationFailed(_ id: UUID, error: JSONValue, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            UPDATE executions SET status = 'COMPENSATION_FAILED', compensation_state = 'FAILED', error = $2::jsonb, updated_at = now()
            WHERE id = $1 AND status IN ('FAILED', 'CANCELLED')
            """, [id, error])
    }

    /// Sets `executions.compensation_state` of `ids`.
    static func setState(_ ids: [UUID], _ state: String, on db: some PostgresExecutor) async throws {
        try await db.execute(
            "UPDATE executions SET compensation_state = $2, updated_at = now() WHERE id = ANY($1::uuid[])", [Array(Set(ids)), state])
    }

    /// Stores the compensate handlers of a newly published version.
    static func insertHandlers(tenantID: String, versionID: UUID, handlers: [(stepID: String, config: JSONValue)], on db: some PostgresExecutor) async throws {
        guard !handlers.isEmpty else { return }
        try await db.execute("""
            INSERT INTO compensation_handlers (tenant_id, version_id, step_id, handler_config_json)
            SELECT $1, $2, h.step_id, h.config FROM unnest($3::text[], $4::jsonb[]) AS h(step_id, config)
            """, [tenantID, versionID, handlers.map(\.stepID), handlers.map(\.config)])
    }

    /// Records a decision in `audit_log`.
    static func audit(
        tenantID: String, actor: String, action: String, target: String?, decision: String, details: JSONValue, on db: some PostgresExecutor
    ) async throws {
        try await db.execute("""
            INSERT INTO audit_log (tenant_id, actor, action, target, decision, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
            """, [tenantID, actor, action, target, decision, details])
    }

    private static func decode(_ row: PostgresRow) throws -> CompensationRecord {
        let plan: JSONValue = try row.decode("plan")
        return CompensationRecord(
            id: try row.decode("id"), tenantID: try row.decode("tenant_id"), executionID: try row.decode("execution_id"),
            trigger: try row.decode("trigger"), plan: (plan.arrayValue ?? []).compactMap(CompensationItem.init(json:)),
            mode: CompensationOrder(rawValue: try row.decode("mode")) ?? .sequential, parallelism: try row.decode("parallelism"),
            status: try row.decode("status"), requestedBy: try row.decodeIfPresent("requested_by"))
    }
}
