/// Deployment-wide limits and breaker tuning for sub-workflows (`EngineRuntime.Configuration.subworkflows`).
public struct SubworkflowSettings: Sendable, Hashable {
    /// The deepest nesting allowed: a root execution has depth 0, its children 1, and so on.
    /// Checked at publish (over the pinned edges) and again when a child starts.
    public var maxDepth: Int
    /// The most children one `forEach` may start; a workflow's `policy.maxFanOut` can only lower it.
    public var maxFanOut: Int
    /// Children of one `forEach` step running at once when the step sets no `concurrency`.
    public var defaultConcurrency: Int
    /// When a child version's breaker opens and how it recovers.
    public var breaker: CircuitBreakerSettings

    /// Defaults: depth 8, fan-out 1,000, 10 children at a time.
    public init(maxDepth: Int = 8, maxFanOut: Int = 1_000, defaultConcurrency: Int = 10, breaker: CircuitBreakerSettings = CircuitBreakerSettings()) {
        self.maxDepth = maxDepth
        self.maxFanOut = maxFanOut
        self.defaultConcurrency = defaultConcurrency
        self.breaker = breaker
    }
}

/// A circuit breaker per (tenant, child workflow version): once at least `minimumCalls` children
/// ended within `windowSeconds` and the share that failed reaches `failureRatio`, the breaker
/// opens and new invocations fail fast for `cooldownSeconds`; then one probe is let through
/// (half-open), and its success closes the breaker while its failure opens it again.
public struct CircuitBreakerSettings: Sendable, Hashable {
    /// Failed share of ended children (0…1) that opens the breaker.
    public var failureRatio: Double
    /// Ended children in the window before the ratio counts.
    public var minimumCalls: Int
    /// Length of the counting window.
    public var windowSeconds: Double
    /// How long an open breaker fails invocations before letting a probe through.
    public var cooldownSeconds: Double

    /// Defaults: half of at least 5 calls within 60 s opens it for 30 s.
    public init(failureRatio: Double = 0.5, minimumCalls: Int = 5, windowSeconds: Double = 60, cooldownSeconds: Double = 30) {
        self.failureRatio = failureRatio
        self.minimumCalls = minimumCalls
        self.windowSeconds = windowSeconds
        self.cooldownSeconds = cooldownSeconds
    }
}
