import Foundation
import Postgres

/// A new execution as its launch wrote it.
///
/// A launch that leaves the execution running has written everything there is to know about it at
/// that moment: the record, its first events, no step runs (steps only run once a worker claims
/// their tasks) and no children (those come from its `subworkflow` steps, which are tasks too).
/// The API answers the request that started it from this, with no second read.
public struct LaunchedExecution: Sendable {
    public let record: ExecutionRecord
    /// The events the launch wrote, in order; nil unless the caller asked for them, and nil when the
    /// launch already ended the execution (a workflow without steps): those come from the store.
    public let events: [ExecutionEvent]?
}

/// Inserts a new execution and schedules its first steps, inside the caller's transaction: the
/// one path for root executions (``Executions/start``), child executions started by a parent's
/// `subworkflow` step, and invocations through the API.
enum ExecutionLauncher {
    static func launch(
        id: UUID = UUID(), tenantID: String, versionID: UUID, definition: WorkflowDefinition, input: JSONValue, idempotencyKey: String?,
        placement: ExecutionPlacement, environment: [String: String], returningEvents: Bool = false, on tx: PostgresTransaction
    ) async throws -> LaunchedExecution {
        // The new row is invisible to other transactions until commit, so it needs no lock.
        let execution = try await ExecutionQueries.insert(
            id: id, tenantID: tenantID, versionID: versionID, input: input, idempotencyKey: idempotencyKey, placement: placement, on: tx)
        let events = EventBatch(tenantID: tenantID, executionID: execution.id)
        var created: JSONObject = ["workflow": .string(definition.name), "version": .string(definition.version.description)]
        if let parent = placement.parent {
            created["parentExecutionId"] = .string(parent.executionID.uuidString.lowercased())
            if let step = parent.stepID { created["parentStepId"] = .string(step) }
            created["iteration"] = .int(Int64(parent.iteration))
            if let attempt = parent.attempt { created["attempt"] = .int(Int64(attempt)) }
        }
        if placement.invoked { created["invoked"] = true }
        events.add(.executionCreated, payload: .object(created))
        let ended = try await ExecutionProgress.advance(
            execution: execution, definition: definition, environment: environment, outputs: [:], events: events, on: tx)
        let written = try await events.flush(on: tx, returningEvents: returningEvents && ended == nil)
        guard ended != nil else { return LaunchedExecution(record: execution, events: returningEvents ? written : nil) }
        return LaunchedExecution(record: try await ExecutionQueries.find(tenantID: tenantID, id: execution.id, on: tx) ?? execution, events: nil)
    }
}
