import Foundation

/// One step of a workflow (an element of `"steps"`).
public struct StepDefinition: Sendable, Hashable {
    /// Unique within the workflow; referenced by `needs` and `{{steps.<id>.output}}`.
    public var id: String
    /// What the step does.
    public var type: StepType
    /// Ids of steps that must complete first, in declaration order.
    public var needs: [String]
    /// Retry policy; nil means a single attempt.
    public var retry: RetryPolicy?
    /// Bound on the whole step, all attempts included.
    public var timeout: ISO8601Duration?
    /// What undoes the step during a saga compensation.
    public var compensate: CompensationDefinition?
    /// The saga scope (transaction name) the step belongs to.
    public var transaction: String?
    /// Output caching (deterministic steps only).
    public var cache: CachePolicy?
    /// Runs the step once per element of the array this single-reference template yields.
    public var forEach: Template?
    /// With `forEach`: elements running at once; nil means the deployment's default.
    public var concurrency: Int?

    /// Creates a step.
    public init(
        id: String, type: StepType, needs: [String] = [], retry: RetryPolicy? = nil, timeout: ISO8601Duration? = nil,
        compensate: CompensationDefinition? = nil, transaction: String? = nil, cache: CachePolicy? = nil, forEach: Template? = nil,
        concurrency: Int? = nil
    ) {
        self.concurrency = concurrency
        self.id = id
        self.type = type
        self.needs = needs
        self.retry = retry
        self.timeout = timeout
        self.compensate = compensate
        self.transaction = transaction
        self.cache = cache
        self.forEach = forEach
    }
}

/// `"retry"`: how often and how far apart a failing step is re-attempted.
public struct RetryPolicy: Sendable, Hashable {
    /// Exponential back-off between attempts: `initial × multiplier^(n-1)`, capped at `max`.
    public struct Backoff: Sendable, Hashable {
        /// The delay before the second attempt.
        public var initial: ISO8601Duration
        /// The longest delay.
        public var max: ISO8601Duration
        /// The growth factor per attempt (at least 1).
        public var multiplier: Double

        /// Defaults: 1 s, doubling, at most 1 min.
        public static let standard = Backoff(
            initial: ISO8601Duration(seconds: 1), max: ISO8601Duration(seconds: 60), multiplier: 2)

        /// The delay before attempt `attempt + 1` (attempt counts from 1), before jitter.
        public func delay(afterAttempt attempt: Int) -> Double {
            let exponent = Double(Swift.max(0, attempt - 1))
            return Swift.min(max.seconds, initial.seconds * Foundation.pow(multiplier, exponent))
        }
    }

    /// Total attempts including the first (1 means no retry).
    public var attempts: Int
    /// Delays between attempts.
    public var backoff: Backoff
    /// When true, each delay is drawn uniformly from `0…delay` ("full jitter"), so retries of
    /// many executions do not arrive in lock-step.
    public var jitter: Bool
}

/// `"cache"`: how long a deterministic step's output may be reused.
public struct CachePolicy: Sendable, Hashable {
    /// How long a cached output stays valid.
    public var ttl: ISO8601Duration
}

/// `"compensate"`: a step body (type, settings, retry, timeout) without id or `needs`; it runs
/// when its step is undone and may reference that step's own output.
public struct CompensationDefinition: Sendable, Hashable {
    /// What the handler does.
    public var type: StepType
    /// Retry policy of the handler; nil means a single attempt.
    public var retry: RetryPolicy?
    /// Bound on the handler, all attempts included.
    public var timeout: ISO8601Duration?
}

extension StepDefinition {
    /// Whether the step may run fused into the transaction of the step that made it ready: a
    /// plain `transform` (pure, no retries to wait for, no per-item iterations).
    var isFusable: Bool {
        guard case .transform = type else { return false }
        return forEach == nil && compensate == nil
    }
}
