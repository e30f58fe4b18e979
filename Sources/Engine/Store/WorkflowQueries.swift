import Foundation
import Postgres

/// A stored, immutable workflow version.
public struct StoredWorkflowVersion: Sendable {
    public let id: UUID
    public let workflowID: UUID
    public let tenantID: String
    public let name: String
    public let version: String
    public let definition: JSONValue
    public let publishedBy: String?
    public let createdAt: Date
}

/// A version's identity and number, without its definition.
struct VersionNumber: Sendable {
    let id: UUID
    let workflowID: UUID
    let name: String
    let version: String
    let publishedBy: String?
    let createdAt: Date
    /// Whether the tenant's circuit breaker for this version is closed (or was never tripped), read
    /// with the versions so a healthy invocation needs no separate breaker lookup.
    let breakerClosed: Bool
}

/// A workflow (the name its versions share).
public struct StoredWorkflow: Sendable {
    public let id: UUID
    public let tenantID: String
    public let name: String
    public let createdAt: Date
}

/// Statements on `workflows` and `workflow_versions` (and the `tenants` row they need).
enum WorkflowQueries {
    /// Makes sure the tenant exists (tenants are created on first use in this version).
    static func ensureTenant(_ tenantID: String, on db: some PostgresExecutor) async throws {
        try await db.execute("INSERT INTO tenants (id, name) VALUES ($1, $1) ON CONFLICT (id) DO NOTHING", [tenantID])
    }

    /// Returns the workflow's id, creating the workflow on first publish.
    /// Serialises publishes of one tenant until the transaction ends.
    static func lockPublishing(tenantID: String, on db: some PostgresExecutor) async throws {
        _ = try await db.query("SELECT pg_advisory_xact_lock(hashtext('maestro-publish/' || $1))", [tenantID])
    }

    static func upsertWorkflow(tenantID: String, name: String, on db: some PostgresExecutor) async throws -> UUID {
        let row = try await db.queryFirst("""
            INSERT INTO workflows (id, tenant_id, name) VALUES ($1, $2, $3)
            ON CONFLICT (tenant_id, name) DO UPDATE SET name = EXCLUDED.name
            RETURNING id
            """, [UUID(), tenantID, name])
        guard let row else { throw PostgresError(.server, "INSERT ... RETURNING returned no row.") }
        return try row.decode("id")
    }

    /// Inserts a version; nil when that version number is already published (versions are immutable).
    static func insertVersion(
        tenantID: String, workflowID: UUID, version: SemanticVersion, definition: JSONValue, publishedBy: String?,
        on db: some PostgresExecutor
    ) async throws -> UUID? {
        let prerelease = version.prerelease.isEmpty ? nil : version.prerelease.map(\.description).joined(separator: ".")
        let row = try await db.queryFirst("""
            INSERT INTO workflow_versions (id, tenant_id, workflow_id, version, major, minor, patch, prerelease, definition, published_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
            ON CONFLICT (workflow_id, version) DO NOTHING
            RETURNING id
            """,
            [UUID(), tenantID, workflowID, version.description, Int64(version.major), Int64(version.minor), Int64(version.patch),
             prerelease, definition, publishedBy])
        return try row?.decode("id", as: UUID.self)
    }

    static func workflow(tenantID: String, id: UUID, on db: some PostgresExecutor) async throws -> StoredWorkflow? {
        try await db.queryFirst("SELECT id, tenant_id, name, created_at FROM workflows WHERE tenant_id = $1 AND id = $2", [tenantID, id])
            .map(decodeWorkflow)
    }

    /// The tenant's workflows among `ids`.
    static func workflows(tenantID: String, ids: [UUID], on db: some PostgresExecutor) async throws -> [StoredWorkflow] {
        try await db.query("SELECT id, tenant_id, name, created_at FROM workflows WHERE tenant_id = $1 AND id = ANY($2::uuid[])", [tenantID, ids])
            .map(decodeWorkflow)
    }

    /// A page of the tenant's workflows, newest first, after the keyset cursor (created_at, id).
    static func workflows(tenantID: String, limit: Int, after cursor: (Date, UUID)?, on db: some PostgresExecutor) async throws -> [StoredWorkflow] {
        if let (createdAt, id) = cursor {
            return try await db.query("""
                SELECT id, tenant_id, name, created_at FROM workflows
                WHERE tenant_id = $1 AND (created_at, id) < ($2::timestamptz, $3::uuid)
                ORDER BY created_at DESC, id DESC LIMIT $4
                """, [tenantID, createdAt, id, limit]).map(decodeWorkflow)
        }
        return try await db.query("""
            SELECT id, tenant_id, name, created_at FROM workflows WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2
            """, [tenantID, limit]).map(decodeWorkflow)
    }

