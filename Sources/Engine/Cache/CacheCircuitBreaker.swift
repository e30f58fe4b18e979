import Foundation
import Synchronization

/// Keeps a slow or failing Redis from slowing executions: after `threshold` consecutive
/// failures the breaker opens and cache calls are skipped (bypassed) for `cooldown`; then one
/// call is let through as a probe, and its success closes the breaker again.
final class CacheCircuitBreaker: Sendable {
    enum Position: String, Sendable { case closed, open, halfOpen = "half-open" }

    private struct State {
        var failures = 0
        var openedAt: ContinuousClock.Instant?
        var probing = false
    }

    let threshold: Int
    let cooldown: Duration
    private let state = Mutex(State())

    init(threshold: Int = 3, cooldown: Duration = .seconds(10)) {
        self.threshold = threshold
        self.cooldown = cooldown
    }

    /// Whether a call may go to Redis now (and, when half-open, claims the one probe).
    func allows() -> Bool {
        state.withLock { state in
            guard let openedAt = state.openedAt else { return true }
            guard openedAt.duration(to: .now) >= cooldown, !state.probing else { return false }
            state.probing = true
            return true
        }
    }

    func succeeded() {
        state.withLock { $0 = State() }
    }

    func failed() {
        state.withLock { state in
            state.failures += 1
            state.probing = false
            if state.failures >= threshold || state.openedAt != nil { state.openedAt = .now }
        }
    }

    var position: Position {
        state.withLock { state in
            guard let openedAt = state.openedAt else { return .closed }
            return openedAt.duration(to: .now) >= cooldown ? .halfOpen : .open
        }
    }
}
