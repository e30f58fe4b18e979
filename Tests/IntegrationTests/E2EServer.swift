import Foundation
import TestSupport

/// `mc serve` with workers on a fresh database, for the end-to-end suites, and the tokens it
/// accepts (minted with `mc token`, as a user would).
struct E2EServer {
    static let secret = "e2e-secret-of-at-least-thirty-two-bytes"

    let process: ServerProcess
    /// The base URL it listens on.
    let base: String
    /// Its database's connection string.
    let database: String

    /// Starts the server on a new database named after `label` and waits until it listens.
    static func start(_ label: String) async throws -> E2EServer {
        let database = try await TestDatabase.create(label)
        let process = try ServerProcess.start(
            ["serve", "--port", "0", "--database-url", database, "--redis-url", try TestEnvironment.redisURL(), "--worker-concurrency", "4"],
            environment: ["MAESTRO_JWT_SECRET": secret])
        return E2EServer(process: process, base: try await process.waitForListeningURL(), database: database)
    }

    /// A token for `tenant` with `roles` (mc's default roles when nil).
    static func token(_ tenant: String, _ roles: String? = nil, subject: String? = nil) throws -> String {
        try Shell.run(
            try TestEnvironment.mcBinary(),
            ["token", "--tenant", tenant] + (roles.map { ["--roles", $0] } ?? []) + (subject.map { ["--subject", $0] } ?? []),
            environment: ["MAESTRO_JWT_SECRET": secret]
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
