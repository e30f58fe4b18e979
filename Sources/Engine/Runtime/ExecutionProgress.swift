import Foundation
import Postgres

/// Moves an execution forward inside a transaction that holds its row lock: schedules every step
/// whose `needs` have all succeeded, and finishes the execution once every step has.
enum ExecutionProgress {
    /// Schedules ready steps and, when nothing is left, renders and validates the output and ends
    /// the execution. Returns the final status if it ended.
    ///
    /// With `fusingAfter`, transform steps that the just-completed step made ready run right here,
    /// in this transaction (and so do transforms they make ready, up to `fusionLimit`): a
    /// transform is pure and cheap, so a task, a claim and a transaction of its own would cost far
    /// more than the step. Each fused step still gets its step run and its `STEP_SCHEDULED` and
    /// `STEP_SUCCEEDED` events, and commits atomically with the step that made it ready. Only
    /// newly ready steps are fused: they cannot have a task yet, so nothing runs twice.
    @discardableResult
    static func advance(
        execution: ExecutionRecord, definition: WorkflowDefinition, environment: [String: String],
        outputs known: [String: JSONValue]? = nil, fusingAfter completed: String? = nil, events: EventBatch? = nil,
        on tx: PostgresTransaction
    ) async throws -> ExecutionStatus? {
        var outputs: [String: JSONValue]
        if let known { outputs = known } else { outputs = try await succeededOutputs(execution, on: tx) }
        let graph = StepGraph(steps: definition.steps)
        if let completed {
            var justCompleted: Set<String> = [completed]
            var budget = fusionLimit
            while budget > 0 {
                let fusable = graph.readySteps(completed: Set(outputs.keys)).compactMap(definition.step).filter { step in
                    step.isFusable && step.needs.contains(where: justCompleted.contains)
                }
                guard !fusable.isEmpty else { break }
                justCompleted = []
                for step in fusable.prefix(budget) {
                    budget -= 1
                    guard let output = try await runFused(step, of: execution, outputs: outputs, environment: environment, events: events, on: tx) else {
                        return .failed
                    }
                    outputs[step.id] = output
                    justCompleted.insert(step.id)
                }
            }
        }
        let succeeded = Set(outputs.keys)
        if succeeded.count == definition.steps.count {
            return try await finish(execution: execution, definition: definition, outputs: outputs, environment: environment, events: events, on: tx)
        }
        for stepID in graph.readySteps(completed: succeeded) {
            guard let step = definition.step(stepID) else { continue }
            try await schedule(step, of: execution, events: events, on: tx)
        }
        return nil
    }

    /// Fused steps per transaction at most, so one long chain of transforms cannot hold the
    /// execution's lock (and one transaction) for long; the rest continue as tasks.
    static let fusionLimit = 32

