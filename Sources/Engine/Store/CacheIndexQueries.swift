import Foundation
import Postgres

/// Statements on `cache_index`: one row per stored cache entry, for analytics and invalidation.
enum CacheIndexQueries {
    static func upsert(
        key: String, tenantID: String, workflowVersionID: UUID, stepID: String, ttlSeconds: Double, sizeBytes: Int,
        on db: some PostgresExecutor
    ) async throws {
        try await db.execute("""
            INSERT INTO cache_index (cache_key, tenant_id, workflow_version_id, step_id, ttl_at, size_bytes)
            VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6)
            ON CONFLICT (cache_key) DO UPDATE
              SET created_at = now(), ttl_at = EXCLUDED.ttl_at, size_bytes = EXCLUDED.size_bytes
            """, [key, tenantID, workflowVersionID, stepID, ttlSeconds, sizeBytes])
    }

    /// Adds batched hit counts (key → hits) in one statement.
    static func addHits(_ counts: [String: Int], on db: some PostgresExecutor) async throws {
        guard !counts.isEmpty else { return }
        let keys = Array(counts.keys)
        try await db.execute("""
            UPDATE cache_index c SET hit_count = c.hit_count + h.hits, last_hit_at = now()
            FROM unnest($1::text[], $2::bigint[]) AS h(cache_key, hits)
            WHERE c.cache_key = h.cache_key
            """, [keys, keys.map { counts[$0] ?? 0 }])
    }

    static func delete(key: String, tenantID: String, on db: some PostgresExecutor) async throws -> Int {
        try await db.execute("DELETE FROM cache_index WHERE tenant_id = $1 AND cache_key = $2", [tenantID, key])
    }

    /// Deletes the rows under a key prefix (the caller has checked it is one of the tenant's).
    static func delete(prefix: String, tenantID: String, on db: some PostgresExecutor) async throws -> Int {
        let pattern = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        return try await db.execute("DELETE FROM cache_index WHERE tenant_id = $1 AND cache_key LIKE $2", [tenantID, pattern])
    }

    /// Live entries per (version, step), with bytes, hits and the TTL distribution.
    static func entries(tenantID: String, workflowVersionID: UUID?, stepID: String?, on db: some PostgresExecutor) async throws -> [CacheEntryStatistics] {
        try await db.query("""
            SELECT workflow_version_id, step_id, count(*) AS entries, coalesce(sum(size_bytes), 0) AS bytes,
                   coalesce(sum(hit_count), 0) AS indexed_hits,
                   count(*) FILTER (WHERE ttl_at - created_at <= interval '1 minute') AS ttl_1m,
                   count(*) FILTER (WHERE ttl_at - created_at > interval '1 minute' AND ttl_at - created_at <= interval '1 hour') AS ttl_1h,
                   count(*) FILTER (WHERE ttl_at - created_at > interval '1 hour' AND ttl_at - created_at <= interval '1 day') AS ttl_1d,
                   count(*) FILTER (WHERE ttl_at - created_at > interval '1 day') AS ttl_long
            FROM cache_index
            WHERE tenant_id = $1 AND ttl_at > now()
              AND ($2::uuid IS NULL OR workflow_version_id = $2) AND ($3::text IS NULL OR step_id = $3)
            GROUP BY workflow_version_id, step_id ORDER BY workflow_version_id, step_id
            """, [tenantID, workflowVersionID, stepID]).map { row in
            CacheEntryStatistics(
                workflowVersionID: try row.decode("workflow_version_id"), stepID: try row.decode("step_id"),
                entries: try row.decode("entries"), bytes: try row.decode("bytes"),
                ttlDistribution: [
                    "<=1m": try row.decode("ttl_1m"), "<=1h": try row.decode("ttl_1h"), "<=1d": try row.decode("ttl_1d"),
                    ">1d": try row.decode("ttl_long"),
                ])
        }
    }

    /// Deletes expired rows (their Redis values are gone by TTL).
    static func pruneExpired(on db: some PostgresExecutor) async throws {
        try await db.execute("DELETE FROM cache_index WHERE ttl_at < now() - interval '1 minute'", [])
    }
}

/// Live cache entries of one workflow version's step.
public struct CacheEntryStatistics: Sendable {
    public let workflowVersionID: UUID
    public let stepID: String
    public let entries: Int
    public let bytes: Int
    /// Entries by TTL bucket: `<=1m`, `<=1h`, `<=1d`, `>1d`.
    public let ttlDistribution: [String: Int]
}
