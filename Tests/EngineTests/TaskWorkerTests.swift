import Engine
import Foundation
import Postgres
import ServiceLifecycle
import Synchronization
import Testing
import TestSupport

@Suite("Task worker")
struct TaskWorkerTests {
    /// Runs a worker until `done` says stop, then shuts it down gracefully.
    func runWorker(_ worker: TaskWorker, until done: @escaping @Sendable () async throws -> Bool, timeout: Duration = .seconds(20)) async throws {
        let group = ServiceGroup(configuration: .init(services: [worker], logger: .init(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + timeout
            while try await !done() {
                guard ContinuousClock.now < deadline else { throw CancellationError() }
                try await Task.sleep(for: .milliseconds(20))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func runsEveryTaskOnceWithBoundedConcurrency() async throws {
        let db = try await migratedDatabase("worker", maxConnections: 10)
        for i in 0..<60 { _ = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", payload: #"{"i": \#(i)}"#), on: db) }
        let seen = Mutex<[String]>([])
        let running = Mutex((now: 0, peak: 0))
        let handler = ClosureTaskHandler { task in
            running.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            try? await Task.sleep(for: .milliseconds(10))
            running.withLock { $0.now -= 1 }
            seen.withLock { $0.append(task.payload) }
            return .completed
        }
        let worker = TaskWorker(configuration: .init(concurrency: 4, batchSize: 3, pollInterval: .milliseconds(100)), postgres: db, listener: nil, handler: handler)
        try await runWorker(worker) {
            try await db.queryFirst("SELECT count(*) AS n FROM tasks WHERE state = 'completed'")?.decode("n", as: Int.self) == 60
        }
        #expect(seen.withLock { $0.count } == 60)
        #expect(Set(seen.withLock { $0 }).count == 60)
        #expect(running.withLock { $0.peak } <= 4)
        await db.shutdown()
    }

    @Test func aNotificationWakesAnIdleWorkerBeforeItsNextPoll() async throws {
        let url = try await TestDatabase.create("workerwake")
        let db = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 4))
        try await DatabaseMigrations.runner().apply(using: db)
        let listener = try PostgresListener(configuration: .init(connectionString: url))
        defer { listener.shutdown() }
        let handled = Mutex(0)
        let handler = ClosureTaskHandler { _ in handled.withLock { $0 += 1 }; return .completed }
        // A poll interval far longer than the test: only the LISTEN hint can wake the worker.
        let worker = TaskWorker(configuration: .init(pollInterval: .seconds(600)), postgres: db, listener: listener, handler: handler)
        let enqueued = Mutex(false)
        try await runWorker(worker, until: {
            if !enqueued.withLock({ $0 }) {
                try await Task.sleep(for: .milliseconds(300))  // the worker has polled once and sleeps
                _ = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k"), on: db)
                enqueued.withLock { $0 = true }
            }
            return handled.withLock { $0 } == 1
        }, timeout: .seconds(10))
        await db.shutdown()
    }

    @Test func gracefulShutdownLetsRunningTasksFinish() async throws {
        let db = try await migratedDatabase("workerdrain")
        let id = try #require(try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k"), on: db))
        let started = Mutex(false)
        let finishedUncancelled = Mutex(false)
        let handler = ClosureTaskHandler { _ in
            started.withLock { $0 = true }
            try? await Task.sleep(for: .milliseconds(500))
            finishedUncancelled.withLock { $0 = !Task.isCancelled }
            return .completed
        }
        let worker = TaskWorker(configuration: .init(pollInterval: .milliseconds(50)), postgres: db, listener: nil, handler: handler)
        // Shut down as soon as the task is running.
        try await runWorker(worker) { started.withLock { $0 } }
        #expect(finishedUncancelled.withLock { $0 })
        #expect(try await TaskQueries.state(ofTask: id, on: db) == .completed)
        await db.shutdown()
    }

    @Test func aRescuedTaskWithNoAttemptsLeftSaysSo() async throws {
        let db = try await migratedDatabase("workerexhausted")
        _ = try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", maxAttempts: 1), on: db)
        _ = try await TaskQueries.claim(queue: "default", limit: 1, worker: "dead", leaseSeconds: 0.1, on: db)
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await TaskQueries.rescueExpired(on: db) == 1)
        let again = try #require(try await TaskQueries.claim(queue: "default", limit: 1, worker: "w", leaseSeconds: 30, on: db).first)
        #expect(again.attempt == 2 && again.attemptsExhausted)
        await db.shutdown()
    }

    @Test func retriesThenFailsAndRecordsTheError() async throws {
        let db = try await migratedDatabase("workerretry")
        let id = try #require(try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", maxAttempts: 3), on: db))
        let attempts = Mutex<[Int]>([])
        let handler = ClosureTaskHandler { task in
            attempts.withLock { $0.append(task.attempt) }
            return .retry(after: 0.05, error: "downstream said 503 on attempt \(task.attempt)")
        }
        let worker = TaskWorker(configuration: .init(pollInterval: .milliseconds(50)), postgres: db, listener: nil, handler: handler)
        try await runWorker(worker) { try await TaskQueries.state(ofTask: id, on: db) == .failed }
        #expect(attempts.withLock { $0 } == [1, 2, 3])
        let error = try await db.queryFirst("SELECT last_error FROM tasks WHERE id = $1", [id])?.decode("last_error", as: String.self)
        #expect(error == "downstream said 503 on attempt 3")
        await db.shutdown()
    }

    @Test func tasksOfACrashedWorkerAreRescuedAndRunAgain() async throws {
        let db = try await migratedDatabase("workerrescue")
        let id = try #require(try await TaskQueries.insert(NewTask(tenantID: "t", kind: "k", maxAttempts: 2), on: db))
        // A worker that "crashed": it claimed with a short lease and never reported back.
        _ = try await TaskQueries.claim(queue: "default", limit: 1, worker: "dead", leaseSeconds: 0.2, on: db)
        let handler = ClosureTaskHandler { task in task.attempt == 2 ? .completed : .failed(error: "unexpected attempt \(task.attempt)") }
        let worker = TaskWorker(
            configuration: .init(pollInterval: .milliseconds(50), rescueInterval: .milliseconds(100)), postgres: db, listener: nil, handler: handler)
        try await runWorker(worker) { try await TaskQueries.state(ofTask: id, on: db) == .completed }
        await db.shutdown()
    }
}
