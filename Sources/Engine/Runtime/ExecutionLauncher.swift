import Foundation
import Postgres

/// Inserts a new execution and schedules its first steps, inside the caller's transaction: the
/// one path for root executions (``Executions/start``), child executions started by a parent's
/// `subworkflow` step, and invocations through the API.
enum ExecutionLauncher {
    static func launch(
        id: UUID = UUID(), tenantID: String, versionID: UUID, definition: WorkflowDefinition, input: JSONValue, idempotencyKey: String?,
        placement: ExecutionPlacement, environment: [String: String], on tx: PostgresTransaction
    ) async throws -> ExecutionRecord {
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
        try await events.flush(on: tx)
        guard ended != nil else { return execution }
        return try await ExecutionQueries.find(tenantID: tenantID, id: execution.id, on: tx) ?? execution
    }
}
