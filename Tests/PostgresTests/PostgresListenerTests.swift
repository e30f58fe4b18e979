import Foundation
import Postgres
import Testing
import TestSupport

@Suite("LISTEN/NOTIFY")
struct PostgresListenerTests {
    @Test func notificationsArriveWithTheirPayloads() async throws {
        let url = try await TestDatabase.create("listen")
        let client = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 2))
        let listener = try PostgresListener(configuration: .init(connectionString: url))
        defer { listener.shutdown() }
        let stream = await listener.notifications(channel: "task_ready")
        try await client.notify(channel: "task_ready", payload: "tenant-a")
        try await client.notify(channel: "other_channel", payload: "ignored")
        try await client.notify(channel: "task_ready", payload: "tenant-b")
        let received = try await firstNotifications(2, from: stream)
        #expect(received.map(\.payload) == ["tenant-a", "tenant-b"])
        #expect(received.allSatisfy { $0.channel == "task_ready" })
        await client.shutdown()
    }

    @Test func severalSubscribersOfOneChannelAllReceive() async throws {
        let url = try await TestDatabase.create("listenmany")
        let client = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 1))
        let listener = try PostgresListener(configuration: .init(connectionString: url))
        defer { listener.shutdown() }
        async let first = listener.notifications(channel: "shared")
        async let second = listener.notifications(channel: "shared")
        let streams = await [first, second]
        let third = await listener.notifications(channel: "shared")  // already listening: returns at once
        try await client.notify(channel: "shared", payload: "hi")
        for stream in streams + [third] { #expect(try await firstNotifications(1, from: stream).map(\.payload) == ["hi"]) }
        await client.shutdown()
    }

    @Test func shutdownReleasesASubscriberWaitingForAnUnreachableDatabase() async throws {
        let listener = try PostgresListener(configuration: .init(connectionString: "host=127.0.0.1 port=1 user=nobody dbname=none", connectTimeout: 1))
        let waiting = Task { await listener.notifications(channel: "never") }
        try await Task.sleep(for: .milliseconds(200))
        listener.shutdown()
        _ = await waiting.value  // returns instead of hanging
    }

    @Test func listenSurvivesALostConnection() async throws {
        let url = try await TestDatabase.create("relisten")
        let client = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 2))
        let listener = try PostgresListener(configuration: .init(connectionString: url, applicationName: "relisten-test"))
        defer { listener.shutdown() }
        let stream = await listener.notifications(channel: "wake")
        #expect(listener.connectCount == 1)

        // Kill the listener's server process, as a restart or network cut would.
        let killed = try await client.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relisten-test-listener'")
        #expect(killed.count == 1)
        for _ in 0..<100 where listener.connectCount < 2 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(listener.connectCount == 2)
        // It listens again: notifications sent after the reconnect arrive.
        try await Task.sleep(for: .milliseconds(100))
        try await client.notify(channel: "wake", payload: "after reconnect")
        let received = try await firstNotifications(1, from: stream)
        #expect(received.map(\.payload) == ["after reconnect"])
        await client.shutdown()
    }

    @Test func listenSurvivesAServerRestart() async throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.destroy() }
        let client = try PostgresClient(configuration: .init(connectionString: cluster.connectionString, maxConnections: 1))
        let listener = try PostgresListener(configuration: .init(connectionString: cluster.connectionString))
        defer { listener.shutdown() }
        let stream = await listener.notifications(channel: "wake")
        try cluster.restart()
        for _ in 0..<100 where listener.connectCount < 2 { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(100))
        try await client.notify(channel: "wake", payload: "hello again")
        #expect(try await firstNotifications(1, from: stream).map(\.payload) == ["hello again"])
        await client.shutdown()
    }

    /// Collects `count` notifications or fails after 5 s.
    private func firstNotifications(_ count: Int, from stream: AsyncStream<PostgresNotification>) async throws -> [PostgresNotification] {
        try await withThrowingTaskGroup(of: [PostgresNotification].self) { group in
            group.addTask {
                var collected: [PostgresNotification] = []
                for await notification in stream {
                    collected.append(notification)
                    if collected.count == count { break }
                }
                return collected
            }
            group.addTask {
                try await Task.sleep(for: .seconds(5))
                throw CancellationError()
            }
            let first = try await group.next() ?? []
            group.cancelAll()
            return first
        }
    }
}
