import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Postgres connection pool")
struct PostgresPoolTests {
    @Test func exhaustedPoolWaitsThenTimesOutWithAClearError() async throws {
        let url = try await TestDatabase.create("pool")
        let client = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 2, acquireTimeout: 0.5))
        // Occupy both connections for 2 s.
        let holders = (0..<2).map { _ in
            Task { try await client.query("SELECT pg_sleep(2)") }
        }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        do {
            _ = try await client.query("SELECT 1")
            Issue.record("a third caller should time out while both connections are busy")
        } catch let error as PostgresError {
            #expect(error.code == .poolTimeout)
            #expect(error.message.contains("all 2 pooled connections are busy"))
        }
        // It waited for the acquire timeout rather than failing at once. (No upper bound: the
        // error code already shows it gave up instead of getting a connection, and timings on
        // a loaded machine are not for unit tests.)
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(450), "waited \(waited)")
        for holder in holders { _ = try await holder.value }
        #expect(await client.poolStatistics.open <= 2)
        await client.shutdown()
    }

    @Test func waiterGetsTheConnectionThatIsReleased() async throws {
        let url = try await TestDatabase.create("poolwait")
        let client = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 1, acquireTimeout: 5))
        let holder = Task { try await client.query("SELECT pg_sleep(0.5)") }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        let rows = try await client.query("SELECT 7 AS seven")
        #expect(try rows.first?.decode("seven", as: Int.self) == 7)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        _ = try await holder.value
        #expect(await client.poolStatistics.open == 1)
        await client.shutdown()
    }

    @Test func concurrentCallersNeverExceedTheBound() async throws {
        let url = try await TestDatabase.create("poolbound")
        let client = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 3, acquireTimeout: 10))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 { group.addTask { _ = try await client.query("SELECT pg_sleep(0.02)") } }
            try await group.waitForAll()
        }
        let connections = try await client.queryFirst(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'maestro'")
        #expect(try connections?.decode("n", as: Int.self) ?? 99 <= 3)
        #expect(await client.poolStatistics.open <= 3)
        await client.shutdown()
    }

    @Test func shutdownRefusesNewCalls() async throws {
        let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("poolclose")))
        _ = try await client.query("SELECT 1")
        await client.shutdown()
        do {
            _ = try await client.query("SELECT 1")
            Issue.record("calls after shutdown should fail")
        } catch let error as PostgresError {
            #expect(error.code == .poolClosed)
        }
    }
}
