import Foundation
import Postgres

/// Tenants' tiers and limits, read from Postgres and cached for ``cacheSeconds`` per process, so
/// an admin's change applies everywhere within that time without a restart (and at once in the
/// process that made it).
public actor TenantDirectory {
    /// How long a tenant's limits are reused before they are read again.
    public static let cacheSeconds = 2.0

    private let postgres: PostgresClient
    private var cached: [String: (limits: TenantLimits, until: ContinuousClock.Instant)] = [:]

    init(postgres: PostgresClient) {
        self.postgres = postgres
    }

    /// The limits in force for `tenantID` (the default tier's for a tenant not seen yet).
    public func limits(for tenantID: String) async throws -> TenantLimits {
        try await limits(for: tenantID, on: postgres)
    }

    /// The same, read through `db` on a cache miss: a caller inside a transaction must not borrow
    /// a second pooled connection while it holds locks (a busy pool could deadlock).
    func limits(for tenantID: String, on db: some PostgresExecutor) async throws -> TenantLimits {
        let now = ContinuousClock.now
        if let entry = cached[tenantID], entry.until > now { return entry.limits }
        let limits: TenantLimits
        if let found = try await TenantQueries.limits(tenantID: tenantID, on: db) {
            limits = found
        } else if let standard = try await TenantQueries.tier(named: "standard", on: db) {
            limits = standard
        } else {
            throw EngineError(.invalidState, "The default tier \"standard\" is missing from tenant_tiers.")
        }
        cached[tenantID] = (limits, now + .seconds(Self.cacheSeconds))
        return limits
    }

    /// The tenant's ready tasks, counted up to `limit`.
    public func queueDepth(tenantID: String, limit: Int) async throws -> Int {
        try await TenantQueries.queueDepth(tenantID: tenantID, limit: limit, on: postgres)
    }

    /// Every tier, lowest weight first.
    public func tiers() async throws -> [TenantLimits] {
        try await TenantQueries.tiers(on: postgres)
    }

    /// Moves `tenantID` to the existing tier `tier`; returns its new limits.
    public func setTier(tenantID: String, tier: String) async throws -> TenantLimits {
        guard try await TenantQueries.tier(named: tier, on: postgres) != nil else {
            let names = try await TenantQueries.tiers(on: postgres).map(\.tier).joined(separator: ", ")
            throw EngineError(.invalidInput, "There is no tier \"\(tier)\"; the tiers are \(names).")
        }
        try await TenantQueries.setTier(tenantID: tenantID, tier: tier, on: postgres)
        cached[tenantID] = nil
        return try await limits(for: tenantID)
    }

    /// Changes some limits of the tier `name`, keeping the others; a new tier starts from
    /// `standard`'s limits. Returns the tier as stored.
    public func updateTier(named name: String, _ change: @Sendable (inout TenantLimits) -> Void) async throws -> TenantLimits {
        var found = try await TenantQueries.tier(named: name, on: postgres)
        if found == nil { found = try await TenantQueries.tier(named: "standard", on: postgres) }
        guard var limits = found else {
            throw EngineError(.invalidState, "The default tier \"standard\" is missing from tenant_tiers.")
        }
        limits.tier = name
        change(&limits)
        return try await updateTier(limits)
    }

    /// Creates or replaces a tier's limits; tenants on it get them within ``cacheSeconds``.
    public func updateTier(_ limits: TenantLimits) async throws -> TenantLimits {
        let problems = limits.problems
        guard problems.isEmpty else { throw EngineError(.invalidInput, "The tier's limits are invalid.", details: problems) }
        try await TenantQueries.upsert(limits, on: postgres)
        cached = cached.filter { $0.value.limits.tier != limits.tier }
        return limits
    }
}
