import Foundation
import Logging
import Postgres

/// Runs `compensation-request` tasks, enqueued by the transaction that failed or cancelled an
/// execution: plans the compensation its policy asks for and starts it (nothing when no
/// completed step is in an affected scope).
struct CompensationRequestHandler: TaskHandler {
    let postgres: PostgresClient
    let compensations: Compensations
    let logger: Logger

    func handle(_ task: ClaimedTask) async -> TaskOutcome {
        let payload = (try? JSONValue.parse(task.payload)) ?? .null
        guard case .string(let text)? = payload["executionId"], let executionID = UUID(uuidString: text) else {
            return .failed(error: "The task payload does not name an execution: \(task.payload)")
        }
        let cause: CompensationCause
        switch (payload["cause"]?.stringValue, payload["stepId"]?.stringValue) {
        case ("error", let step?): cause = .error(stepID: step)
        case ("cancel", _): cause = .cancel
        default: return .failed(error: "The task payload does not name a compensation cause: \(task.payload)")
        }
        do {
            try await postgres.transaction { tx in
                guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
                guard let execution = try await ExecutionQueries.lock(tenantID: task.tenantID, id: executionID, on: tx), execution.status.isTerminal else { return }
                _ = try await compensations.start(execution, cause: cause, requestedBy: nil, on: tx)
            }
            return .completedByHandler
        } catch {
            logger.warning("Planning the compensation of execution \(executionID) failed: \(error)")
            if task.attempt < task.maxAttempts { return .retry(after: Double(min(task.attempt, 30)), error: "\(error)") }
            // Last attempt: say so on the execution instead of leaving it looking uncompensated.
            do {
                try await postgres.transaction { tx in
                    guard try await TaskQueries.failPermanently(task, error: "\(error)", on: tx) else { throw LeaseLost(taskID: task.id) }
                    guard try await ExecutionQueries.lock(tenantID: task.tenantID, id: executionID, on: tx) != nil else { return }
                    try await CompensationQueries.setState([executionID], "FAILED", on: tx)
                    try await EventQueries.append(
                        tenantID: task.tenantID, executionID: executionID, type: .compensateFailed,
                        payload: ["reason": .string("The compensation could not be planned: \(error)")], on: tx)
                }
                return .completedByHandler
            } catch {
                return .failed(error: "\(error)")
            }
        }
    }

    /// Enqueues the request in the transaction that ended `execution` as `status`.
    static func enqueue(_ execution: ExecutionRecord, status: ExecutionStatus, failedStepID: String?, on tx: PostgresTransaction) async throws {
        var payload: JSONObject = ["executionId": .string(execution.id.uuidString.lowercased())]
        switch status {
        case .failed:
            guard let failedStepID else { return }  // no step failed (e.g. the output did not render): no scope is affected
            payload["cause"] = "error"
            payload["stepId"] = .string(failedStepID)
        case .cancelled:
            payload["cause"] = "cancel"
        default:
            return
        }
        _ = try await TaskQueries.insert(NewTask(
            tenantID: execution.tenantID, kind: Compensations.requestTaskKind, payload: JSONValue.object(payload).serialized(),
            maxAttempts: 10, uniqueKey: uniqueKey(executionID: execution.id)), on: tx)
    }

    /// The unique key of an execution's compensation request task.
    static func uniqueKey(executionID: UUID) -> String {
        "compensation-request/\(executionID.uuidString.lowercased())"
    }
}
