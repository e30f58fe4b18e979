import Engine
import Foundation
import Postgres
import ServiceLifecycle
import Synchronization
import Testing
import TestSupport

/// Fair claims across tenants (issue 9): weights from tiers, exact concurrency caps, real workers
/// on real Postgres.
@Suite("Fair scheduling", .serialized)
struct FairSchedulingTests {
    /// Runs `workers` until `done`, then shuts them down.
    func run(_ workers: [TaskWorker], until done: @escaping @Sendable () async throws -> Bool) async throws {
        let group = ServiceGroup(configuration: .init(services: workers, logger: .init(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + .seconds(60)
            while try await !done() {
                guard ContinuousClock.now < deadline else { throw CancellationError() }
                try await Task.sleep(for: .milliseconds(20))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    func tier(_ db: PostgresClient, _ name: String, weight: Int, cap: Int) async throws {
        try await db.execute("""
            INSERT INTO tenant_tiers (name, weight, max_payload_bytes, max_steps_per_workflow, max_fan_out, max_depth, max_concurrent_steps, rate_per_second, burst)
            VALUES ($1, $2, 65536, 50, 100, 3, $3, 10, 10)
            """, [name, weight, cap])
    }

    @Test func twoTenantsWithPermanentBacklogsShareWorkersByWeight() async throws {
        let db = try await migratedDatabase("fair", maxConnections: 10)
        try await tier(db, "heavy", weight: 3, cap: 100)
        try await tier(db, "light", weight: 1, cap: 100)
        try await db.execute("INSERT INTO tenants (id, name, tier) VALUES ('a', 'a', 'heavy'), ('b', 'b', 'light')", [])
        // B's backlog is queued first and A's is deeper: neither order nor depth may decide.
        for tenant in ["b", "a"] {
            for i in 0..<(tenant == "a" ? 600 : 300) {
                _ = try await TaskQueries.insert(NewTask(tenantID: tenant, kind: "work", payload: #"{"i": \#(i)}"#), on: db)
            }
        }
        let served = Mutex<[String]>([])
        let handler = ClosureTaskHandler { task in
            try? await Task.sleep(for: .milliseconds(2))
            served.withLock { $0.append(task.tenantID) }
            return .completed
        }
        let workers = (0..<2).map { _ in
            TaskWorker(configuration: .init(concurrency: 4, batchSize: 4, pollInterval: .milliseconds(50)), postgres: db, listener: nil, handler: handler)
        }
        try await run(workers) { served.withLock { $0.count } >= 400 }
        // While both had backlogs, A (weight 3) got about three quarters of the service.
        let first = served.withLock { Array($0.prefix(400)) }
        let share = Double(first.filter { $0 == "a" }.count) / Double(first.count)
        print("fair scheduling: tenant a (weight 3) got \(Int(share * 100))% of the first \(first.count) tasks, tenant b (weight 1) \(100 - Int(share * 100))%")
        #expect(abs(share - 0.75) <= 0.075, "expected 75% ± 7.5% for the weight-3 tenant, got \(share)")
        await db.shutdown()
    }

    @Test func aTenantsConcurrencyCapHoldsAcrossWorkerProcesses() async throws {
        let db = try await migratedDatabase("faircap", maxConnections: 12)
        try await tier(db, "narrow", weight: 1, cap: 2)
        try await db.execute("INSERT INTO tenants (id, name, tier) VALUES ('capped', 'capped', 'narrow'), ('free-run', 'free-run', 'enterprise')", [])
        for i in 0..<40 {
            _ = try await TaskQueries.insert(NewTask(tenantID: "capped", kind: "work", payload: #"{"i": \#(i)}"#), on: db)
            _ = try await TaskQueries.insert(NewTask(tenantID: "free-run", kind: "work", payload: #"{"i": \#(i)}"#), on: db)
        }
        let running = Mutex<[String: (now: Int, peak: Int)]>([:])
        let done = Mutex(0)
        let handler = ClosureTaskHandler { task in
            running.withLock { counts in
                var entry = counts[task.tenantID] ?? (0, 0)
                entry.now += 1
                entry.peak = max(entry.peak, entry.now)
                counts[task.tenantID] = entry
            }
            try? await Task.sleep(for: .milliseconds(20))
            running.withLock { $0[task.tenantID]?.now -= 1 }
            done.withLock { $0 += 1 }
            return .completed
        }
        // Three workers, as three processes would be: each could take all of "capped" alone.
        let workers = (0..<3).map { _ in
            TaskWorker(configuration: .init(concurrency: 8, batchSize: 8, pollInterval: .milliseconds(20)), postgres: db, listener: nil, handler: handler)
        }
        try await run(workers) { done.withLock { $0 } >= 80 }
        let peaks = running.withLock { $0.mapValues(\.peak) }
        #expect(peaks["capped"] ?? 0 <= 2, "the narrow tier allows 2 at once: \(peaks)")
        #expect(peaks["free-run"] ?? 0 > 2, "an uncapped tenant is not held back: \(peaks)")
        await db.shutdown()
    }

    @Test func batchWorkHoldsAtMostHalfOfATenantsSlots() async throws {
        let db = try await migratedDatabase("fairclass", maxConnections: 12)
        try await tier(db, "four", weight: 1, cap: 4)
        try await db.execute("INSERT INTO tenants (id, name, tier) VALUES ('mixed', 'mixed', 'four')", [])
        for i in 0..<30 {
            _ = try await TaskQueries.insert(NewTask(tenantID: "mixed", kind: "work", priority: .batch, payload: #"{"i": \#(i)}"#), on: db)
        }
        let running = Mutex((batch: 0, batchPeak: 0, all: 0, allPeak: 0))
        let done = Mutex(0)
        let handler = ClosureTaskHandler { task in
            running.withLock { r in
                r.all += 1
                r.allPeak = max(r.allPeak, r.all)
                if task.priority == .batch { r.batch += 1; r.batchPeak = max(r.batchPeak, r.batch) }
            }
            try? await Task.sleep(for: .milliseconds(20))
            running.withLock { r in
                r.all -= 1
                if task.priority == .batch { r.batch -= 1 }
            }
            done.withLock { $0 += 1 }
            return .completed
        }
        let workers = (0..<2).map { _ in
            TaskWorker(configuration: .init(concurrency: 8, batchSize: 8, pollInterval: .milliseconds(20)), postgres: db, listener: nil, handler: handler)
        }
        // Standard work arriving behind a batch backlog still finds free slots.
        Task {
            try await Task.sleep(for: .milliseconds(100))
            for i in 0..<10 { _ = try await TaskQueries.insert(NewTask(tenantID: "mixed", kind: "work", payload: #"{"s": \#(i)}"#), on: db) }
        }
        try await run(workers) { done.withLock { $0 } >= 40 }
        let peaks = running.withLock { $0 }
        #expect(peaks.batchPeak <= 2, "batch may hold half of 4 slots: \(peaks)")
        #expect(peaks.allPeak > 2 && peaks.allPeak <= 4, "standard work used the other slots, within the cap: \(peaks)")
        await db.shutdown()
    }
}
