import Foundation
import Postgres
import Redis

/// Hit/miss analytics of one tenant's cache, overall and per workflow version and step.
public struct CacheMetricsReport: Sendable {
    public struct Step: Sendable {
        public let workflowVersionID: UUID
        public let stepID: String
        public let hits: Int
        public let misses: Int
        public let entries: Int
        public let bytes: Int
        public let ttlDistribution: [String: Int]
        public var hitRatio: Double { hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses) }
    }

    public let steps: [Step]
    /// Keys Redis evicted under memory pressure (server-wide: Redis counts evictions per
    /// server, not per key prefix).
    public let evictions: Int

    public var hits: Int { steps.reduce(0) { $0 + $1.hits } }
    public var misses: Int { steps.reduce(0) { $0 + $1.misses } }
    public var entries: Int { steps.reduce(0) { $0 + $1.entries } }
    public var bytes: Int { steps.reduce(0) { $0 + $1.bytes } }
    public var hitRatio: Double { hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses) }
    public var ttlDistribution: [String: Int] {
        steps.reduce(into: [:]) { total, step in for (bucket, count) in step.ttlDistribution { total[bucket, default: 0] += count } }
    }
}

/// A cache key or prefix an administrator asked to drop is malformed or not the caller's.
public struct CacheInvalidationError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension StepResultCache {
    /// The tenant's analytics, optionally narrowed to one workflow version and/or step.
    public func metrics(tenantID: String, workflowVersionID: UUID? = nil, stepID: String? = nil) async throws -> CacheMetricsReport {
        let counters = try await redis.send("HGETALL", "mc:cache:stats:\(CacheKey.escape(tenantID))").array ?? []
        var counts: [String: (hits: Int, misses: Int)] = [:]
        var index = 0
        while index + 1 < counters.count {
            defer { index += 2 }
            guard let field = counters[index].string, let value = counters[index + 1].string.flatMap(Int.init) else { continue }
            let parts = field.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { continue }
            let scope = parts[0] + "|" + (parts[1].removingPercentEncoding ?? parts[1])
            if parts[2] == "hits" { counts[scope, default: (0, 0)].hits += value } else { counts[scope, default: (0, 0)].misses += value }
        }
        let entries = try await CacheIndexQueries.entries(tenantID: tenantID, workflowVersionID: workflowVersionID, stepID: stepID, on: postgres)
        var byScope: [String: CacheEntryStatistics] = [:]
        for entry in entries { byScope[entry.workflowVersionID.uuidString.lowercased() + "|" + entry.stepID] = entry }
        var steps: [CacheMetricsReport.Step] = []
        for scope in Set(counts.keys).union(byScope.keys).sorted() {
            let parts = scope.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2, let version = UUID(uuidString: parts[0]) else { continue }
            if let workflowVersionID, version != workflowVersionID { continue }
            if let stepID, parts[1] != stepID { continue }
            let entry = byScope[scope]
            steps.append(.init(
                workflowVersionID: version, stepID: parts[1], hits: counts[scope]?.hits ?? 0, misses: counts[scope]?.misses ?? 0,
                entries: entry?.entries ?? 0, bytes: entry?.bytes ?? 0, ttlDistribution: entry?.ttlDistribution ?? [:]))
        }
        return CacheMetricsReport(steps: steps, evictions: try await evictedKeys())
    }

    /// Keys Redis has evicted under memory pressure since it started (server-wide).
    func evictedKeys() async throws -> Int {
        let info = try await redis.send("INFO", "stats").string ?? ""
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("evicted_keys:") {
            return Int(line.dropFirst("evicted_keys:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }

    /// Drops one entry by its exact key; returns how many entries were dropped (0 or 1).
    public func invalidate(tenantID: String, key: String) async throws -> Int {
        // Key components are escaped (`:` → %3A), so a key has exactly four parts.
        let parts = key.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == CacheKey.escape(tenantID), UUID(uuidString: parts[1]) != nil else {
            throw CacheInvalidationError(description: "\"\(key)\" is not one of your cache keys ({tenant}:{workflowVersionId}:{stepId}:{hash}).")
        }
        // Keys spell the version in lower case; accept either spelling from the caller.
        let key = [parts[0], parts[1].lowercased(), parts[2], parts[3]].joined(separator: ":")
        let removed = try await redis.run(CacheScripts.invalidateKey, arguments: [parts[0], parts[1].lowercased(), parts[2], key]).integer ?? 0
        let indexed = try await CacheIndexQueries.delete(key: key, tenantID: tenantID, on: postgres)
        return max(Int(removed), indexed)
    }

    /// Drops every entry under a prefix that ends at a key boundary: `{tenant}`,
    /// `{tenant}:{workflowVersionId}` or `{tenant}:{workflowVersionId}:{stepId}` (a trailing `:`
    /// is allowed). O(1) in Redis: the prefix's generation counter moves on. Returns how many
    /// indexed entries it dropped.
    public func invalidate(tenantID: String, prefix: String) async throws -> Int {
        var rest = prefix
        while rest.hasSuffix(":") { rest.removeLast() }
        let tenant = CacheKey.escape(tenantID)
        guard rest == tenant || rest.hasPrefix(tenant + ":") else {
            throw CacheInvalidationError(description: "The prefix \"\(prefix)\" is not within your tenant's keys (\"\(tenant):...\").")
        }
        let below = rest == tenant ? [] : rest.dropFirst(tenant.count + 1).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard below.count <= 2, below.first.map({ UUID(uuidString: $0) != nil }) ?? true, below.allSatisfy({ !$0.isEmpty }) else {
            throw CacheInvalidationError(description: "A prefix ends at a key boundary: {tenant}, {tenant}:{workflowVersionId} or {tenant}:{workflowVersionId}:{stepId}.")
        }
        // The scope in the key's own spelling (versions are lower-case UUIDs).
        let scope = ([tenant] + below.enumerated().map { $0.offset == 0 ? $0.element.lowercased() : $0.element }).joined(separator: ":")
        _ = try await redis.send("INCR", "mc:cache:gen:" + scope)
        let normalised = scope + ":"
        return try await CacheIndexQueries.delete(prefix: normalised, tenantID: tenantID, on: postgres)
    }
}
