import ArgumentParser
import Engine
import Foundation
import Postgres

/// `mc executions ...`: operator commands that read the database directly.
struct ExecutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "executions", abstract: "Start, inspect, cancel and verify executions.",
        subcommands: [Start.self, Get.self, Events.self, Cancel.self, Verify.self])

    /// `mc executions verify ID`: recomputes the execution's event hash chain.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check that an execution's event log was not edited (recomputes its SHA-256 chain).")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The tenant that owns the execution.")
        var tenant: String

        @Argument(help: "The execution id.")
        var id: String

        func run() async throws {
            guard let executionID = UUID(uuidString: id) else { throw ValidationError("\"\(id)\" is not an execution id (a UUID).") }
            guard let database = connection.database else {
                throw StartupError("No database configured: set MAESTRO_DATABASE_URL or pass --database-url.")
            }
            let postgres = try await connection.connectPostgres(database, applicationName: "mc-verify")
            let executions = Executions(postgres: postgres)
            let events = try await executions.events(tenantID: tenant, id: executionID)
            let broken = try await executions.verifyEvents(tenantID: tenant, id: executionID)
            await postgres.shutdown()
            guard !events.isEmpty else { throw StartupError("Execution \(id) has no events (or belongs to another tenant).") }
            if broken.isEmpty {
                print("OK: \(events.count) events, chain intact, last hash \(events.last?.hash ?? "").")
            } else {
                throw StartupError("TAMPERED: events \(broken.map(String.init).joined(separator: ", ")) of execution \(id) do not match their hash chain.")
            }
        }
    }
}
