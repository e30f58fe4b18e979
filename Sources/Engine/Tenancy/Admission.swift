import Foundation
import Metrics
import Synchronization

/// Admission control at the API boundary (issue 9): every request that starts work (starting an
/// execution, invoking a sub-workflow) passes here first, before anything is stored. The input
/// must fit the tenant's payload cap (`PAYLOAD_TOO_LARGE`, HTTP 413, naming the limit) and the
/// tenant's token bucket must have a token (`RATE_LIMITED`, HTTP 429 with `Retry-After` = the real
/// refill time). Work the engine starts itself (sub-workflow children, retries) is bounded by the
/// fan-out, depth and concurrency limits instead.
public struct Admission: Sendable {
    let tenants: TenantDirectory
    let buckets: TokenBuckets
    /// Each tenant's queue depth, counted at most every `depthCacheSeconds` per process: a flood
    /// of requests costs one bounded count, not one per request.
    let depths = QueueDepthCache()
    static let depthCacheSeconds = 0.5

    /// Admits one request of `tenantID` carrying `input` in priority class `priority`, or throws
    /// the refusal. Under pressure the classes are shed in order, `batch` first and `critical`
    /// last: `batch` needs half the token bucket left and a queue under half the tier's
    /// `maxQueueDepth`; `standard` any token and a queue under 80 %; `critical` any token and a
    /// queue under the cap.
    public func admit(tenantID: String, input: JSONValue, priority: TaskPriority = .standard) async throws {
        let limits = try await tenants.limits(for: tenantID)
        let size = input.serialized().utf8.count
        guard size <= limits.maxPayloadBytes else {
            Counter(label: "maestro_admissions_rejected_total", dimensions: [("tenant", tenantID), ("reason", "payload")]).increment()
            throw EngineError(
                .payloadTooLarge, "The input is \(size) bytes; the \(limits.tier) tier admits at most \(limits.maxPayloadBytes) bytes. Nothing was stored.",
                details: ["limit: maxPayloadBytes = \(limits.maxPayloadBytes)"])
        }
        let (reserve, depthShare) = Self.shedding[priority] ?? (0, 1)
        let depthLimit = max(1, Int((Double(limits.maxQueueDepth) * depthShare).rounded(.down)))
        let depth = try await depths.depth(of: tenantID, maxAge: Self.depthCacheSeconds) {
            try await tenants.queueDepth(tenantID: tenantID, limit: limits.maxQueueDepth)
        }
        guard depth < depthLimit else {
            Counter(label: "maestro_admissions_rejected_total", dimensions: [("tenant", tenantID), ("reason", "shed")]).increment()
            throw EngineError(
                .rateLimited,
                "Shed: \(depth) tasks of this tenant are queued, and \(Self.name(priority)) work is admitted below \(depthLimit) (the \(limits.tier) tier's maxQueueDepth is \(limits.maxQueueDepth)); try again in 2 s.",
                retryAfterSeconds: 2)
        }
        if case .denied(let wait) = await buckets.take("\(tenantID)", rate: limits.ratePerSecond, burst: limits.burst, reserve: reserve) {
            Counter(label: "maestro_admissions_rejected_total", dimensions: [("tenant", tenantID), ("reason", "rate")]).increment()
            let seconds = max(1, Int(wait.rounded(.up)))
            throw EngineError(
                .rateLimited,
                "The \(limits.tier) tier admits \(Self.text(limits.ratePerSecond)) executions per second (bursts of \(limits.burst)); \(Self.name(priority)) work is refused first under pressure; try again in \(seconds) s.",
                retryAfterSeconds: seconds)
        }
    }

    /// Per class: the share of the bucket that must remain, and the share of maxQueueDepth below
    /// which the queue must be.
    static let shedding: [TaskPriority: (reserve: Double, depth: Double)] = [.critical: (0, 1), .standard: (0, 0.8), .batch: (0.5, 0.5)]

    private static func name(_ priority: TaskPriority) -> String {
        switch priority {
        case .critical: return "critical"
        case .standard: return "standard"
        case .batch: return "batch"
        }
    }

    private static func text(_ rate: Double) -> String {
        rate == rate.rounded() && abs(rate) < 1e15 ? String(Int64(rate)) : String(rate)
    }
}

/// Recently counted queue depths by tenant.
final class QueueDepthCache: Sendable {
    private let entries = Mutex<[String: (depth: Int, at: ContinuousClock.Instant)]>([:])

    func depth(of tenantID: String, maxAge: Double, count: () async throws -> Int) async throws -> Int {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[tenantID] }), now - entry.at < .seconds(maxAge) { return entry.depth }
        let depth = try await count()
        entries.withLock { $0[tenantID] = (depth, now) }
        return depth
    }
}
