import Foundation
import Logging
import Metrics
import Postgres

/// Runs `compensate` tasks: one step's compensate handler, with its own retries, timeout and an
/// idempotency key derived from the forward step's (`…:compensate`).
///
/// Each outcome commits with the task's completion, fenced by its attempt, under the
/// compensation's row lock: a handler that completed is never run again (its step run says
/// COMPLETED), a crashed worker's attempt runs again with the same key, and deciding what runs
/// next happens once. A handler that fails for good ends the compensation as FAILED and the
/// execution as COMPENSATION_FAILED, naming the step and every step left uncompensated.
struct CompensationTaskHandler: TaskHandler {
    let postgres: PostgresClient
    let definitions: DefinitionCache
    let environment: [String: String]
    let secrets: any SecretProvider
    let executors: [StepKind: any StepExecutor]
    let leaseSeconds: Double
    let logger: Logger

    private struct Prepared: Sendable {
        let record: CompensationRecord
        let item: CompensationItem
        let execution: ExecutionRecord
        let handler: CompensationDefinition
        let outputs: [String: JSONValue]
    }

    func handle(_ task: ClaimedTask) async -> TaskOutcome {
        let payload = (try? JSONValue.parse(task.payload)) ?? .null
        guard case .string(let text)? = payload["compensationId"], let id = UUID(uuidString: text), let index = payload["index"]?.intValue else {
            return .failed(error: "The task payload does not name a compensation item: \(task.payload)")
        }
        do {
            guard let prepared = try await postgres.transaction({ tx in try await self.prepare(task, id: id, index: Int(index), on: tx) }) else {
                return .completedByHandler
            }
            let outcome = await run(prepared, task: task)
            try await postgres.transaction { tx in try await self.record(outcome, prepared, task: task, on: tx) }
            return .completedByHandler
        } catch {
            logger.warning("Compensation task \(task.id) could not be processed: \(error)")
            if task.attempt < task.maxAttempts { return .retry(after: 1, error: "\(error)") }
            // Last attempt: end the compensation as FAILED (naming the step) rather than leave it
            // RUNNING forever with nothing scheduled.
            do {
                try await postgres.transaction { tx in
                    guard let record = try await CompensationQueries.lock(tenantID: task.tenantID, id: id, on: tx), Int(index) < record.plan.count else { return }
                    guard try await TaskQueries.failPermanently(task, error: "\(error)", on: tx) else { throw LeaseLost(taskID: task.id) }
                    try await self.failItem(record, record.plan[Int(index)], reason: "The compensation could not be processed: \(error)", task: task, on: tx)
                }
                return .completedByHandler
            } catch {
                return .failed(error: "\(error)")
            }
        }
    }

