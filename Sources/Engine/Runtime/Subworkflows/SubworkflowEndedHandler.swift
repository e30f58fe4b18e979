import Foundation
import Logging
import Postgres

/// Runs `subworkflow-ended` tasks, enqueued in the transaction that ended an invoked execution:
/// counts the outcome on the child version's circuit breaker and, when the child ran for a
/// parent step, reconciles that step (collect the output, start the next element, retry, or
/// fail). Locks are taken parent first, then the breaker row, like every other path.
struct SubworkflowEndedHandler: TaskHandler {
    let postgres: PostgresClient
    let definitions: DefinitionCache
    let coordinator: SubworkflowCoordinator
    let logger: Logger

    func handle(_ task: ClaimedTask) async -> TaskOutcome {
        guard case .string(let text)? = try? JSONValue.parse(task.payload)["executionId"], let childID = UUID(uuidString: text) else {
            return .failed(error: "The task payload does not name an execution: \(task.payload)")
        }
        do {
            try await postgres.transaction { tx in try await self.process(task, childID: childID, on: tx) }
            return .completedByHandler
        } catch {
            logger.warning("Reporting the end of sub-workflow \(childID) failed: \(error)")
            if task.attempt < task.maxAttempts { return .retry(after: Double(min(task.attempt, 30)), error: "\(error)") }
            // Last attempt: fail the parent step rather than leave it waiting for a wake-up that
            // will not come.
            do {
                try await postgres.transaction { tx in try await self.failParentStep(task, childID: childID, reason: "\(error)", on: tx) }
                return .completedByHandler
            } catch {
                return .failed(error: "\(error)")
            }
        }
    }

    private func failParentStep(_ task: ClaimedTask, childID: UUID, reason: String, on tx: PostgresTransaction) async throws {
        guard try await TaskQueries.failPermanently(task, error: reason, on: tx) else { throw LeaseLost(taskID: task.id) }
        guard let child = try await ExecutionQueries.find(tenantID: task.tenantID, id: childID, on: tx), let link = child.parent,
            let stepID = link.stepID, link.attempt != nil,
            let parent = try await ExecutionQueries.lock(tenantID: task.tenantID, id: link.executionID, on: tx), !parent.status.isTerminal,
            try await StepRunQueries.status(executionID: parent.id, stepID: stepID, on: tx) == "RUNNING"
        else { return }
        let error: JSONObject = [
            "stepId": .string(stepID), "childExecutionId": .string(childID.uuidString.lowercased()),
            "message": .string("The end of sub-workflow execution \(childID.uuidString.lowercased()) could not be processed: \(reason)"),
        ]
        try await StepRunQueries.finished(executionID: parent.id, stepID: stepID, iteration: 0, status: "FAILED", output: nil, error: .object(error), on: tx)
        try await EventQueries.append(tenantID: task.tenantID, executionID: parent.id, type: .stepFailed, stepID: stepID, payload: .object(error), on: tx)
        try await ExecutionProgress.fail(parent, error: ["message": .string("Step \"\(stepID)\" failed: \(error["message"]?.stringValue ?? reason)"), "stepId": .string(stepID)], on: tx)
    }

    private func process(_ task: ClaimedTask, childID: UUID, on tx: PostgresTransaction) async throws {
        guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
        guard let child = try await ExecutionQueries.find(tenantID: task.tenantID, id: childID, on: tx), child.status.isTerminal else { return }
        // The parent's lock comes before the breaker row's (see the type's comment).
        var parent: ExecutionRecord?
        if let link = child.parent {
            parent = try await ExecutionQueries.lock(tenantID: task.tenantID, id: link.executionID, on: tx)
        }
        try await recordOnBreaker(child, on: tx)
        guard let parent, !parent.status.isTerminal, let link = child.parent, let stepID = link.stepID, link.attempt != nil else { return }
        let definition = try await definitions.definition(tenantID: parent.tenantID, versionID: parent.workflowVersionID, postgres: tx)
        guard let step = definition.step(stepID), case .subworkflow(let config) = step.type,
            try await StepRunQueries.status(executionID: parent.id, stepID: stepID, on: tx) == "RUNNING"
        else { return }
        let events = EventBatch(tenantID: parent.tenantID, executionID: parent.id)
        var ended: JSONObject = [
            "childExecutionId": .string(child.id.uuidString.lowercased()), "status": .string(child.status.rawValue),
            "iteration": .int(Int64(link.iteration)),
        ]
        if let attempt = link.attempt { ended["attempt"] = .int(Int64(attempt)) }
        if let error = child.error { ended["error"] = error }
        events.add(.subworkflowEnded, stepID: stepID, payload: .object(ended))
        let outputs = try await ExecutionProgress.succeededOutputs(parent, on: tx)
        try await coordinator.reconcile(parent: parent, definition: definition, step: step, config: config, outputs: outputs, events: events, on: tx)
        try await events.flush(on: tx)
    }

    private func recordOnBreaker(_ child: ExecutionRecord, on tx: PostgresTransaction) async throws {
        let outcome: InvocationOutcome
        switch child.status {
        case .succeeded: outcome = .succeeded
        case .failed, .compensationFailed: outcome = .failed
        default: outcome = .cancelled
        }
        guard let changed = try await SubworkflowBreakerQueries.record(
            tenantID: child.tenantID, childVersionID: child.workflowVersionID, executionID: child.id, outcome: outcome,
            settings: coordinator.settings.breaker, on: tx)
        else { return }
        BreakerMetrics.state(changed, tenantID: child.tenantID, childVersionID: child.workflowVersionID)
        if changed == .open {
            logger.warning("The circuit breaker of workflow version \(child.workflowVersionID) (tenant \(child.tenantID)) opened: invocations fail fast until a probe succeeds.")
        } else {
            logger.info("The circuit breaker of workflow version \(child.workflowVersionID) (tenant \(child.tenantID)) closed again.")
        }
    }
}
