import Foundation
import Logging
import Postgres

/// Runs `step` tasks: loads the execution and its definition, renders the step, runs it with its
/// timeout, and records the outcome.
///
/// On success the step's result, its events, the task's completion and its successors' tasks
/// commit in one transaction that holds the execution's row lock; the completion is fenced by the
/// task's attempt, so a worker that lost its lease rolls everything back instead of recording the
/// step twice.
public struct StepTaskHandler: TaskHandler {
    let postgres: PostgresClient
    let definitions: DefinitionCache
    let environment: [String: String]
    let secrets: any SecretProvider
    let executors: [StepKind: any StepExecutor]
    let leaseSeconds: Double
    /// The deterministic step-result cache; nil runs every step uncached.
    let cache: StepResultCache?
    /// Starts and collects the children of `subworkflow` steps.
    let subworkflows: SubworkflowCoordinator
    let logger: Logger

    /// Seconds a step may run when its definition sets no timeout.
    static let defaultTimeout = 30.0

    public func handle(_ task: ClaimedTask) async -> TaskOutcome {
        guard let payload = try? StepTaskPayload(json: task.payload) else {
            return .failed(error: "The task payload is not a step reference: \(task.payload)")
        }
        if task.attemptsExhausted {
            return await failForGood(task, payload, reason: "The worker running the last allowed attempt stopped before finishing (its lease expired).")
        }
        do {
            return try await run(task, payload)
        } catch {
            // The database (or something else outside the step) failed. Try again while attempts
            // remain; on the last one, fail the step for good so the execution ends instead of
            // waiting forever for a task that will not run again.
            logger.warning("Step task \(task.id) could not be processed: \(error)")
            if task.attempt < task.maxAttempts { return .retry(after: 1, error: "\(error)") }
            return await failForGood(task, payload, reason: "\(error)")
        }
    }

    /// Last resort after an infrastructure error on the final attempt: fail the step and its
    /// execution without needing anything else (the definition may be what failed to load).
    private func failForGood(_ task: ClaimedTask, _ payload: StepTaskPayload, reason: String) async -> TaskOutcome {
        do {
            try await postgres.transaction { tx in
                guard let execution = try await ExecutionQueries.lock(tenantID: task.tenantID, id: payload.executionID, on: tx) else { return }
                guard try await TaskQueries.failPermanently(task, error: reason, on: tx) else { throw LeaseLost(taskID: task.id) }
                if execution.status.isTerminal { return }
                let error: JSONObject = ["stepId": .string(payload.stepID), "message": .string("The step could not be processed: \(reason)")]
                try await EventQueries.append(tenantID: task.tenantID, executionID: execution.id, type: .stepFailed, stepID: payload.stepID, payload: .object(error), on: tx)
                try await ExecutionProgress.fail(execution, error: error, on: tx)
            }
            return .completedByHandler
        } catch {
            return .failed(error: reason)
        }
    }

    /// What the first transaction decided.
    private enum Prepared: Sendable {
        /// The task is dealt with (inline step ran, execution ended, step already done).
        case done(TaskOutcome)
        /// An external step (http, sql) is recorded as started and must now run.
        case external(ExecutionRecord, WorkflowDefinition, StepDefinition, [String: JSONValue])
    }