    /// Marks the item RUNNING (with `COMPENSATE_STARTED` on its first attempt); nil when there is
    /// nothing to do (done, failed, or the compensation has ended).
    private func prepare(_ task: ClaimedTask, id: UUID, index: Int, on tx: PostgresTransaction) async throws -> Prepared? {
        guard let record = try await CompensationQueries.lock(tenantID: task.tenantID, id: id, on: tx), index < record.plan.count else {
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            return nil
        }
        let item = record.plan[index]
        let status = try await CompensationQueries.itemStatuses([item], on: tx)[item]
        // After another item failed for good nothing new starts, but an item already running
        // (retrying) may finish, as a parallel compensation's other handlers do.
        guard status == "RUNNING" || (record.status == "RUNNING" && status == "REQUESTED") else {
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            return nil
        }
        guard let execution = try await ExecutionQueries.lock(tenantID: task.tenantID, id: item.executionID, on: tx) else {
            throw EngineError(.notFound, "Execution \(item.executionID) of compensation \(id) does not exist.")
        }
        let definition = try await definitions.definition(tenantID: task.tenantID, versionID: execution.workflowVersionID, postgres: tx)
        guard let handler = definition.step(item.stepID)?.compensate else {
            throw EngineError(.invalidState, "Step \"\(item.stepID)\" of \(definition.name)@\(definition.version) has no compensate handler.")
        }
        if status == "REQUESTED" {
            // A step that was still running when the plan was made is undone only after its
            // attempt ends (undoing first could be overtaken by its effect), and not at all if it
            // then failed cleanly. The step's outcome takes the execution's lock we hold.
            switch try await CompensationQueries.forwardRun(of: item, on: tx) {
            case .attemptRunning:
                guard try await TaskQueries.postpone(
                    task, seconds: Self.forwardPollSeconds, reason: "Waiting for the running attempt of step \"\(item.stepID)\" to end.", on: tx)
                else { throw LeaseLost(taskID: task.id) }
                return nil
            case .failedCleanly:
                guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
                try await complete(item, of: record, payload: ["skipped": true, "label": .string(item.label), "reason": "the step failed without taking effect"], task: task, on: tx)
                return nil
            case .settled:
                break
            }
            try await CompensationQueries.setItemStatus([item], "RUNNING", on: tx)
            try await CompensationQueries.setState([record.executionID, item.executionID], "RUNNING", on: tx)
            try await EventQueries.append(
                tenantID: task.tenantID, executionID: item.executionID, type: .compensateStarted, stepID: item.stepID,
                payload: ["attempt": .int(Int64(task.attempt)), "label": .string(item.label)], on: tx)
        }
        let outputs = try await ExecutionProgress.succeededOutputs(execution, on: tx)
        return Prepared(record: record, item: item, execution: execution, handler: handler, outputs: outputs)
    }

    /// Runs the handler under its timeout, heartbeating the lease.
    private func run(_ prepared: Prepared, task: ClaimedTask) async -> Result<StepResult, StepFailure> {
        let handler = prepared.handler
        guard let executor = executors[handler.type.kind] ?? StepTaskHandler.inlineExecutors[handler.type.kind] else {
            return .failure(StepFailure(message: "A \(handler.type.kind.rawValue) compensate handler cannot run in this version.", retryable: false))
        }
        let paths = Array(Set(handler.type.templates(at: .root).flatMap(\.template.references).compactMap { reference -> String? in
            if case .secret(let path) = reference.root { return path }
            return nil
        }))
        let resolved: ResolvedSecrets
        do { resolved = try await ResolvedSecrets.resolving(paths, with: secrets) } catch {
            return .failure(StepFailure(message: error.description, retryable: false))
        }
        if case .delay(let delay) = handler.type {
            // The queue does a forward delay step's waiting; a compensating delay waits here.
            try? await Task.sleep(for: .seconds(min(delay.duration.seconds, handler.timeout?.seconds ?? StepTaskHandler.defaultTimeout)))
            return .success(StepResult(output: .object(JSONObject()), input: nil))
        }
        let context = TemplateContext(input: prepared.execution.input, stepOutputs: prepared.outputs, env: environment)
        var invocation = StepInvocation(
            tenantID: task.tenantID, executionID: prepared.execution.id, stepID: prepared.item.stepID, iteration: 0, attempt: task.attempt,
            traceID: prepared.execution.traceID, timeout: handler.timeout?.seconds ?? StepTaskHandler.defaultTimeout)
        invocation.keySuffix = ":compensate"
        do throws(StepFailure) {
            return .success(try await StepAttempt.run(
                executor, handler.type, what: "The compensation of \"\(prepared.item.label)\"", renderer: TemplateRenderer(context: context, secrets: resolved),
                invocation: invocation, task: task, postgres: postgres, leaseSeconds: leaseSeconds))
        } catch {
            return .failure(error)
        }
    }

