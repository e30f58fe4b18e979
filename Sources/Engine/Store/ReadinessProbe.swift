import Postgres

/// Answers "can this process take traffic?": the database accepts writes (it is a primary, not a
/// standby left behind by a failover) and every migration this binary knows has been applied.
public struct ReadinessProbe: Sendable {
    /// The outcome, with a reason when not ready.
    public struct Report: Sendable, Equatable {
        public let ready: Bool
        public let reason: String?
        public let schemaVersion: Int
        public let expectedSchemaVersion: Int
    }

    let postgres: PostgresClient
    let expectedVersion: Int

    public init(postgres: PostgresClient, expectedSchemaVersion: Int) {
        self.postgres = postgres
        self.expectedVersion = expectedSchemaVersion
    }

    public func check() async -> Report {
        do {
            let row = try await postgres.queryFirst("""
                SELECT NOT pg_is_in_recovery() AS writable,
                       COALESCE((SELECT max(version) FROM maestro_migrations), 0) AS version
                """)
            let writable = try row?.decode("writable", as: Bool.self) ?? false
            let version = try row?.decode("version", as: Int.self) ?? 0
            if !writable {
                return Report(ready: false, reason: "The database is a read-only standby.", schemaVersion: version, expectedSchemaVersion: expectedVersion)
            }
            if version < expectedVersion {
                return Report(
                    ready: false, reason: "Database schema is at version \(version); this build needs \(expectedVersion). Run `mc migrate`.",
                    schemaVersion: version, expectedSchemaVersion: expectedVersion)
            }
            return Report(ready: true, reason: nil, schemaVersion: version, expectedSchemaVersion: expectedVersion)
        } catch let error as PostgresError where error.sqlState == "42P01" {
            return Report(ready: false, reason: "No migrations have been applied. Run `mc migrate`.", schemaVersion: 0, expectedSchemaVersion: expectedVersion)
        } catch {
            return Report(ready: false, reason: "The database is unreachable: \(error)", schemaVersion: 0, expectedSchemaVersion: expectedVersion)
        }
    }
}
