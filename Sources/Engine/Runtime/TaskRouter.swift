/// Hands each claimed task to the handler for its kind (`step`, `subworkflow-ended`, ...).
public struct TaskRouter: TaskHandler {
    let handlers: [String: any TaskHandler]

    /// A router over `handlers` by task kind.
    public init(_ handlers: [String: any TaskHandler]) {
        self.handlers = handlers
    }

    public func handle(_ task: ClaimedTask) async -> TaskOutcome {
        guard let handler = handlers[task.kind] else {
            return .failed(error: "No handler runs tasks of kind \"\(task.kind)\" in this version.")
        }
        return await handler.handle(task)
    }
}