    private func run(_ task: ClaimedTask, _ payload: StepTaskPayload) async throws -> TaskOutcome {
        let prepared = try await postgres.transaction { tx in try await self.prepare(task, payload, on: tx) }
        guard case .external(let execution, let definition, let step, let outputs) = prepared else {
            if case .done(let outcome) = prepared { return outcome }
            return .completed
        }
        let timeout = step.timeout?.seconds ?? Self.defaultTimeout
        let invocation = StepInvocation(
            tenantID: task.tenantID, executionID: execution.id, stepID: step.id, iteration: payload.iteration,
            attempt: task.attempt, traceID: execution.traceID, timeout: timeout)
        let context = TemplateContext(input: execution.input, stepOutputs: outputs, env: environment)
        let outcome: Result<StepResult, StepFailure>
        do throws(StepFailure) {
            outcome = .success(try await runStep(step, context: context, invocation: invocation, task: task, workflowVersionID: execution.workflowVersionID))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let result):
            try await recordSuccess(task, payload.iteration, execution, step, result, definition)
            return .completedByHandler
        case .failure(let failure) where failure.leaseLost:
            // The worker that took the task over owns its outcome; record nothing.
            return .completedByHandler
        case .failure(let failure):
            if failure.retryable && task.attempt < task.maxAttempts {
                let delay = StepAttempt.retryDelay(step.retry, afterAttempt: task.attempt)
                try await recordRetry(task, payload.iteration, execution, step, failure, delay)
                return .completedByHandler
            }
            try await postgres.transaction { tx in
                guard let locked = try await ExecutionQueries.lock(tenantID: task.tenantID, id: execution.id, on: tx) else { return }
                try await self.recordFailure(task, payload.iteration, locked, step, failure, inline: false, on: tx)
            }
            return .completedByHandler
        }
    }

    /// The first transaction, under the execution's row lock: skip work that no longer matters,
    /// run inline steps to the end, or record an external step as started.
    private func prepare(_ task: ClaimedTask, _ payload: StepTaskPayload, on tx: PostgresTransaction) async throws -> Prepared {
        guard let execution = try await ExecutionQueries.lock(tenantID: task.tenantID, id: payload.executionID, on: tx) else {
            _ = try await TaskQueries.failPermanently(task, error: "Execution \(payload.executionID) does not exist.", on: tx)
            return .done(.completedByHandler)
        }
        if execution.status.isTerminal {
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            return .done(.completedByHandler)
        }
        let definition = try await definitions.definition(tenantID: task.tenantID, versionID: execution.workflowVersionID, postgres: tx)
        guard let step = definition.step(payload.stepID) else {
            _ = try await TaskQueries.failPermanently(task, error: "Step \"\(payload.stepID)\" is not part of the workflow definition.", on: tx)
            return .done(.completedByHandler)
        }
        // A PENDING execution has run no step yet (the first step task to get here marks it
        // RUNNING, below, under this lock), so it has no outputs to read.
        var outputs = execution.status == .pending ? [:] : try await ExecutionProgress.succeededOutputs(execution, on: tx)
        if outputs[step.id] != nil {
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            return .done(.completedByHandler)
        }
        // This transaction's events are written together just before it commits.
        let events = EventBatch(tenantID: task.tenantID, executionID: execution.id)
        if execution.status == .pending, try await ExecutionQueries.markRunning(execution.id, on: tx) {
            events.add(.executionStarted)
        }
        if case .subworkflow(let config) = step.type {
            // A subworkflow step starts its children in this transaction and then waits: the task
            // is done, the step run stays RUNNING until the children's ends reconcile it.
            try await StepRunQueries.started(tenantID: task.tenantID, executionID: execution.id, stepID: step.id, iteration: payload.iteration, attempt: task.attempt, input: nil, on: tx)
            events.add(.stepStarted, stepID: step.id, payload: ["attempt": .int(Int64(task.attempt))])
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            try await subworkflows.reconcile(parent: execution, definition: definition, step: step, config: config, outputs: outputs, events: events, on: tx)
            try await events.flush(on: tx)
            return .done(.completedByHandler)
        }
        guard let inline = Self.inlineExecutors[step.type.kind] else {
            try await events.flush(on: tx)
            try await StepRunQueries.started(tenantID: task.tenantID, executionID: execution.id, stepID: step.id, iteration: payload.iteration, attempt: task.attempt, input: nil, on: tx)
            try await EventQueries.append(tenantID: task.tenantID, executionID: execution.id, type: .stepStarted, stepID: step.id, payload: ["attempt": .int(Int64(task.attempt))], on: tx)
            return .external(execution, definition, step, outputs)
        }
        // Inline steps (pure computation) start and end in this transaction: one commit per step.
        let invocation = StepInvocation(
            tenantID: task.tenantID, executionID: execution.id, stepID: step.id, iteration: payload.iteration,
            attempt: task.attempt, traceID: execution.traceID, timeout: Self.defaultTimeout)
        let renderer = TemplateRenderer(context: TemplateContext(input: execution.input, stepOutputs: outputs, env: environment))
        let ran: Result<StepResult, StepFailure>
        do throws(StepFailure) {
            ran = .success(try await inline.run(step.type, renderer: renderer, invocation: invocation))
        } catch {
            ran = .failure(error)
        }
        switch ran {
        case .success(let result):
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            events.addStepRun(InlineStepRun(
                stepID: step.id, iteration: payload.iteration, attempt: task.attempt, status: "SUCCEEDED", output: result.output, error: nil))
            events.add(.stepSucceeded, stepID: step.id, payload: ["attempt": .int(Int64(task.attempt))])
            outputs[step.id] = result.output
            try await ExecutionProgress.advance(
                execution: execution, definition: definition, environment: environment, outputs: outputs, fusingAfter: step.id,
                events: events, on: tx)
            try await events.flush(on: tx)
        case .failure(let failure):
            try await events.flush(on: tx)
            try await recordFailure(task, payload.iteration, execution, step, failure, inline: true, on: tx)
        }
        return .done(.completedByHandler)
    }

    /// Step types that are pure computation and run inside the first transaction.
    static let inlineExecutors: [StepKind: any StepExecutor] = [.transform: TransformStepExecutor(), .delay: DelayStepExecutor()]

    /// Resolves secrets, then answers from the step-result cache or runs the step (see
    /// ``execute(_:renderer:invocation:task:)``), storing what a cached step computed.
    private func runStep(
        _ step: StepDefinition, context: TemplateContext, invocation: StepInvocation, task: ClaimedTask, workflowVersionID: UUID
    ) async throws(StepFailure) -> StepResult {
        guard executors[step.type.kind] != nil else {
            throw StepFailure(message: "Step type \(step.type.kind.rawValue) is not available in this version.", retryable: false)
        }
        let paths = Array(Set(step.type.templates(at: .root).flatMap(\.template.references).compactMap { reference -> String? in
            if case .secret(let path) = reference.root { return path }
            return nil
        }))
        let resolved: ResolvedSecrets
        do {
            resolved = try await ResolvedSecrets.resolving(paths, with: secrets)
        } catch {
            throw StepFailure(message: error.description, retryable: false)
        }
        let renderer = TemplateRenderer(context: context, secrets: resolved)
        guard let cache, let policy = step.cache, step.type.isDeterministic else {
            return try await execute(step, renderer: renderer, invocation: invocation, task: task)
        }
        let key: CacheKey
        do {
            key = try CacheKey.forStep(step, tenantID: task.tenantID, workflowVersionID: workflowVersionID, renderer: renderer, secrets: resolved)
        } catch {
            // Unrenderable inputs fail the step below with the renderer's own message.
            return try await execute(step, renderer: renderer, invocation: invocation, task: task)
        }
        let ticket: StepResultCache.Ticket
        // Waiting for another worker's value happens before this task's heartbeat starts, so it
        // stays well inside the lease.
        switch await cache.lookup(key, maxWaitMilliseconds: Int(leaseSeconds * 1000 / 3)) {
        case .hit(let output):
            return StepResult(output: output, input: nil, cacheKey: key.text, cacheHit: true)
        case .bypassed:
            return try await execute(step, renderer: renderer, invocation: invocation, task: task)
        case .miss(let missed):
            ticket = missed
        }
        do throws(StepFailure) {
            var result = try await execute(step, renderer: renderer, invocation: invocation, task: task)
            await cache.complete(key, ticket: ticket, output: result.output, ttlSeconds: policy.ttl.seconds)
            result.cacheKey = key.text
            result.cacheHit = false
            return result
        } catch {
            await cache.complete(key, ticket: ticket, output: nil, ttlSeconds: policy.ttl.seconds)
            throw error
        }
    }

    /// Renders and runs the step under its timeout, heartbeating the lease.
    private func execute(_ step: StepDefinition, renderer: TemplateRenderer, invocation: StepInvocation, task: ClaimedTask) async throws(StepFailure) -> StepResult {
        guard let executor = executors[step.type.kind] else {
            throw StepFailure(message: "Step type \(step.type.kind.rawValue) is not available in this version.", retryable: false)
        }
        return try await StepAttempt.run(
            executor, step.type, what: "Step \"\(step.id)\"", renderer: renderer, invocation: invocation, task: task,
            postgres: postgres, leaseSeconds: leaseSeconds)
    }

    // MARK: - Recording outcomes

    private func recordSuccess(_ task: ClaimedTask, _ iteration: Int, _ execution: ExecutionRecord, _ step: StepDefinition, _ result: StepResult, _ definition: WorkflowDefinition) async throws {
        let environment = self.environment
        try await postgres.transaction { tx in
            guard let locked = try await ExecutionQueries.lock(tenantID: task.tenantID, id: execution.id, on: tx) else { return }
            guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
            if locked.status.isTerminal {
                try await Self.recordAfterEnd(
                    task, execution.id, step.id, iteration, status: "SUCCEEDED", output: result.output, error: nil, cacheKey: result.cacheKey,
                    cacheHit: result.cacheHit, on: tx)
                return
            }
            try await StepRunQueries.finished(
                executionID: execution.id, stepID: step.id, iteration: iteration, status: "SUCCEEDED", output: result.output, error: nil,
                cacheKey: result.cacheKey, cacheHit: result.cacheHit, on: tx)
            var payload: JSONObject = ["attempt": .int(Int64(task.attempt))]
            if let hit = result.cacheHit { payload["cache"] = .string(hit ? "hit" : "miss") }
            let events = EventBatch(tenantID: task.tenantID, executionID: execution.id)
            events.add(.stepSucceeded, stepID: step.id, payload: .object(payload))
            try await ExecutionProgress.advance(
                execution: locked, definition: definition, environment: environment, fusingAfter: step.id, events: events, on: tx)
            try await events.flush(on: tx)
        }
    }

    /// Requeues the task after `delay` and records `STEP_RETRYING`, in one transaction fenced by
    /// the task's attempt: a worker that lost its lease writes nothing.
    private func recordRetry(_ task: ClaimedTask, _ iteration: Int, _ execution: ExecutionRecord, _ step: StepDefinition, _ failure: StepFailure, _ delay: Double) async throws {
        try await postgres.transaction { tx in
            guard let locked = try await ExecutionQueries.lock(tenantID: task.tenantID, id: execution.id, on: tx) else { return }
            if locked.status.isTerminal {
                // Cancelled or failed meanwhile: nothing to retry, but the attempt's end is recorded.
                guard try await TaskQueries.complete(task, on: tx) else { throw LeaseLost(taskID: task.id) }
                try await Self.recordAfterEnd(task, execution.id, step.id, iteration, status: "FAILED", output: nil, error: Self.error(failure, step, task), on: tx)
                return
            }
            guard try await TaskQueries.fail(task, error: failure.message, retryAfter: delay, on: tx) != nil else { throw LeaseLost(taskID: task.id) }
            try await StepRunQueries.attemptFailed(executionID: execution.id, stepID: step.id, iteration: iteration, error: Self.error(failure, step, task), on: tx)
            try await EventQueries.append(
                tenantID: task.tenantID, executionID: execution.id, type: .stepRetrying, stepID: step.id,
                payload: ["attempt": .int(Int64(task.attempt)), "error": .string(failure.message), "retryInSeconds": .double(delay)], on: tx)
        }
    }

    /// How a failed attempt is stored on its step run and in `STEP_FAILED`.
    static func error(_ failure: StepFailure, _ step: StepDefinition, _ task: ClaimedTask) -> JSONValue {
        var error: JSONObject = ["stepId": .string(step.id), "message": .string(failure.message), "attempts": .int(Int64(task.attempt))]
        if failure.timedOut { error["timedOut"] = true }
        return .object(error)
    }

    /// Records how an attempt ended after its execution had (cancelled, or failed by another
    /// step): nothing moves forward, but the step run and the log say what happened, with
    /// `afterEnd` on the event. A compensation that found the step running waits for exactly
    /// this, and undoes a late success (with its output at hand) or a time-out.
    private static func recordAfterEnd(
        _ task: ClaimedTask, _ executionID: UUID, _ stepID: String, _ iteration: Int, status: String, output: JSONValue?, error: JSONValue?,
        cacheKey: String? = nil, cacheHit: Bool? = nil, on tx: PostgresTransaction
    ) async throws {
        try await StepRunQueries.finished(
            executionID: executionID, stepID: stepID, iteration: iteration, status: status, output: output, error: error,
            cacheKey: cacheKey, cacheHit: cacheHit, on: tx)
        var payload: JSONObject = ["attempt": .int(Int64(task.attempt)), "afterEnd": true]
        if status == "FAILED", case .object(let details)? = error {
            for (key, value) in details where payload[key] == nil { payload[key] = value }
        }
        try await EventQueries.append(
            tenantID: task.tenantID, executionID: executionID, type: status == "SUCCEEDED" ? .stepSucceeded : .stepFailed, stepID: stepID,
            payload: .object(payload), on: tx)
    }

    /// Records a terminal step failure and fails the execution, inside the caller's transaction
    /// (which holds the execution's row lock).
    private func recordFailure(_ task: ClaimedTask, _ iteration: Int, _ execution: ExecutionRecord, _ step: StepDefinition, _ failure: StepFailure, inline: Bool, on tx: PostgresTransaction) async throws {
        guard try await TaskQueries.failPermanently(task, error: failure.message, on: tx) else { throw LeaseLost(taskID: task.id) }
        let error = Self.error(failure, step, task)
        if execution.status.isTerminal {
            if !inline { try await Self.recordAfterEnd(task, execution.id, step.id, iteration, status: "FAILED", output: nil, error: error, on: tx) }
            return
        }
        if inline {
            try await StepRunQueries.ranInline(
                tenantID: task.tenantID, executionID: execution.id, stepID: step.id, iteration: iteration, attempt: task.attempt,
                status: "FAILED", output: nil, error: error, on: tx)
        } else {
            try await StepRunQueries.finished(executionID: execution.id, stepID: step.id, iteration: iteration, status: "FAILED", output: nil, error: error, on: tx)
        }
        try await EventQueries.append(tenantID: task.tenantID, executionID: execution.id, type: .stepFailed, stepID: step.id, payload: error, on: tx)
        try await ExecutionProgress.fail(execution, error: ["message": .string("Step \"\(step.id)\" failed: \(failure.message)"), "stepId": .string(step.id)], on: tx)
    }
}

/// Thrown inside a completion transaction when the task's lease was lost, to roll it back.
struct LeaseLost: Error, CustomStringConvertible {
    let taskID: Int64
    var description: String { "Task \(taskID) was taken over by another worker after its lease expired; this attempt's result is discarded." }
}
