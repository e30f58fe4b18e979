import Foundation
import Postgres
import Testing

@testable import TestSupport

/// Test databases are never dropped by their suites, so a later test run sweeps the old ones: a
/// developer's long-lived stack must not fill the disk run after run.
@Suite("Test database sweep")
struct TestDatabaseSweepTests {
    @Test func databasesOlderThanTheSweepAgeAndUntimedOnesAreDroppedFreshOnesKept() async throws {
        let admin = try PostgresClient(configuration: .init(connectionString: try TestEnvironment.databaseURL(), maxConnections: 1))
        let now = Int(Date().timeIntervalSince1970)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let stale = "t_sweepold_\(now - TestDatabase.sweepAfterSeconds - 60)_\(suffix)"
        let untimed = "t_sweepuntimed_\(suffix)"
        let fresh = "t_sweepfresh_\(now)_\(suffix)"
        for name in [stale, untimed, fresh] { try await admin.execute("CREATE DATABASE \(name)", []) }
        #expect(TestDatabase.createdAt(fresh) == now && TestDatabase.createdAt(untimed) == nil)

        await TestDatabase.dropStale(on: admin)
        let left = try await admin.query("SELECT datname FROM pg_database WHERE datname = ANY($1::text[])", [[stale, untimed, fresh]])
            .map { try $0.decode("datname", as: String.self) }
        #expect(left == [fresh])
        try await admin.execute("DROP DATABASE \(fresh)", [])
        await admin.shutdown()
    }
}