    /// Runs one fused transform; returns its output, or nil after failing the execution.
    private static func runFused(
        _ step: StepDefinition, of execution: ExecutionRecord, outputs: [String: JSONValue], environment: [String: String],
        events: EventBatch?, on tx: PostgresTransaction
    ) async throws -> JSONValue? {
        try await record(.stepScheduled, stepID: step.id, payload: ["fused": true], of: execution, events: events, on: tx)
        let invocation = StepInvocation(
            tenantID: execution.tenantID, executionID: execution.id, stepID: step.id, iteration: 0, attempt: 1,
            traceID: execution.traceID, timeout: StepTaskHandler.defaultTimeout)
        let renderer = TemplateRenderer(context: TemplateContext(input: execution.input, stepOutputs: outputs, env: environment))
        let ran: Result<StepResult, StepFailure>
        do throws(StepFailure) {
            ran = .success(try await TransformStepExecutor().run(step.type, renderer: renderer, invocation: invocation))
        } catch {
            ran = .failure(error)
        }
        switch ran {
        case .success(let result):
            try await recordRun(InlineStepRun(stepID: step.id, iteration: 0, attempt: 1, status: "SUCCEEDED", output: result.output, error: nil), of: execution, events: events, on: tx)
            try await record(.stepSucceeded, stepID: step.id, payload: ["attempt": 1], of: execution, events: events, on: tx)
            return result.output
        case .failure(let error):
            let failure: JSONObject = ["stepId": .string(step.id), "message": .string(error.message), "attempts": 1]
            try await recordRun(InlineStepRun(stepID: step.id, iteration: 0, attempt: 1, status: "FAILED", output: nil, error: .object(failure)), of: execution, events: events, on: tx)
            try await record(.stepFailed, stepID: step.id, payload: .object(failure), of: execution, events: events, on: tx)
            try await fail(execution, error: ["message": .string("Step \"\(step.id)\" failed: \(error.message)"), "stepId": .string(step.id)], events: events, on: tx)
            return nil
        }
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
    static func schedule(_ step: StepDefinition, of execution: ExecutionRecord, events: EventBatch? = nil, on tx: PostgresTransaction) async throws {
        let payload = StepTaskPayload(executionID: execution.id, stepID: step.id)
        var runAt: Date?
        // A delay step is a task that becomes ready later: no worker waits for it.
        if case .delay(let delay) = step.type { runAt = Date().addingTimeInterval(delay.duration.seconds) }
        let task = NewTask(
            tenantID: execution.tenantID, kind: StepTaskPayload.kind, priority: execution.priority, payload: payload.json,
            maxAttempts: max(step.retry?.attempts ?? 1, 1), runAt: runAt, uniqueKey: payload.uniqueKey, executionID: execution.id)
        if try await TaskQueries.insert(task, on: tx) != nil {
            try await record(.stepScheduled, stepID: step.id, of: execution, events: events, on: tx)
        }
    }

    private static func finish(
        execution: ExecutionRecord, definition: WorkflowDefinition, outputs: [String: JSONValue], environment: [String: String],
        events: EventBatch?, on tx: PostgresTransaction
    ) async throws -> ExecutionStatus {
        var output: JSONValue = .object(JSONObject())
        if let template = definition.output {
            let context = TemplateContext(input: execution.input, stepOutputs: outputs, env: environment)
            do {
                output = try TemplateRenderer(context: context).render(template).redacted
            } catch {
                try await fail(execution, error: ["message": .string("The workflow output could not be rendered: \(error)")], events: events, on: tx)
                return .failed
            }
        }
        if let schema = definition.outputSchema {
            let problems = schema.validate(output)
            if !problems.isEmpty {
                try await fail(execution, error: [
                    "message": .string("The workflow output does not match outputSchema."),
                    "details": .array(problems.map { .string($0.description) }),
                ], events: events, on: tx)
                return .failed
            }
        }
        try await ExecutionQueries.finish(execution.id, status: .succeeded, output: output, error: nil, on: tx)
        try await record(.executionSucceeded, of: execution, events: events, on: tx)
        try await ExecutionEnding.ended(execution, status: .succeeded, on: tx)
        return .succeeded
    }

    /// Ends the execution as FAILED and cancels its remaining ready tasks and running children.
    static func fail(_ execution: ExecutionRecord, error: JSONObject, events: EventBatch? = nil, on tx: PostgresTransaction) async throws {
        try await ExecutionQueries.finish(execution.id, status: .failed, output: nil, error: .object(error), on: tx)
        try await record(.executionFailed, payload: .object(error), of: execution, events: events, on: tx)
        try await TaskQueries.cancelReady(executionID: execution.id, on: tx)
        try await ExecutionEnding.ended(execution, status: .failed, failedStepID: error["stepId"]?.stringValue, on: tx)
    }

    /// Appends an event now, or adds it to the transaction's batch when there is one.
    static func record(
        _ type: ExecutionEventType, stepID: String? = nil, payload: JSONValue = .object(JSONObject()), of execution: ExecutionRecord,
        events: EventBatch?, on tx: PostgresTransaction
    ) async throws {
        if let events {
            events.add(type, stepID: stepID, payload: payload)
        } else {
            try await EventQueries.append(tenantID: execution.tenantID, executionID: execution.id, type: type, stepID: stepID, payload: payload, on: tx)
        }
    }

    /// Records an inline step run now, or adds it to the transaction's batch when there is one.
    static func recordRun(_ run: InlineStepRun, of execution: ExecutionRecord, events: EventBatch?, on tx: PostgresTransaction) async throws {
        if let events {
            events.addStepRun(run)
        } else {
            try await StepRunQueries.ranInline(tenantID: execution.tenantID, executionID: execution.id, runs: [run], on: tx)
        }
    }
}
