import ArgumentParser
import Engine
import Foundation
import Logging
import Postgres
import ServiceLifecycle

/// `mc worker`: runs workflow steps, without the HTTP server. Any number of worker processes can
/// share one database: tasks are claimed with SKIP LOCKED under leases.
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run workers that execute workflow steps (no HTTP server).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var workers: WorkerOptions

    func run() async throws {
        let logger = Logging.makeLogger()
        // Settings are checked before anything connects: a bad setting ends the process with one
        // line and exit status 1, with no connections or listener threads to unwind.
        let engineConfiguration = try workers.engineConfiguration()
        guard let database = connection.database else {
            throw StartupError("No database configured: set MAESTRO_DATABASE_URL or pass --database-url.")
        }
        let postgres = try await connection.connectPostgres(database, applicationName: "mc-worker")
        try await DatabaseMigrations.apply(postgres, settingName: database.name, logger: logger)
        let listener = try PostgresListener(configuration: postgres.configuration)
        // Redis holds the step-result cache; without it, cached steps simply run every time.
        let redis = try connection.redis.map { try connection.makeRedis($0) }
        if redis == nil { logger.warning("No Redis configured (MAESTRO_REDIS_URL): cached steps run uncached.") }
        let engine = EngineRuntime(postgres: postgres, configuration: engineConfiguration, redis: redis)
        logger.info("Worker running \(engine.configuration.workerConcurrency) steps at a time.")
        let group = ServiceGroup(configuration: .init(
            services: [engine.worker(listener: listener, logger: logger)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        listener.shutdown()
        await redis?.shutdown()
        await postgres.shutdown()
        logger.info("Worker stopped cleanly.")
    }
}

/// Worker settings shared by `mc worker` and `mc serve`.
struct WorkerOptions: ParsableArguments {
    @Option(help: "Steps run at once by this process (env MAESTRO_WORKER_CONCURRENCY).")
    var workerConcurrency: Int?

    @Option(help: "Seconds a claimed step is leased before another worker may take it over (env MAESTRO_LEASE_SECONDS).")
    var leaseSeconds: Double?

    func engineConfiguration() throws -> EngineRuntime.Configuration {
        var configuration = EngineRuntime.Configuration()
        configuration.workerConcurrency = try workerConcurrency ?? Environment.integer("MAESTRO_WORKER_CONCURRENCY") ?? configuration.workerConcurrency
        guard configuration.workerConcurrency > 0 else { throw StartupError("--worker-concurrency must be at least 1.") }
        if let lease = leaseSeconds ?? Environment.value("MAESTRO_LEASE_SECONDS").flatMap(Double.init) {
            guard lease >= 1 else { throw StartupError("--lease-seconds must be at least 1.") }
            configuration.leaseSeconds = lease
        }
        if let directory = Environment.value("MAESTRO_SECRETS_DIR") {
            configuration.secrets = FileSecretProvider(directory: URL(fileURLWithPath: directory))
        }
        configuration.dataSources = try Self.dataSources()
        return configuration
    }
}

extension WorkerOptions {
    /// Named read-only data sources for `sql` steps: `MAESTRO_DATA_SOURCES` holds a JSON object
    /// of name → Postgres connection string. Steps run their queries in read-only transactions;
    /// a read-only database role is still the right thing to configure.
    static func dataSources() throws -> [String: PostgresClient] {
        guard let text = Environment.value("MAESTRO_DATA_SOURCES") else { return [:] }
        guard case .object(let object)? = try? JSONValue.parse(text) else {
            throw StartupError("MAESTRO_DATA_SOURCES must be a JSON object of name to connection string, e.g. {\"catalog\": \"postgresql://...\"}.")
        }
        var sources: [String: PostgresClient] = [:]
        for (name, value) in object {
            guard case .string(let url) = value else { throw StartupError("MAESTRO_DATA_SOURCES: \"\(name)\" must be a connection string.") }
            do {
                sources[name] = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 5, applicationName: "maestro-sql-\(name)"))
            } catch let error as PostgresError {
                throw StartupError("MAESTRO_DATA_SOURCES: \"\(name)\" is not a valid connection string: \(error.message)")
            }
        }
        return sources
    }
}

extension DatabaseMigrations {
    /// Applies pending migrations at start-up, ending the process with one line on failure.
    static func apply(_ postgres: PostgresClient, settingName: String, logger: Logger) async throws {
        do {
            for migration in try await runner().apply(using: postgres) { logger.info("Applied migration \(migration.name)") }
        } catch let error as PostgresError {
            await postgres.shutdown()
            throw StartupError("Could not apply migrations to the database given by \(settingName): \(error.message)")
        }
    }
}

enum Logging {
    static func makeLogger() -> Logger {
        var logger = Logger(label: "maestro")
        logger.logLevel = Environment.value("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }
}
