import Engine
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Engine migrations")
struct MigrationTests {
    @Test func embeddedMigrationsMatchTheFilesOnDisk() throws {
        let directory = TestEnvironment.packageRoot.appendingPathComponent("Sources/Engine/Store/Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(try DatabaseMigrations.all().map(\.name) == files)
        for migration in try DatabaseMigrations.all() {
            let onDisk = try String(contentsOf: directory.appendingPathComponent(migration.name), encoding: .utf8)
            #expect(migration.sql == onDisk, "\(migration.name) differs from the embedded copy: rebuild")
        }
    }

    @Test func applyToAFreshDatabase() async throws {
        let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("engine")))
        let runner = try DatabaseMigrations.runner()
        try await runner.apply(using: client)
        #expect(try await MigrationRunner.appliedVersions(using: client).last == runner.latestVersion)
        #expect(try await client.queryFirst("SELECT to_regclass('tenants') IS NOT NULL AS present")?.decode("present", as: Bool.self) == true)
        await client.shutdown()
    }

    /// Project rules on top of squawk: migrations are additive only (expand/contract). Removing or
    /// renaming anything, or changing a column's type, breaks the running version during a
    /// blue/green deploy; contract steps ship as their own reviewed change with an ADR.
    @Test func migrationsAreAdditiveOnly() throws {
        let forbidden: [(pattern: String, reason: String)] = [
            (#"\bDROP\s+(TABLE|COLUMN|INDEX|TYPE|SCHEMA|VIEW|FUNCTION|CONSTRAINT)\b"#, "drops an object"),
            (#"\bRENAME\b"#, "renames an object"),
            (#"\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b"#, "changes a column type"),
            (#"\bTRUNCATE\b"#, "deletes data"),
            (#"\bDELETE\s+FROM\b"#, "deletes data"),
        ]
        for migration in try DatabaseMigrations.all() {
            let sql = migration.sql.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }.joined(separator: "\n")
            for rule in forbidden {
                let found = sql.range(of: rule.pattern, options: [.regularExpression, .caseInsensitive]) != nil
                #expect(!found, "\(migration.name) \(rule.reason); migrations must be additive only")
            }
        }
    }
}
