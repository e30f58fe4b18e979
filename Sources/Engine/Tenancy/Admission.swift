import Foundation
import Metrics

/// Admission control at the API boundary (issue 9): every request that starts work (starting an
/// execution, invoking a sub-workflow) passes here first, before anything is stored. The input
/// must fit the tenant's payload cap (`PAYLOAD_TOO_LARGE`, HTTP 413, naming the limit) and the
/// tenant's token bucket must have a token (`RATE_LIMITED`, HTTP 429 with `Retry-After` = the real
/// refill time). Work the engine starts itself (sub-workflow children, retries) is bounded by the
/// fan-out, depth and concurrency limits instead.
public struct Admission: Sendable {
    let tenants: TenantDirectory
    let buckets: TokenBuckets

    /// Admits one request of `tenantID` carrying `input`, or throws the refusal.
    public func admit(tenantID: String, input: JSONValue) async throws {
        let limits = try await tenants.limits(for: tenantID)
        let size = input.serialized().utf8.count
        guard size <= limits.maxPayloadBytes else {
            Counter(label: "maestro_admissions_rejected_total", dimensions: [("tenant", tenantID), ("reason", "payload")]).increment()
            throw EngineError(
                .payloadTooLarge, "The input is \(size) bytes; the \(limits.tier) tier admits at most \(limits.maxPayloadBytes) bytes. Nothing was stored.",
                details: ["limit: maxPayloadBytes = \(limits.maxPayloadBytes)"])
        }
        if case .denied(let wait) = await buckets.take("\(tenantID):standard", rate: limits.ratePerSecond, burst: limits.burst) {
            Counter(label: "maestro_admissions_rejected_total", dimensions: [("tenant", tenantID), ("reason", "rate")]).increment()
            let seconds = max(1, Int(wait.rounded(.up)))
            throw EngineError(
                .rateLimited,
                "The \(limits.tier) tier admits \(Self.text(limits.ratePerSecond)) executions per second (bursts of \(limits.burst)); try again in \(seconds) s.",
                retryAfterSeconds: seconds)
        }
    }

    private static func text(_ rate: Double) -> String {
        rate == rate.rounded() && abs(rate) < 1e15 ? String(Int64(rate)) : String(rate)
    }
}
