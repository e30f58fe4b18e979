import Foundation
import Logging
import Metrics
import Postgres
import ServiceLifecycle
import Synchronization

/// Claims tasks from one queue and runs them with bounded concurrency (River's producer +
/// executor + completer, in one service).
///
/// Polling every `pollInterval` is the correctness path; a `LISTEN` hint and every finished task
/// wake the loop early. Each worker also returns expired leases to the queue, so tasks of a
/// crashed process run again. On graceful shutdown it stops claiming and lets running tasks
/// finish; their leases protect them if the process is killed instead.
public final class TaskWorker: Service {
    public struct Configuration: Sendable {
        public var queue: String
        /// Tasks run at once by this worker.
        public var concurrency: Int
        /// Most tasks claimed by one statement.
        public var batchSize: Int
        public var leaseSeconds: Double
        public var pollInterval: Duration
        public var rescueInterval: Duration
        /// Identifies this worker in `tasks.leased_by`.
        public var workerID: String

        public init(
            queue: String = "default", concurrency: Int = 10, batchSize: Int = 10, leaseSeconds: Double = 30,
            pollInterval: Duration = .seconds(1), rescueInterval: Duration = .seconds(5),
            workerID: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
        ) {
            self.queue = queue
            self.concurrency = concurrency
            self.batchSize = batchSize
            self.leaseSeconds = leaseSeconds
            self.pollInterval = pollInterval
            self.rescueInterval = rescueInterval
            self.workerID = workerID
        }
    }

    let configuration: Configuration
    private let postgres: PostgresClient
    private let listener: PostgresListener?
    private let handler: any TaskHandler
    private let logger: Logger
    private let inFlight = Mutex(0)
    /// Set on graceful shutdown: stop claiming.
    private let stopping = Mutex(false)

    public init(configuration: Configuration, postgres: PostgresClient, listener: PostgresListener?, handler: any TaskHandler, logger: Logger = Logger(label: "maestro.worker")) {
        precondition(configuration.concurrency > 0 && configuration.batchSize > 0)
        self.configuration = configuration
        self.postgres = postgres
        self.listener = listener
        self.handler = handler
        self.logger = logger
    }

    public func run() async throws {
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let hintStream = await listener?.notifications(channel: TaskQueries.notifyChannel)
        let queue = configuration.queue
        // Helpers (poll timer, rescuer, LISTEN hints) stop at shutdown; running tasks do not:
        // they live in their own group, which is drained, not cancelled.
        let helpers = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.tick(every: self.configuration.pollInterval, wake) }
                group.addTask { await self.rescueLoop() }
                if let hintStream {
                    group.addTask { for await hint in hintStream where hint.payload == queue { wake.yield() } }
                }
            }
        }
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { running in
                await self.produce(into: &running, wakeups: wakeups, wake: wake)
                helpers.cancel()
                wake.finish()
                await running.waitForAll()
            }
        } onGracefulShutdown: {
            self.stopping.withLock { $0 = true }
            wake.yield()
        }
        helpers.cancel()
        await helpers.value
    }

    /// The claim loop: whenever woken, claim as many tasks as there is room for.
    private func produce(into group: inout TaskGroup<Void>, wakeups: AsyncStream<Void>, wake: AsyncStream<Void>.Continuation) async {
        for await _ in wakeups {
            if stopping.withLock({ $0 }) || Task.isCancelled { return }
            while !stopping.withLock({ $0 }) {
                var room = configuration.concurrency - inFlight.withLock { $0 }
                guard room > 0 else { break }
                if room < max(configuration.batchSize / 4, 1) {
                    // Only a few slots free: wait a moment so the claim fills a batch instead of
                    // costing one statement per finished task.
                    try? await Task.sleep(for: .milliseconds(2))
                    room = configuration.concurrency - inFlight.withLock { $0 }
                }
                let tasks: [ClaimedTask]
                do {
                    tasks = try await TaskQueries.claim(
                        queue: configuration.queue, limit: min(room, configuration.batchSize), worker: configuration.workerID,
                        leaseSeconds: configuration.leaseSeconds, on: postgres)
                } catch {
                    logger.warning("Claiming tasks failed: \(error)")
                    break
                }
                if tasks.isEmpty { break }
                inFlight.withLock { $0 += tasks.count }
                for task in tasks {
                    group.addTask {
                        await self.execute(task)
                        self.inFlight.withLock { $0 -= 1 }
                        wake.yield()
                    }
                }
                if tasks.count < min(room, configuration.batchSize) { break }
            }
        }
    }

    /// Runs one task and records its outcome (fenced by the attempt number).
    private func execute(_ task: ClaimedTask) async {
        let started = ContinuousClock.now
        let outcome = await handler.handle(task)
        let elapsed = (ContinuousClock.now - started).components
        Timer(label: "maestro_task_service_seconds", dimensions: [("tenant", task.tenantID), ("kind", task.kind)])
            .recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
        do {
            switch outcome {
            case .completedByHandler:
                return
            case .completed:
                if try await !TaskQueries.complete(task, on: postgres) {
                    logger.warning("Task \(task.id) finished after its lease expired; the newer attempt owns it.")
                }
            case .retry(let after, let error):
                _ = try await TaskQueries.fail(task, error: error, retryAfter: after, on: postgres)
            case .failed(let error):
                _ = try await TaskQueries.failPermanently(task, error: error, on: postgres)
            }
        } catch {
            // The lease will expire and the rescuer will hand the task out again.
            logger.error("Recording the outcome of task \(task.id) failed: \(error)")
        }
    }

    private func tick(every interval: Duration, _ wake: AsyncStream<Void>.Continuation) async {
        wake.yield()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            wake.yield()
        }
    }

    private func rescueLoop() async {
        while !Task.isCancelled {
            do {
                let rescued = try await TaskQueries.rescueExpired(on: postgres)
                if rescued > 0 { logger.info("Rescued \(rescued) task(s) whose lease expired.") }
            } catch {
                logger.warning("Rescuing expired tasks failed: \(error)")
            }
            try? await Task.sleep(for: configuration.rescueInterval)
        }
    }
}
