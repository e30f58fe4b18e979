import Engine
import Postgres
import Prometheus
import Redis

/// The long-lived parts the HTTP layer uses. Built once by `mc serve` (or by a test) and
/// handed to ``buildApplication(configuration:dependencies:logger:onServerRunning:)``.
public struct ServiceDependencies: Sendable {
    public let postgres: PostgresClient
    public let redis: RedisClient
    public let readiness: ReadinessProbe
    /// Where swift-metrics records go; `/metrics` renders it.
    public let metrics: PrometheusCollectorRegistry
    public let engine: EngineRuntime
    public let authenticator: Authenticator
    /// LISTEN/NOTIFY, which wakes event streams early; nil makes them rely on polling alone.
    public let listener: PostgresListener?

    public init(
        postgres: PostgresClient, redis: RedisClient, readiness: ReadinessProbe, metrics: PrometheusCollectorRegistry,
        engine: EngineRuntime, authenticator: Authenticator, listener: PostgresListener? = nil
    ) {
        self.listener = listener
        self.postgres = postgres
        self.redis = redis
        self.readiness = readiness
        self.metrics = metrics
        self.engine = engine
        self.authenticator = authenticator
    }
}
