import Foundation
import Postgres

/// Scheduling class of a task: lower values are claimed first, and under pressure `batch` work is
/// shed before `standard`, `critical` last (DESIGN.md §6).
public enum TaskPriority: Int, Sendable, CaseIterable {
    case critical = 0
    case standard = 1
    case batch = 2
}

/// A unit of work to enqueue.
public struct NewTask: Sendable {
    public var tenantID: String
    public var queue: String
    /// What the handler does with it (`step`, `compensate`, ...).
    public var kind: String
    public var priority: TaskPriority
    /// JSON text handed to the handler.
    public var payload: String
    /// Attempts before the task fails for good (a crashed worker's attempt counts).
    public var maxAttempts: Int
    /// Not before this time; nil means now.
    public var runAt: Date?
    /// At most one task per tenant carries a given key: enqueueing it again is a no-op.
    public var uniqueKey: String?
    /// The execution this task works for, if any.
    public var executionID: UUID?

    public init(
        tenantID: String, queue: String = "default", kind: String, priority: TaskPriority = .standard,
        payload: String = "{}", maxAttempts: Int = 1, runAt: Date? = nil, uniqueKey: String? = nil, executionID: UUID? = nil
    ) {
        self.executionID = executionID
        self.tenantID = tenantID
        self.queue = queue
        self.kind = kind
        self.priority = priority
        self.payload = payload
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.uniqueKey = uniqueKey
    }
}

/// A task a worker holds under a lease.
public struct ClaimedTask: Sendable, Equatable {
    public let id: Int64
    public let tenantID: String
    public let queue: String
    public let kind: String
    public let priority: TaskPriority
    public let payload: String
    /// 1 for the first attempt. Also the fencing token: completing or failing the task only
    /// works while the row still carries this attempt, so a worker whose lease expired (and whose
    /// task was rescued and claimed again) cannot overwrite the newer attempt's outcome.
    public let attempt: Int
    public let maxAttempts: Int
    public let leaseExpiresAt: Date

    /// True when the worker of the last allowed attempt stopped (its lease expired) and the
    /// task was handed out again: the handler must not run the work, only record its failure.
    public var attemptsExhausted: Bool { attempt > maxAttempts }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        tenantID = try row.decode("tenant_id")
        queue = try row.decode("queue")
        kind = try row.decode("kind")
        priority = TaskPriority(rawValue: try row.decode("priority")) ?? .standard
        payload = try row.decode("payload")
        attempt = try row.decode("attempt")
        maxAttempts = try row.decode("max_attempts")
        leaseExpiresAt = try row.decode("lease_expires_at")
    }
}

/// The states a task row moves through.
public enum TaskState: String, Sendable {
    case ready, running, completed, failed, cancelled
}
