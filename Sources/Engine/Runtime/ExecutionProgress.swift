import Foundation
import Postgres

/// Moves an execution forward inside a transaction that holds its row lock: schedules every step
/// whose `needs` have all succeeded, and finishes the execution once every step has.
enum ExecutionProgress {
    /// Schedules ready steps and, when nothing is left, renders and validates the output and ends
    /// the execution. Returns the final status if it ended.
    @discardableResult
    static func advance(
        execution: ExecutionRecord, definition: WorkflowDefinition, environment: [String: String],
        outputs known: [String: JSONValue]? = nil, on tx: PostgresTransaction
    ) async throws -> ExecutionStatus? {
        let outputs: [String: JSONValue]
        if let known { outputs = known } else { outputs = try await succeededOutputs(execution, on: tx) }
        let succeeded = Set(outputs.keys)

        if succeeded.count == definition.steps.count {
            return try await finish(execution: execution, definition: definition, outputs: outputs, environment: environment, on: tx)
        }
        let graph = StepGraph(steps: definition.steps)
        for stepID in graph.readySteps(completed: succeeded) {
            guard let step = definition.step(stepID) else { continue }
            try await schedule(step, of: execution, on: tx)
        }
        return nil
    }

    /// Outputs of the execution's succeeded steps, by step id.
    static func succeededOutputs(_ execution: ExecutionRecord, on db: some PostgresExecutor) async throws -> [String: JSONValue] {
        var outputs: [String: JSONValue] = [:]
        for run in try await StepRunQueries.all(tenantID: execution.tenantID, executionID: execution.id, on: db) where run.status == "SUCCEEDED" {
            outputs[run.stepID] = run.output ?? .null
        }
        return outputs
    }

    /// Enqueues one step (idempotent through the task's unique key).
    static func schedule(_ step: StepDefinition, of execution: ExecutionRecord, on tx: PostgresTransaction) async throws {
        let payload = StepTaskPayload(executionID: execution.id, stepID: step.id)
        var runAt: Date?
        // A delay step is a task that becomes ready later: no worker waits for it.
        if case .delay(let delay) = step.type { runAt = Date().addingTimeInterval(delay.duration.seconds) }
        let task = NewTask(
            tenantID: execution.tenantID, kind: StepTaskPayload.kind, payload: payload.json,
            maxAttempts: max(step.retry?.attempts ?? 1, 1), runAt: runAt, uniqueKey: payload.uniqueKey, executionID: execution.id)
        if try await TaskQueries.insert(task, on: tx) != nil {
            try await EventQueries.append(tenantID: execution.tenantID, executionID: execution.id, type: .stepScheduled, stepID: step.id, on: tx)
        }
    }

    private static func finish(
        execution: ExecutionRecord, definition: WorkflowDefinition, outputs: [String: JSONValue], environment: [String: String],
        on tx: PostgresTransaction
    ) async throws -> ExecutionStatus {
        var output: JSONValue = .object(JSONObject())
        if let template = definition.output {
            let context = TemplateContext(input: execution.input, stepOutputs: outputs, env: environment)
            do {
                output = try TemplateRenderer(context: context).render(template).redacted
            } catch {
                try await fail(execution, error: ["message": .string("The workflow output could not be rendered: \(error)")], on: tx)
                return .failed
            }
        }
        if let schema = definition.outputSchema {
            let problems = schema.validate(output)
            if !problems.isEmpty {
                try await fail(execution, error: [
                    "message": .string("The workflow output does not match outputSchema."),
                    "details": .array(problems.map { .string($0.description) }),
                ], on: tx)
                return .failed
            }
        }
        try await ExecutionQueries.finish(execution.id, status: .succeeded, output: output, error: nil, on: tx)
        try await EventQueries.append(tenantID: execution.tenantID, executionID: execution.id, type: .executionSucceeded, on: tx)
        return .succeeded
    }

    /// Ends the execution as FAILED and cancels its remaining ready tasks.
    static func fail(_ execution: ExecutionRecord, error: JSONObject, on tx: PostgresTransaction) async throws {
        try await ExecutionQueries.finish(execution.id, status: .failed, output: nil, error: .object(error), on: tx)
        try await EventQueries.append(tenantID: execution.tenantID, executionID: execution.id, type: .executionFailed, payload: .object(error), on: tx)
        try await TaskQueries.cancelReady(executionID: execution.id, on: tx)
    }
}
