import ArgumentParser
import Engine
import Foundation
import Hummingbird
import Logging
import Metrics
import Postgres
import Prometheus
import Redis
import ServiceLifecycle
import Subgraph

/// `mc serve`: the HTTP API (and, once the engine lands, workers) in one process.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the API server.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Address to bind (env MAESTRO_HTTP_HOST).")
    var host: String?

    @Option(help: "Port to bind, 0 for any free port (env MAESTRO_HTTP_PORT).")
    var port: Int?

    @OptionGroup var workers: WorkerOptions

    @Flag(help: "Serve the API only; run steps in separate `mc worker` processes.")
    var noWorkers = false

    @Flag(help: "Development mode: with no database or Redis configured, start the local stack (ops/dev/stack) in ./.data/dev.")
    var dev = false

    func run() async throws {
        let logger = Logging.makeLogger()
        let engineConfiguration = try workers.engineConfiguration()

        var server = ServerConfiguration()
        server.host = host ?? Environment.value("MAESTRO_HTTP_HOST") ?? server.host
        server.port = try port ?? Environment.integer("MAESTRO_HTTP_PORT") ?? server.port
        guard (0...65535).contains(server.port) else {
            throw StartupError("The HTTP port \(server.port) is not a number from 0 to 65535 (--port / MAESTRO_HTTP_PORT).")
        }

        var database = connection.database
        var redisSetting = connection.redis
        if dev && (database == nil || redisSetting == nil) {
            let dataDirectory = Environment.value("MAESTRO_DATA_DIR") ?? FileManager.default.currentDirectoryPath + "/.data/dev"
            let urls = try DevStack.up(dataDirectory: dataDirectory)
            database = database ?? .init(value: urls.database, name: "the local stack's database URL")
            redisSetting = redisSetting ?? .init(value: urls.redis, name: "the local stack's Redis URL")
        }
        guard let database else {
            throw StartupError("No database configured: set MAESTRO_DATABASE_URL, pass --database-url, or use --dev for a local stack.")
        }
        guard let redisSetting else {
            throw StartupError("No Redis configured: set MAESTRO_REDIS_URL, pass --redis-url, or use --dev for a local stack.")
        }

        let auth = try AuthSettings.configuration(dev: dev) { logger.warning("\($0)") }
        let authenticator: Authenticator
        do { authenticator = try await Authenticator.make(auth) } catch {
            throw StartupError("MAESTRO_JWT_SECRET / MAESTRO_JWT_PUBLIC_KEYS: \(error)")
        }

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let redis = try connection.makeRedis(redisSetting)
        let postgres = try await connection.connectPostgres(database, applicationName: "mc-serve")
        try await DatabaseMigrations.apply(postgres, settingName: database.name, logger: logger)
        let runner = try DatabaseMigrations.runner()
        do {
            _ = try await redis.send("PING")
        } catch {
            logger.warning("Redis at \(redis.configuration.host):\(redis.configuration.port) is unreachable (\(error)); the cache is bypassed until it answers.")
        }

        let engine = EngineRuntime(postgres: postgres, configuration: engineConfiguration, redis: redis)
        // Wakes idle workers and SSE event streams as soon as work or events appear.
        let listener = try PostgresListener(configuration: postgres.configuration)
        let dependencies = ServiceDependencies(
            postgres: postgres, redis: redis,
            readiness: ReadinessProbe(postgres: postgres, expectedSchemaVersion: runner.latestVersion),
            metrics: registry, engine: engine, authenticator: authenticator, listener: listener)
        let host = server.host
        let app = try buildApplication(configuration: server, dependencies: dependencies, logger: logger) { port in
            // Written straight to the file descriptor so the line is not stuck in a stdio buffer
            // when stdout is a pipe (scripts and tests wait for it).
            FileHandle.standardOutput.write(Data("Maestro Composer listening on http://\(host):\(port)\n".utf8))
        }
        var services: [any Service] = [app, QueueMetrics(postgres: postgres, logger: logger)]
        if !noWorkers {
            services.append(engine.worker(listener: listener, logger: logger))
        }
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        defer { listener.shutdown() }
        do {
            try await group.run()
        } catch {
            await postgres.shutdown()
            await redis.shutdown()
            throw StartupError("The server stopped: \(error)")
        }
        await postgres.shutdown()
        await redis.shutdown()
        logger.info("Shut down cleanly.")
    }
}
