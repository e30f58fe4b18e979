import ArgumentParser
import Foundation
import Postgres
import Redis

/// Where the database and Redis are: flags first, then `MAESTRO_DATABASE_URL` / `MAESTRO_REDIS_URL`.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL connection string (env MAESTRO_DATABASE_URL). Multi-host strings with target_session_attrs=read-write follow a failover.")
    var databaseURL: String?

    @Option(name: .customLong("redis-url"), help: "Redis URL, redis://[:password@]host:port/db (env MAESTRO_REDIS_URL).")
    var redisURL: String?

    @Option(help: "Maximum Postgres connections in this process (env MAESTRO_DATABASE_POOL_SIZE).")
    var databasePoolSize: Int?

    /// A value and the name of the setting it came from, for error messages.
    struct Setting {
        let value: String
        let name: String
    }

    var database: Setting? {
        if let databaseURL { return Setting(value: databaseURL, name: "--database-url") }
        return Environment.value("MAESTRO_DATABASE_URL").map { Setting(value: $0, name: "MAESTRO_DATABASE_URL") }
    }

    var redis: Setting? {
        if let redisURL { return Setting(value: redisURL, name: "--redis-url") }
        return Environment.value("MAESTRO_REDIS_URL").map { Setting(value: $0, name: "MAESTRO_REDIS_URL") }
    }

    /// Builds the Postgres client and proves it can reach a server, or fails with one line
    /// naming the setting.
    func connectPostgres(_ setting: Setting, applicationName: String) async throws -> PostgresClient {
        let poolSize = try databasePoolSize ?? Environment.integer("MAESTRO_DATABASE_POOL_SIZE") ?? 20
        let configuration = PostgresConfiguration(connectionString: setting.value, maxConnections: poolSize, applicationName: applicationName)
        let client: PostgresClient
        do {
            client = try PostgresClient(configuration: configuration)
        } catch let error as PostgresError {
            throw StartupError("\(setting.name) is not a valid connection string: \(error.message)")
        }
        do {
            _ = try await client.query("SELECT 1")
        } catch let error as PostgresError {
            await client.shutdown()
            throw StartupError("Cannot use the database given by \(setting.name) (\(Redact.connectionString(setting.value))): \(error.message)")
        }
        return client
    }

    /// Builds the Redis client. An unreachable Redis is not fatal (the cache is bypassed and rate
    /// limits fall back to per-process buckets), but a malformed URL is.
    func makeRedis(_ setting: Setting) throws -> RedisClient {
        do {
            return RedisClient(configuration: try RedisConfiguration(url: setting.value))
        } catch let error as RedisError {
            throw StartupError("\(setting.name) is invalid: \(error.message)")
        }
    }
}

/// Reads settings from the environment.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    static func integer(_ name: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text) else { throw StartupError("\(name)=\"\(text)\" is not a whole number.") }
        return number
    }
}

/// Hides passwords before connection strings reach a terminal or a log.
enum Redact {
    static func connectionString(_ value: String) -> String {
        // URL form: scheme://user:password@host
        if let scheme = value.range(of: "://"), let at = value[scheme.upperBound...].firstIndex(of: "@") {
            let credentials = value[scheme.upperBound..<at]
            if let colon = credentials.firstIndex(of: ":") {
                return String(value[..<colon]) + ":***" + String(value[at...])
            }
            return value
        }
        // key=value form
        return value.split(separator: " ").map { part in
            part.hasPrefix("password=") ? "password=***" : String(part)
        }.joined(separator: " ")
    }
}