    private func record(_ outcome: Result<StepResult, StepFailure>, _ prepared: Prepared, task: ClaimedTask, on tx: PostgresTransaction) async throws {
        guard let record = try await CompensationQueries.lock(tenantID: task.tenantID, id: prepared.record.id, on: tx) else { return }
        let item = prepared.item
        switch outcome {
        case .failure(let failure) where failure.leaseLost:
            return  // the worker that took the task over owns its outcome
        case .failure(let failure) where failure.retryable && task.attempt < task.maxAttempts:
            let delay = StepAttempt.retryDelay(prepared.handler.retry, afterAttempt: task.attempt)
            guard try await TaskQueries.fail(task, error: failure.message, retryAfter: delay, on: tx) != nil else { throw LeaseLost(taskID: task.id) }
        case .success:
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            _ = try await ExecutionQueries.lock(tenantID: task.tenantID, id: item.executionID, on: tx)
            try await complete(item, of: record, payload: ["attempts": .int(Int64(task.attempt)), "label": .string(item.label)], task: task, on: tx)
        case .failure(let failure):
            guard try await TaskQueries.failPermanently(task, error: failure.message, on: tx) else { throw LeaseLost(taskID: task.id) }
            try await failItem(record, item, reason: failure.message, task: task, on: tx)
        }
    }

    /// How often a handler waiting for its step's running attempt looks again.
    static let forwardPollSeconds = 0.5

    /// Records `item` as undone (`COMPENSATE_COMPLETED` with `payload`) and starts the next
    /// handlers, or ends the compensation when none is left. The caller holds the compensation's
    /// and the item execution's locks and has completed the task.
    private func complete(_ item: CompensationItem, of record: CompensationRecord, payload: JSONObject, task: ClaimedTask, on tx: PostgresTransaction) async throws {
        try await CompensationQueries.setItemStatus([item], "COMPLETED", on: tx)
        try await EventQueries.append(
            tenantID: task.tenantID, executionID: item.executionID, type: .compensateCompleted, stepID: item.stepID, payload: .object(payload), on: tx)
        guard record.status == "RUNNING" else { return }
        if try await !Compensations.enqueueNext(record, on: tx) {
            Counter(label: "maestro_compensations_total", dimensions: [("tenant", task.tenantID), ("outcome", "completed")]).increment()
            try await CompensationQueries.finish(record.id, status: "COMPLETED", on: tx)
            try await CompensationQueries.setState([record.executionID] + record.plan.map(\.executionID), "COMPLETED", on: tx)
        }
    }

    /// Records that `item` failed for good; the first such failure ends the compensation as
    /// FAILED and the execution as COMPENSATION_FAILED, naming every step left uncompensated.
    private func failItem(_ record: CompensationRecord, _ item: CompensationItem, reason: String, task: ClaimedTask, on tx: PostgresTransaction) async throws {
        _ = try await ExecutionQueries.lock(tenantID: task.tenantID, id: record.executionID, on: tx)
        _ = try await ExecutionQueries.lock(tenantID: task.tenantID, id: item.executionID, on: tx)
        try await CompensationQueries.setItemStatus([item], "FAILED", on: tx)
        try await EventQueries.append(
            tenantID: task.tenantID, executionID: item.executionID, type: .compensateFailed, stepID: item.stepID,
            payload: ["reason": .string(reason), "attempts": .int(Int64(task.attempt)), "label": .string(item.label)], on: tx)
        guard record.status == "RUNNING" else { return }
        let statuses = try await CompensationQueries.itemStatuses(record.plan, on: tx)
        let left = record.plan.filter { $0 != item && statuses[$0] != "COMPLETED" }.map(\.label)
        Counter(label: "maestro_compensations_total", dimensions: [("tenant", task.tenantID), ("outcome", "failed")]).increment()
        try await CompensationQueries.finish(record.id, status: "FAILED", on: tx)
        try await CompensationQueries.setState([record.executionID] + record.plan.map(\.executionID), "FAILED", on: tx)
        let root = try await ExecutionQueries.find(tenantID: task.tenantID, id: record.executionID, on: tx)
        var error: JSONObject = [
            "message": .string("The compensation of step \"\(item.label)\" failed after \(task.attempt) attempt(s): \(reason)"),
            "stepId": .string(item.label), "notCompensated": .array(left.map(JSONValue.string)),
        ]
        if let original = root?.error { error["cause"] = original }
        try await CompensationQueries.markCompensationFailed(record.executionID, error: .object(error), on: tx)
        try await EventQueries.append(tenantID: task.tenantID, executionID: record.executionID, type: .executionCompensationFailed, payload: .object(error), on: tx)
    }
}
