/// The limits a tenant's tier grants (`tenant_tiers`, issue 9). Tiers are edited by admins
/// through the API or `mc tenants`; changes apply within ``TenantDirectory/cacheSeconds``.
public struct TenantLimits: Sendable, Hashable {
    /// The tier's name (`free`, `standard`, `enterprise`, or one an admin created).
    public var tier: String
    /// Share of worker time under contention.
    public var weight: Int
    /// Largest execution input admitted, in bytes of JSON.
    public var maxPayloadBytes: Int
    /// Most steps one published workflow may have.
    public var maxStepsPerWorkflow: Int
    /// Most children one `forEach` may start.
    public var maxFanOut: Int
    /// Deepest sub-workflow nesting.
    public var maxDepth: Int
    /// Steps of the tenant running at once.
    public var maxConcurrentSteps: Int
    /// Admissions (starting or invoking executions) refilled per second.
    public var ratePerSecond: Double
    /// Admissions that can be spent at once.
    public var burst: Int
    /// Ready tasks the tenant may have queued; past half of it `batch` work is shed, past 80 %
    /// `standard`, at the cap `critical` too.
    public var maxQueueDepth: Int

    /// Creates limits.
    public init(
        tier: String, weight: Int, maxPayloadBytes: Int, maxStepsPerWorkflow: Int, maxFanOut: Int, maxDepth: Int,
        maxConcurrentSteps: Int, ratePerSecond: Double, burst: Int, maxQueueDepth: Int = 10_000
    ) {
        self.maxQueueDepth = maxQueueDepth
        self.tier = tier
        self.weight = weight
        self.maxPayloadBytes = maxPayloadBytes
        self.maxStepsPerWorkflow = maxStepsPerWorkflow
        self.maxFanOut = maxFanOut
        self.maxDepth = maxDepth
        self.maxConcurrentSteps = maxConcurrentSteps
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }

    /// The problems with these values, if any (every limit must be positive).
    var problems: [String] {
        var problems: [String] = []
        if tier.isEmpty || tier.count > 64 { problems.append("the tier name must have 1 to 64 characters") }
        for (name, value) in [("weight", weight), ("maxPayloadBytes", maxPayloadBytes), ("maxStepsPerWorkflow", maxStepsPerWorkflow),
                              ("maxFanOut", maxFanOut), ("maxDepth", maxDepth), ("maxConcurrentSteps", maxConcurrentSteps), ("burst", burst),
                              ("maxQueueDepth", maxQueueDepth)]
        where value < 1 {
            problems.append("\(name) must be at least 1 (got \(value))")
        }
        if !(ratePerSecond > 0) || !ratePerSecond.isFinite { problems.append("ratePerSecond must be a positive number (got \(ratePerSecond))") }
        return problems
    }
}
