import Foundation
import Postgres

/// Where an execution stands.
public enum ExecutionStatus: String, Sendable, Codable {
    case pending = "PENDING", running = "RUNNING", succeeded = "SUCCEEDED", failed = "FAILED", cancelled = "CANCELLED"

    /// Whether the execution has ended and will not change status again.
    public var isTerminal: Bool { self == .succeeded || self == .failed || self == .cancelled }
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
}

/// Statements on `executions`.
enum ExecutionQueries {
    static func insert(
        id: UUID, tenantID: String, versionID: UUID, input: JSONValue, idempotencyKey: String?, traceID: String,
        on db: some PostgresExecutor
    ) async throws -> ExecutionRecord {
        guard let row = try await db.queryFirst("""
            INSERT INTO executions (id, tenant_id, workflow_version_id, status, input, idempotency_key, trace_id, root_execution_id)
            VALUES ($1, $2, $3, 'PENDING', $4::jsonb, $5, $6, $1)
            RETURNING \(columns)
            """, [id, tenantID, versionID, input, idempotencyKey, traceID])
        else { throw PostgresError(.server, "INSERT ... RETURNING returned no row.") }
        return try decode(row)
    }

    static let columns = """
        id, tenant_id, workflow_version_id, status, input::text AS input, output::text AS output, error::text AS error,
        idempotency_key, trace_id, created_at, finished_at
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
            createdAt: try row.decode("created_at"), finishedAt: try row.decodeIfPresent("finished_at"))
    }
}
