import Foundation
import Postgres

/// What happens, inside the same transaction, when an execution reaches a terminal status: a
/// failed or cancelled execution requests its compensation (a task: planning needs the
/// definitions), a sub-workflow reports its end to its parent step and its breaker (through a task, so the
/// parent is woken durably and atomically with the child's end, and locks are only ever taken
/// parent → child), and an execution that did not succeed cancels the children still running.
enum ExecutionEnding {
    /// Payload of the `subworkflow-ended` task: the child execution that ended.
    static let endedTaskKind = "subworkflow-ended"

    static func ended(_ execution: ExecutionRecord, status: ExecutionStatus, failedStepID: String? = nil, on tx: PostgresTransaction) async throws {
        // Sagas: a failed or cancelled execution asks for the compensation its policy calls for.
        try await CompensationRequestHandler.enqueue(execution, status: status, failedStepID: failedStepID, on: tx)
        if execution.invoked, try await needsReport(execution, status: status, on: tx) {
            let id = execution.id.uuidString.lowercased()
            _ = try await TaskQueries.insert(NewTask(
                tenantID: execution.tenantID, kind: endedTaskKind, payload: JSONValue.object(["executionId": .string(id)]).serialized(),
                maxAttempts: 10, uniqueKey: "ended/\(id)"), on: tx)
        }
        if status != .succeeded {
            try await cancelChildren(of: execution, on: tx)
        }
    }

    /// A child of a parent step always reports (the parent waits for it). A top-level invocation
    /// reports only what its breaker counts: failures, and anything else once the breaker has a
    /// row; the healthy path of a popular child costs one primary-key read instead of a task.
    private static func needsReport(_ execution: ExecutionRecord, status: ExecutionStatus, on tx: PostgresTransaction) async throws -> Bool {
        if execution.parent?.attempt != nil || status == .failed { return true }
        return try await tx.queryFirst(
            "SELECT 1 FROM subworkflow_breakers WHERE tenant_id = $1 AND child_version_id = $2",
            [execution.tenantID, execution.workflowVersionID]) != nil
    }

    /// Cancels every child (and, through their own ends, grandchild) that has not ended.
    static func cancelChildren(of parent: ExecutionRecord, on tx: PostgresTransaction) async throws {
        for child in try await ExecutionQueries.lockRunningChildren(tenantID: parent.tenantID, parentID: parent.id, on: tx) {
            try await ExecutionQueries.finish(child.id, status: .cancelled, output: nil, error: nil, on: tx)
            try await EventQueries.append(
                tenantID: child.tenantID, executionID: child.id, type: .executionCancelled,
                payload: ["reason": .string("The parent execution \(parent.id.uuidString.lowercased()) ended.")], on: tx)
            _ = try await TaskQueries.cancelReady(executionID: child.id, on: tx)
            try await ended(child, status: .cancelled, on: tx)
        }
    }
}
