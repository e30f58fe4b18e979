/// What a handler made of a task.
public enum TaskOutcome: Sendable, Equatable {
    /// Done; the worker marks the task completed.
    case completed
    /// Done, and the handler already called ``TaskQueries/complete(_:on:)`` inside its own
    /// transaction (so its results and the completion commit together).
    case completedByHandler
    /// Try again after `seconds` while attempts remain.
    case retry(after: Double, error: String)
    /// Give up now, whatever attempts remain.
    case failed(error: String)
}

/// Runs claimed tasks. Handlers must be idempotent: a task whose worker dies mid-way runs again
/// (at-least-once); side effects carry idempotency keys derived from the task.
public protocol TaskHandler: Sendable {
    func handle(_ task: ClaimedTask) async -> TaskOutcome
}

/// A handler from a closure, for small workers and tests.
public struct ClosureTaskHandler: TaskHandler {
    let body: @Sendable (ClaimedTask) async -> TaskOutcome
    public init(_ body: @escaping @Sendable (ClaimedTask) async -> TaskOutcome) { self.body = body }
    public func handle(_ task: ClaimedTask) async -> TaskOutcome { await body(task) }
}
