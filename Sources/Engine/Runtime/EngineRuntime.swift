import Foundation
import Logging
import Postgres
import Redis

/// The engine assembled for a process: publishing, executions, and the workers that run steps.
/// `mc serve` and `mc worker` build one; tests do too.
public struct EngineRuntime: Sendable {
    public struct Configuration: Sendable {
        /// Values templates read as `{{env.NAME}}`: by default every `MAESTRO_ENV_NAME` variable of
        /// the process (other variables, such as database URLs, stay private).
        public var environment: [String: String]
        /// Where `{{secret:...}}` references are resolved.
        public var secrets: any SecretProvider
        /// Named read-only data sources for `sql` steps.
        public var dataSources: [String: PostgresClient]
        public var workerConcurrency: Int
        public var leaseSeconds: Double
        public var pollInterval: Duration
        /// How often each worker returns tasks with expired leases to the queue.
        public var rescueInterval: Duration = .seconds(5)
        /// Nesting, fan-out and circuit-breaker limits of sub-workflows.
        public var subworkflows = SubworkflowSettings()

        public init(
            environment: [String: String] = Configuration.templateEnvironment(), secrets: any SecretProvider = EnvironmentSecretProvider(),
            dataSources: [String: PostgresClient] = [:], workerConcurrency: Int = 20, leaseSeconds: Double = 30, pollInterval: Duration = .seconds(1)
        ) {
            self.environment = environment
            self.secrets = secrets
            self.dataSources = dataSources
            self.workerConcurrency = workerConcurrency
            self.leaseSeconds = leaseSeconds
            self.pollInterval = pollInterval
        }

        /// `MAESTRO_ENV_PRICING_URL=...` becomes `{{env.PRICING_URL}}`.
        public static func templateEnvironment(_ process: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
            var values: [String: String] = [:]
            for (key, value) in process where key.hasPrefix("MAESTRO_ENV_") {
                values[String(key.dropFirst("MAESTRO_ENV_".count))] = value
            }
            return values
        }
    }

    public let postgres: PostgresClient
    public let configuration: Configuration
    public let publisher: WorkflowPublisher
    public let executions: Executions
    /// The deterministic step-result cache, when the engine was given Redis.
    public let cache: StepResultCache?
    /// Sub-workflow invocations through the API, pinned edges and circuit breakers.
    public let subworkflows: SubworkflowInvocations
    /// Sagas: compensation plans, manual compensation and its audit.
    public let compensations: Compensations
    /// Tenants' tiers and limits (cached for a few seconds per process).
    public let tenants: TenantDirectory
    /// Payload caps and token buckets for requests that start work.
    public let admission: Admission
    let definitions: DefinitionCache

    /// - Parameter redis: where cached step results live; without it, `cache` settings are
    ///   accepted but every step runs uncached.
    public init(postgres: PostgresClient, configuration: Configuration = Configuration(), redis: RedisClient? = nil) {
        self.postgres = postgres
        self.configuration = configuration
        self.cache = redis.map { StepResultCache(redis: $0, postgres: postgres) }
        let tenants = TenantDirectory(postgres: postgres)
        self.tenants = tenants
        self.admission = Admission(tenants: tenants, buckets: TokenBuckets(redis: redis))
        self.publisher = WorkflowPublisher(postgres: postgres, subworkflows: configuration.subworkflows, tenants: tenants)
        let definitions = DefinitionCache()
        self.definitions = definitions
        self.executions = Executions(postgres: postgres, definitions: definitions, environment: configuration.environment)
        self.compensations = Compensations(postgres: postgres, definitions: definitions)
        self.subworkflows = SubworkflowInvocations(
            postgres: postgres, definitions: definitions, environment: configuration.environment, settings: configuration.subworkflows,
            tenants: tenants)
    }

    /// The handler for `step` tasks.
    public func stepHandler(logger: Logger = Logger(label: "maestro.steps")) -> StepTaskHandler {
        StepTaskHandler(
            postgres: postgres, definitions: definitions, environment: configuration.environment, secrets: configuration.secrets,
            executors: stepExecutors, leaseSeconds: configuration.leaseSeconds, cache: cache, subworkflows: subworkflowCoordinator(logger: logger), logger: logger)
    }

    /// Every task kind the engine enqueues, each with its handler.
    public func taskHandlers(logger: Logger = Logger(label: "maestro.worker")) -> TaskRouter {
        TaskRouter([
            StepTaskPayload.kind: stepHandler(logger: logger),
            ExecutionEnding.endedTaskKind: SubworkflowEndedHandler(
                postgres: postgres, definitions: definitions, coordinator: subworkflowCoordinator(logger: logger), logger: logger),
            Compensations.requestTaskKind: CompensationRequestHandler(postgres: postgres, compensations: compensations, logger: logger),
            Compensations.itemTaskKind: CompensationTaskHandler(
                postgres: postgres, definitions: definitions, environment: configuration.environment, secrets: configuration.secrets,
                executors: stepExecutors, leaseSeconds: configuration.leaseSeconds, logger: logger),
        ])
    }

    /// Executors of the step types that run outside a transaction.
    var stepExecutors: [StepKind: any StepExecutor] {
        [.http: HTTPStepExecutor(), .sql: SQLStepExecutor(dataSources: configuration.dataSources)]
    }

    func subworkflowCoordinator(logger: Logger) -> SubworkflowCoordinator {
        SubworkflowCoordinator(
            definitions: definitions, environment: configuration.environment, settings: configuration.subworkflows, tenants: tenants, logger: logger)
    }

    /// A worker service running steps from the default queue.
    public func worker(listener: PostgresListener?, logger: Logger = Logger(label: "maestro.worker")) -> TaskWorker {
        TaskWorker(
            configuration: .init(
                concurrency: configuration.workerConcurrency, batchSize: min(configuration.workerConcurrency, 20),
                leaseSeconds: configuration.leaseSeconds, pollInterval: configuration.pollInterval,
                rescueInterval: configuration.rescueInterval),
            postgres: postgres, listener: listener, handler: taskHandlers(logger: logger), logger: logger)
    }
}