    private static func decodeWorkflow(_ row: PostgresRow) throws -> StoredWorkflow {
        StoredWorkflow(id: try row.decode("id"), tenantID: try row.decode("tenant_id"), name: try row.decode("name"), createdAt: try row.decode("created_at"))
    }

    static let versionColumns = """
        v.id, v.workflow_id, v.tenant_id, w.name, v.version, v.definition::text AS definition, v.published_by, v.created_at
        """

    static func version(tenantID: String, name: String, version: String, on db: some PostgresExecutor) async throws -> StoredWorkflowVersion? {
        try await db.queryFirst("""
            SELECT \(versionColumns) FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
            WHERE w.tenant_id = $1 AND w.name = $2 AND v.version = $3
            """, [tenantID, name, version]).map(decodeVersion)
    }

    static func version(tenantID: String, id: UUID, on db: some PostgresExecutor) async throws -> StoredWorkflowVersion? {
        try await db.queryFirst("""
            SELECT \(versionColumns) FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
            WHERE v.tenant_id = $1 AND v.id = $2
            """, [tenantID, id]).map(decodeVersion)
    }

    /// The tenant's versions among `ids`.
    static func versions(tenantID: String, ids: [UUID], on db: some PostgresExecutor) async throws -> [StoredWorkflowVersion] {
        try await db.query("""
            SELECT \(versionColumns) FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
            WHERE v.tenant_id = $1 AND v.id = ANY($2::uuid[])
            """, [tenantID, ids]).map(decodeVersion)
    }

    /// Every version of each of the workflows `workflowIDs`, each workflow's newest (by semantic
    /// version precedence) first.
    static func versions(tenantID: String, workflowIDs: [UUID], on db: some PostgresExecutor) async throws -> [StoredWorkflowVersion] {
        try await db.query("""
            SELECT \(versionColumns) FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
            WHERE v.tenant_id = $1 AND v.workflow_id = ANY($2::uuid[])
            ORDER BY v.workflow_id, \(precedenceOrder)
            """, [tenantID, workflowIDs]).map(decodeVersion)
    }

    /// Every version of a workflow, newest (by semantic version precedence) first.
    static func versions(tenantID: String, name: String, on db: some PostgresExecutor) async throws -> [StoredWorkflowVersion] {
        try await db.query("""
            SELECT \(versionColumns) FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
            WHERE w.tenant_id = $1 AND w.name = $2
            ORDER BY \(precedenceOrder)
            """, [tenantID, name]).map(decodeVersion)
    }

    /// A workflow's versions without their definitions, newest first: for resolving a version
    /// range on a hot path. `workflow` is the workflow's id or its name.
    static func versionNumbers(tenantID: String, workflow: String, on db: some PostgresExecutor) async throws -> [VersionNumber] {
        try await db.query("""
            SELECT v.id, v.workflow_id, w.name, v.version, v.published_by, v.created_at,
                   (b.state IS NULL OR b.state = 'CLOSED') AS breaker_closed
            FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
            LEFT JOIN subworkflow_breakers b ON b.tenant_id = w.tenant_id AND b.child_version_id = v.id
            WHERE w.tenant_id = $1 AND (w.name = $2 OR w.id = $3::uuid)
            ORDER BY \(precedenceOrder)
            """, [tenantID, workflow, UUID(uuidString: workflow)]).map { row in
            VersionNumber(
                id: try row.decode("id"), workflowID: try row.decode("workflow_id"), name: try row.decode("name"),
                version: try row.decode("version"), publishedBy: try row.decodeIfPresent("published_by"), createdAt: try row.decode("created_at"),
                breakerClosed: try row.decode("breaker_closed"))
        }
    }

    /// Newest first by semantic version precedence (a release before its pre-releases).
    static let precedenceOrder = "v.major DESC, v.minor DESC, v.patch DESC, (v.prerelease IS NULL) DESC, v.created_at DESC"

    private static func decodeVersion(_ row: PostgresRow) throws -> StoredWorkflowVersion {
        StoredWorkflowVersion(
            id: try row.decode("id"), workflowID: try row.decode("workflow_id"), tenantID: try row.decode("tenant_id"),
            name: try row.decode("name"), version: try row.decode("version"), definition: try row.decode("definition"),
            publishedBy: try row.decodeIfPresent("published_by"), createdAt: try row.decode("created_at"))
    }
}
