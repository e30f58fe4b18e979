/// Applies numbered migrations exactly once per database.
///
/// Every process runs this at start-up; a session-level advisory lock makes concurrent starts
/// wait for each other instead of racing. Each migration and its row in `maestro_migrations`
/// commit together (unless the file opts out of a transaction), so a crash leaves either both or
/// neither. Applied migrations are compared by checksum: editing one that already ran is an error.
public struct MigrationRunner: Sendable {
    /// The advisory lock key; an arbitrary constant shared by every Maestro process.
    static let lockKey: Int64 = 0x6D61_6573_7472_6F31

    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// The highest version this binary knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies every pending migration; returns the ones applied now.
    @discardableResult
    public func apply(using client: PostgresClient) async throws -> [Migration] {
        let migrations = self.migrations
        return try await client.withConnection { connection in
            // Poll instead of blocking in pg_advisory_lock: another process may migrate for longer
            // than the session's statement_timeout, and waiting for it is not an error.
            while try await connection.query("SELECT pg_try_advisory_lock($1) AS locked", [Self.lockKey]).first?.decode("locked", as: Bool.self) != true {
                try await Task.sleep(for: .milliseconds(250))
            }
            do {
                let applied = try await Self.applyLocked(migrations, on: connection)
                _ = try await connection.query("SELECT pg_advisory_unlock($1)", [Self.lockKey])
                return applied
            } catch {
                // If the connection broke, the server released the lock with the session.
                _ = try? await connection.query("SELECT pg_advisory_unlock($1)", [Self.lockKey])
                throw error
            }
        }
    }

    /// The versions recorded as applied (empty on a fresh database).
    public static func appliedVersions(using executor: some PostgresExecutor) async throws -> [Int] {
        let exists = try await executor.query("SELECT to_regclass('maestro_migrations') IS NOT NULL AS present", [])
        guard try exists.first?.decode("present", as: Bool.self) == true else { return [] }
        return try await executor.query("SELECT version FROM maestro_migrations ORDER BY version", [])
            .map { try $0.decode("version") }
    }

    private static func applyLocked(_ migrations: [Migration], on connection: PostgresConnection) async throws -> [Migration] {
        try await connection.execute("""
            CREATE TABLE IF NOT EXISTS maestro_migrations (
                version     integer PRIMARY KEY,
                name        text NOT NULL,
                checksum    text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """)
        var recorded: [Int: (name: String, checksum: String)] = [:]
        for row in try await connection.query("SELECT version, name, checksum FROM maestro_migrations", []) {
            recorded[try row.decode("version")] = (try row.decode("name"), try row.decode("checksum"))
        }
        for migration in migrations {
            if let previous = recorded[migration.version], previous.checksum != migration.checksum {
                throw PostgresError(
                    .configuration,
                    "Migration \(migration.name) was changed after it was applied (recorded as \(previous.name)); migrations are append-only: add a new one instead.")
            }
        }
        var applied: [Migration] = []
        for migration in migrations where recorded[migration.version] == nil {
            let record = "INSERT INTO maestro_migrations (version, name, checksum) VALUES ($1, $2, $3)"
            let values: [any PostgresEncodable] = [migration.version, migration.name, migration.checksum]
            do {
                if migration.runsInTransaction {
                    try await connection.execute("BEGIN")
                    try await connection.execute(migration.sql)
                    try await connection.execute(record, values)
                    try await connection.execute("COMMIT")
                } else {
                    for statement in migration.statements { try await connection.execute(statement) }
                    try await connection.execute(record, values)
                }
            } catch let error as PostgresError {
                _ = try? await connection.execute("ROLLBACK")
                throw PostgresError(error.code, sqlState: error.sqlState, "Migration \(migration.name) failed: \(error.message)")
            }
            applied.append(migration)
        }
        return applied
    }
}
