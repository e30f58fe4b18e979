import Postgres
import Testing
import TestSupport

@Suite("Migration runner")
struct MigrationRunnerTests {
    let migrations = [
        Migration(version: 1, name: "0001_widgets.sql", sql: "CREATE TABLE widgets (id integer PRIMARY KEY)"),
        Migration(version: 2, name: "0002_widget_name.sql", sql: "ALTER TABLE widgets ADD COLUMN name text"),
    ]

    @Test func appliesEachMigrationOnceInOrder() async throws {
        let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("migrate")))
        let runner = MigrationRunner(migrations: migrations)
        #expect(try await runner.apply(using: client).map(\.version) == [1, 2])
        #expect(try await runner.apply(using: client).isEmpty)
        #expect(try await MigrationRunner.appliedVersions(using: client) == [1, 2])
        try await client.execute("INSERT INTO widgets (id, name) VALUES (1, 'a')", [])
        await client.shutdown()
    }

    @Test func concurrentStartsWaitOnTheLockInsteadOfRacing() async throws {
        let url = try await TestDatabase.create("migratelock")
        let runner = MigrationRunner(migrations: migrations)
        let applied = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let client = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 1))
                    let count = try await runner.apply(using: client).count
                    await client.shutdown()
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(applied == 2)
    }

    @Test func aNoTransactionMigrationRunsConcurrentIndexBuildsStatementByStatement() async throws {
        let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("migrateconc")))
        let concurrent = Migration(version: 3, name: "0003_widget_index.sql", sql: """
            -- maestro:no-transaction
            -- Built without blocking writes.
            SET lock_timeout = '5s';
            CREATE INDEX CONCURRENTLY IF NOT EXISTS widgets_name_idx
              ON widgets (name);
            RESET lock_timeout;
            """)
        #expect(!concurrent.runsInTransaction)
        #expect(concurrent.statements.count == 3)
        #expect(try await MigrationRunner(migrations: migrations + [concurrent]).apply(using: client).map(\.version) == [1, 2, 3])
        let index = try await client.queryFirst("SELECT indisvalid FROM pg_index WHERE indexrelid = 'widgets_name_idx'::regclass", [])
        #expect(try index?.decode("indisvalid", as: Bool.self) == true)
        await client.shutdown()
    }

    @Test func anEditedMigrationIsRefused() async throws {
        let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("migrateedit")))
        try await MigrationRunner(migrations: migrations).apply(using: client)
        let edited = [migrations[0], Migration(version: 2, name: "0002_widget_name.sql", sql: "ALTER TABLE widgets ADD COLUMN label text")]
        do {
            try await MigrationRunner(migrations: edited).apply(using: client)
            Issue.record("an edited migration must not apply")
        } catch let error as PostgresError {
            #expect(error.message.contains("0002_widget_name.sql was changed after it was applied"))
        }
        await client.shutdown()
    }

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("migratefail")))
        let broken = migrations + [Migration(version: 3, name: "0003_broken.sql", sql: "CREATE TABLE gadgets (id integer); SELECT no_such_function()")]
        do {
            try await MigrationRunner(migrations: broken).apply(using: client)
            Issue.record("the broken migration must fail")
        } catch let error as PostgresError {
            #expect(error.message.hasPrefix("Migration 0003_broken.sql failed:"))
        }
        #expect(try await MigrationRunner.appliedVersions(using: client) == [1, 2])
        #expect(try await client.queryFirst("SELECT to_regclass('gadgets') IS NULL AS absent")?.decode("absent", as: Bool.self) == true)
        await client.shutdown()
    }

    @Test func fileNamesAreValidated() throws {
        #expect(throws: PostgresError.self) { try Migration.fromFiles(["x/create.sql": "SELECT 1"]) }
        #expect(throws: PostgresError.self) { try Migration.fromFiles(["a/0001_a.sql": "", "b/0001_b.sql": ""]) }
        #expect(try Migration.fromFiles(["m/0002_b.sql": "", "m/0001_a.sql": ""]).map(\.name) == ["0001_a.sql", "0002_b.sql"])
    }
}
