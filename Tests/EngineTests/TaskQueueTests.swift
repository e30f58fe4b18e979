import Engine
import Foundation
import Postgres
import Testing
import TestSupport

/// A migrated database of its own.
func migratedDatabase(_ label: String, maxConnections: Int = 8) async throws -> PostgresClient {
    let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create(label), maxConnections: maxConnections))
    try await DatabaseMigrations.runner().apply(using: client)
    return client
}

@Suite("Task queue")
struct TaskQueueTests {
    @Test func claimLeasesAndCompletes() async throws {
        let db = try await migratedDatabase("queue")
        let id = try #require(try await TaskQueries.insert(NewTask(tenantID: "t1", kind: "step", payload: #"{"n": 1}"#), on: db))
        let claimed = try await TaskQueries.claim(queue: "default", limit: 10, worker: "w1", leaseSeconds: 30, on: db)
        #expect(claimed.map(\.id) == [id])
        #expect(claimed.first?.attempt == 1)
        #expect(claimed.first?.payload == #"{"n": 1}"#)
        // Leased: nobody else gets it.
        #expect(try await TaskQueries.claim(queue: "default", limit: 10, worker: "w2", leaseSeconds: 30, on: db).isEmpty)
        let task = try #require(claimed.first)
        #expect(try await TaskQueries.complete(task, on: db))
        #expect(try await TaskQueries.state(ofTask: id, on: db) == .completed)
        await db.shutdown()
    }

    @Test func urgentWorkIsClaimedFirstAndFutureWorkWaits() async throws {
        let db = try await migratedDatabase("queueorder")
        let batch = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", priority: .batch), on: db)
        let critical = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", priority: .critical), on: db)
        let standard = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k"), on: db)
        _ = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", priority: .critical, runAt: Date().addingTimeInterval(3600)), on: db)
        let claimed = try await TaskQueries.claim(queue: "default", limit: 10, worker: "w", leaseSeconds: 30, on: db)
        #expect(claimed.map(\.id) == [critical, standard, batch].compactMap { $0 })
        await db.shutdown()
    }

    @Test func concurrentWorkersNeverClaimTheSameTask() async throws {
        let db = try await migratedDatabase("queuerace", maxConnections: 10)
        // Claimed tasks stay running here, so the tenant needs a concurrency cap above 300.
        try await db.execute("INSERT INTO tenants (id, name, tier) VALUES ('t', 't', 'enterprise')", [])
        for i in 0..<300 { _ = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", payload: #"{"i": \#(i)}"#), on: db) }
        let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<6 {
                group.addTask {
                    var mine: [Int64] = []
                    while true {
                        let batch = try await TaskQueries.claim(queue: "default", limit: 7, worker: "w\(worker)", leaseSeconds: 30, on: db)
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claims.count == 300)
        #expect(Set(claims).count == 300)
        await db.shutdown()
    }

    @Test func anExpiredLeaseIsRescuedAndTheOldWorkerIsFencedOff() async throws {
        let db = try await migratedDatabase("queuelease")
        _ = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", maxAttempts: 3), on: db)
        let first = try #require(try await TaskQueries.claim(queue: "default", limit: 1, worker: "slow", leaseSeconds: 0.2, on: db).first)
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await TaskQueries.rescueExpired(on: db) == 1)
        let second = try #require(try await TaskQueries.claim(queue: "default", limit: 1, worker: "fast", leaseSeconds: 30, on: db).first)
        #expect(second.attempt == 2)
        // The slow worker wakes up: its completion, failure and heartbeat are all refused.
        #expect(try await !TaskQueries.complete(first, on: db))
        #expect(try await TaskQueries.fail(first, error: "late", retryAfter: 0, on: db) == nil)
        #expect(try await !TaskQueries.extendLease(first, bySeconds: 30, on: db))
        #expect(try await TaskQueries.complete(second, on: db))
        await db.shutdown()
    }

    @Test func failuresRetryWithBackoffUntilAttemptsRunOut() async throws {
        let db = try await migratedDatabase("queueretry")
        let id = try #require(try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", maxAttempts: 2), on: db))
        let first = try #require(try await TaskQueries.claim(queue: "default", limit: 1, worker: "w", leaseSeconds: 30, on: db).first)
        // A long backoff, so a loaded machine cannot pass it between two statements...
        #expect(try await TaskQueries.fail(first, error: "boom", retryAfter: 600, on: db) == .ready)
        let delay = try await db.queryFirst("SELECT extract(epoch FROM run_at - now()) AS s FROM tasks WHERE id = $1", [id])?.decode("s", as: Double.self)
        #expect((590...600).contains(delay ?? 0))
        // ...and not before the backoff has passed,
        #expect(try await TaskQueries.claim(queue: "default", limit: 1, worker: "w", leaseSeconds: 30, on: db).isEmpty)
        // ...which the test makes happen now rather than waiting for it.
        try await db.execute("UPDATE tasks SET run_at = now() WHERE id = $1", [id])
        let second = try #require(try await TaskQueries.claim(queue: "default", limit: 1, worker: "w", leaseSeconds: 30, on: db).first)
        #expect(second.attempt == 2)
        #expect(try await TaskQueries.fail(second, error: "boom again", retryAfter: 0, on: db) == .failed)
        #expect(try await TaskQueries.state(ofTask: id, on: db) == .failed)
        await db.shutdown()
    }

    @Test func enqueueingInsideARolledBackTransactionLeavesNothing() async throws {
        let db = try await migratedDatabase("queuetx")
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await db.transaction { tx in
                _ = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k"), on: tx)
                throw Abort()
            }
        }
        #expect(try await TaskQueries.claim(queue: "default", limit: 10, worker: "w", leaseSeconds: 30, on: db).isEmpty)
        await db.shutdown()
    }

    @Test func uniqueKeysDeduplicatePerTenant() async throws {
        let db = try await migratedDatabase("queueunique")
        #expect(try await TaskQueries.insert(NewTask(tenantID: "a", kind: "k", uniqueKey: "exec-1/step-1"), on: db) != nil)
        #expect(try await TaskQueries.insert(NewTask(tenantID: "a", kind: "k", uniqueKey: "exec-1/step-1"), on: db) == nil)
        #expect(try await TaskQueries.insert(NewTask(tenantID: "b", kind: "k", uniqueKey: "exec-1/step-1"), on: db) != nil)
        await db.shutdown()
    }
}
