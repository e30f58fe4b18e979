import Foundation
import Postgres

/// Statements on `tenant_tiers` and `tenants.tier`.
enum TenantQueries {
    static let columns = """
        t.name, t.weight, t.max_payload_bytes, t.max_steps_per_workflow, t.max_fan_out, t.max_depth, t.max_concurrent_steps,
        t.rate_per_second, t.burst, t.max_queue_depth
        """

    /// The limits of the tenant's tier; nil when the tenant does not exist yet (it gets the
    /// default tier on first use).
    static func limits(tenantID: String, on db: some PostgresExecutor) async throws -> TenantLimits? {
        try await db.queryFirst(
            "SELECT \(columns) FROM tenants n JOIN tenant_tiers t ON t.name = n.tier WHERE n.id = $1", [tenantID]
        ).map(decode)
    }

    static func tier(named name: String, on db: some PostgresExecutor) async throws -> TenantLimits? {
        try await db.queryFirst("SELECT \(columns) FROM tenant_tiers t WHERE t.name = $1", [name]).map(decode)
    }

    static func tiers(on db: some PostgresExecutor) async throws -> [TenantLimits] {
        try await db.query("SELECT \(columns) FROM tenant_tiers t ORDER BY t.weight, t.name", []).map(decode)
    }

    /// Creates or replaces a tier.
    static func upsert(_ limits: TenantLimits, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            INSERT INTO tenant_tiers (name, weight, max_payload_bytes, max_steps_per_workflow, max_fan_out, max_depth, max_concurrent_steps,
                                      rate_per_second, burst, max_queue_depth)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (name) DO UPDATE SET weight = EXCLUDED.weight, max_payload_bytes = EXCLUDED.max_payload_bytes,
                max_steps_per_workflow = EXCLUDED.max_steps_per_workflow, max_fan_out = EXCLUDED.max_fan_out, max_depth = EXCLUDED.max_depth,
                max_concurrent_steps = EXCLUDED.max_concurrent_steps, rate_per_second = EXCLUDED.rate_per_second, burst = EXCLUDED.burst,
                max_queue_depth = EXCLUDED.max_queue_depth,
                updated_at = now()
            """, [limits.tier, limits.weight, limits.maxPayloadBytes, limits.maxStepsPerWorkflow, limits.maxFanOut, limits.maxDepth,
                  limits.maxConcurrentSteps, limits.ratePerSecond, limits.burst, limits.maxQueueDepth])
    }

    /// The tenant's ready tasks, counted up to `limit` (no further: a flood costs no full count).
    static func queueDepth(tenantID: String, limit: Int, on db: some PostgresExecutor) async throws -> Int {
        try await db.queryFirst("""
            SELECT count(*) AS n FROM (SELECT 1 FROM tasks WHERE queue = 'default' AND tenant_id = $1 AND state = 'ready' LIMIT $2) AS ready
            """, [tenantID, limit])?.decode("n") ?? 0
    }

    /// Moves a tenant (created if new) to `tier`.
    static func setTier(tenantID: String, tier: String, on db: some PostgresExecutor) async throws {
        try await db.execute("""
            INSERT INTO tenants (id, name, tier) VALUES ($1, $1, $2) ON CONFLICT (id) DO UPDATE SET tier = EXCLUDED.tier
            """, [tenantID, tier])
    }

    private static func decode(_ row: PostgresRow) throws -> TenantLimits {
        TenantLimits(
            tier: try row.decode("name"), weight: try row.decode("weight"), maxPayloadBytes: try row.decode("max_payload_bytes"),
            maxStepsPerWorkflow: try row.decode("max_steps_per_workflow"), maxFanOut: try row.decode("max_fan_out"),
            maxDepth: try row.decode("max_depth"), maxConcurrentSteps: try row.decode("max_concurrent_steps"),
            ratePerSecond: try row.decode("rate_per_second"), burst: try row.decode("burst"), maxQueueDepth: try row.decode("max_queue_depth"))
    }
}
