import ArgumentParser
import Engine
import Postgres

/// `mc migrate`: applies pending migrations and reports what it did.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations (additive only, under an advisory lock).")

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Only list applied and pending migrations.")
    var status = false

    func run() async throws {
        guard let setting = connection.database else {
            throw StartupError("No database configured: set MAESTRO_DATABASE_URL or pass --database-url.")
        }
        let postgres = try await connection.connectPostgres(setting, applicationName: "mc-migrate")
        do {
            try await report(postgres)
        } catch {
            await postgres.shutdown()
            throw error
        }
        await postgres.shutdown()
    }

    private func report(_ postgres: PostgresClient) async throws {
        let runner = try DatabaseMigrations.runner()
        if status {
            let applied = Set(try await MigrationRunner.appliedVersions(using: postgres))
            for migration in runner.migrations {
                print("\(applied.contains(migration.version) ? "applied" : "pending")  \(migration.name)")
            }
            return
        }
        let applied = try await runner.apply(using: postgres)
        if applied.isEmpty {
            print("Database schema is up to date (version \(runner.latestVersion)).")
        } else {
            for migration in applied { print("applied  \(migration.name)") }
            print("Database schema is now at version \(runner.latestVersion).")
        }
    }
}
