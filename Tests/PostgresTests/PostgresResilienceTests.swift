import Foundation
import Postgres
import Testing
import TestSupport

/// Server restarts and failover, on throwaway clusters (never the shared test stack).
@Suite("Postgres reconnect and failover", .serialized)
struct PostgresResilienceTests {
    @Test func queryAfterServerRestartSucceeds() async throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.destroy() }
        let client = try PostgresClient(configuration: .init(connectionString: cluster.connectionString, maxConnections: 2))
        let before = try await client.queryFirst("SELECT pg_backend_pid() AS pid")?.decode("pid", as: Int.self)
        try cluster.restart()
        // The pooled connection died with the old server; the pool notices before sending.
        let after = try await client.queryFirst("SELECT pg_backend_pid() AS pid")?.decode("pid", as: Int.self)
        #expect(before != nil && after != nil && before != after)
        await client.shutdown()
    }

    @Test func multiHostConnectionStringFollowsAPromotedReplica() async throws {
        let primary = try PostgresTestCluster.start()
        defer { primary.destroy() }
        let replica = try primary.startReplica()
        defer { replica.destroy() }

        let conninfo = "host=127.0.0.1,127.0.0.1 port=\(primary.port),\(replica.port) user=postgres dbname=postgres target_session_attrs=read-write"
        let client = try PostgresClient(configuration: .init(connectionString: conninfo, maxConnections: 2, connectTimeout: 2))
        try await client.execute("CREATE TABLE ledger (id serial PRIMARY KEY, note text)", [])
        try await client.execute("INSERT INTO ledger (note) VALUES ($1)", ["before failover"])
        let firstPort = try await client.queryFirst("SELECT inet_server_port() AS port")?.decode("port", as: Int.self)
        #expect(firstPort == primary.port)

        // Wait until the replica has replayed the table, then fail over.
        let replicaClient = try PostgresClient(configuration: .init(connectionString: replica.connectionString, maxConnections: 1))
        for _ in 0..<100 {
            if (try? await replicaClient.query("SELECT 1 FROM ledger").count) == 1 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        await replicaClient.shutdown()
        try primary.stop()
        try replica.promote()

        // The same client writes again, now on the promoted replica.
        try await client.execute("INSERT INTO ledger (note) VALUES ($1)", ["after failover"])
        let port = try await client.queryFirst("SELECT inet_server_port() AS port")?.decode("port", as: Int.self)
        #expect(port == replica.port)
        let notes = try await client.query("SELECT note FROM ledger ORDER BY id").map { try $0.decode("note", as: String.self) }
        #expect(notes == ["before failover", "after failover"])
        await client.shutdown()
    }

    @Test func connectingToAStandbyOnlyIsAClearError() async throws {
        let primary = try PostgresTestCluster.start()
        defer { primary.destroy() }
        let replica = try primary.startReplica()
        defer { replica.destroy() }
        let conninfo = "host=127.0.0.1 port=\(replica.port) user=postgres dbname=postgres target_session_attrs=read-write"
        let client = try PostgresClient(configuration: .init(connectionString: conninfo, maxConnections: 1))
        do {
            _ = try await client.query("SELECT 1")
            Issue.record("a read-write session cannot be had from a standby")
        } catch let error as PostgresError {
            #expect(error.code == .connectionFailed)
        }
        await client.shutdown()
    }
}
