import Foundation
import Logging
import Postgres

/// Drives a parent's `subworkflow` step: starts its children (one, or one per `forEach` element
/// with bounded concurrency), retries failed elements under the step's retry policy, and, once
/// every element succeeded, records the step's output (the child's output, or the outputs in
/// element order) and moves the parent on.
///
/// It is a reconciliation, run under the parent's row lock whenever something may have changed
/// (the step's own task, then each child's end): it reads the children that exist and decides
/// from them, so running it twice does nothing twice.
struct SubworkflowCoordinator: Sendable {
    let definitions: DefinitionCache
    let environment: [String: String]
    let settings: SubworkflowSettings
    /// The tenant's tier lowers the fan-out cap and the depth limit.
    let tenants: TenantDirectory
    let logger: Logger

    /// One reconciliation of `step` of the locked, running `parent`; events go to `events`.
    func reconcile(
        parent: ExecutionRecord, definition: WorkflowDefinition, step: StepDefinition, config: SubworkflowStepConfig,
        outputs: [String: JSONValue], events: EventBatch, on tx: PostgresTransaction
    ) async throws {
        let fail = { (message: String, details: [String], extra: JSONObject) async throws in
            try await self.failStep(parent: parent, step: step, message: message, details: details, extra: extra, events: events, on: tx)
        }
        guard let edge = try await definitions.edge(tenantID: parent.tenantID, parentVersionID: parent.workflowVersionID, stepID: step.id, postgres: tx) else {
            return try await fail("No child version is pinned for this step; publish the workflow again to pin \(config.workflow)@\(config.versionRange).", [], [:])
        }
        let child = try await definitions.definition(tenantID: parent.tenantID, versionID: edge.childVersionID, postgres: tx)
        let context = TemplateContext(input: parent.input, stepOutputs: outputs, env: environment)
        let children = try await ExecutionQueries.childSummaries(tenantID: parent.tenantID, parentID: parent.id, stepID: step.id, on: tx)
        let tier = try await tenants.limits(for: parent.tenantID, on: tx)

        // The elements: one without forEach, else the array forEach yields, under the fan-out cap
        // (checked before the first child starts: lowering a cap later does not fail a fan-out
        // that is already running).
        var elements: [JSONValue?] = [nil]
        if let forEach = step.forEach {
            let value: JSONValue
            do { value = try TemplateRenderer(context: context).render(forEach).value } catch {
                return try await fail("forEach could not be rendered: \(error)", [], [:])
            }
            guard case .array(let items) = value else {
                return try await fail("forEach \(forEach.source) yielded \(value.typeName), not an array.", [], [:])
            }
            let cap = min(definition.policy.maxFanOut ?? settings.maxFanOut, settings.maxFanOut, tier.maxFanOut)
            guard items.count <= cap || !children.isEmpty else {
                return try await fail(
                    "forEach over \(items.count) elements exceeds the fan-out cap of \(cap) (the least of policy.maxFanOut, the \(tier.tier) tier's maxFanOut and the deployment's limit).", [],
                    ["code": "LIMIT_EXCEEDED", "fanOut": .int(Int64(items.count)), "maxFanOut": .int(Int64(cap))])
            }
            elements = items
        }
        let concurrency = step.forEach == nil ? 1 : (step.concurrency ?? settings.defaultConcurrency)
        let maxAttempts = max(step.retry?.attempts ?? 1, 1)

        // The latest attempt of each element that has started.
        var latest: [Int: ChildSummary] = [:]
        for existing in children where existing.iteration < elements.count {
            if let known = latest[existing.iteration], known.attempt >= existing.attempt { continue }
            latest[existing.iteration] = existing
        }
        var running = 0
        var toStart: [(iteration: Int, attempt: Int, retrying: ChildSummary?)] = []
        for iteration in latest.keys.sorted() {
            guard let existing = latest[iteration] else { continue }
            let attempt = existing.attempt
            switch existing.status {
            case .pending, .running:
                running += 1
            case .succeeded:
                continue
            case .failed, .cancelled, .compensationFailed:
                guard attempt < maxAttempts else {
                    let reason = existing.error?["message"]?.stringValue ?? existing.status.rawValue.lowercased()
                    let which = step.forEach == nil ? "" : " (element \(iteration))"
                    return try await fail(
                        "Sub-workflow \(child.name)@\(child.version) execution \(existing.id.uuidString.lowercased())\(which) \(existing.status == .cancelled ? "was cancelled" : "failed"): \(reason)",
                        [], ["childExecutionId": .string(existing.id.uuidString.lowercased()), "iteration": .int(Int64(iteration)),
                             "attempts": .int(Int64(attempt))])
                }
                toStart.append((iteration, attempt + 1, existing))
            }
        }
        toStart += (0..<elements.count).filter { latest[$0] == nil }.map { ($0, 1, nil) }

        for (iteration, attempt, retrying) in toStart where running < concurrency {
            let element = elements[iteration]
            let elementContext = element.map { context.forEachElement($0, index: iteration) } ?? context
            let outcome = try await start(
                parent: parent, step: step, config: config, edge: edge, child: child, context: elementContext,
                iteration: iteration, attempt: attempt, maxDepth: min(settings.maxDepth, tier.maxDepth), othersRunning: running > 0,
                events: events, on: tx)
            guard case .started(let started, let probe) = outcome else {
                // .failed: the step failed; .wait: the breaker is open but children are in flight,
                // whose ends reconcile again.
                return
            }
            if let retrying {
                events.add(.stepRetrying, stepID: step.id, payload: [
                    "attempt": .int(Int64(attempt - 1)), "iteration": .int(Int64(iteration)),
                    "childExecutionId": .string(retrying.id.uuidString.lowercased()),
                    "error": retrying.error ?? .string(retrying.status.rawValue),
                ])
            }
            latest[iteration] = ChildSummary(id: started.id, iteration: iteration, attempt: attempt, status: started.status, error: started.error)
            running += 1
            // A half-open breaker lets one probe through: start nothing else until it has ended.
            if probe { break }
        }

        let finished = (0..<elements.count).compactMap { latest[$0] }.filter { $0.status == .succeeded }
        guard running == 0, finished.count == elements.count else { return }
        // Outputs are read once, when every element has succeeded.
        let childOutputs = try await ExecutionQueries.outputs(tenantID: parent.tenantID, ids: finished.map(\.id), on: tx)
        let output: JSONValue =
            step.forEach == nil ? (finished.first.flatMap { childOutputs[$0.id] } ?? .null) : .array(finished.map { childOutputs[$0.id] ?? .null })
        try await StepRunQueries.finished(executionID: parent.id, stepID: step.id, iteration: 0, status: "SUCCEEDED", output: output, error: nil, on: tx)
        events.add(.stepSucceeded, stepID: step.id, payload: [
            "attempt": .int(Int64(finished.map(\.attempt).max() ?? 1)), "children": .int(Int64(finished.count)),
        ])
        var known = outputs
        known[step.id] = output
        try await ExecutionProgress.advance(
            execution: parent, definition: definition, environment: environment, outputs: known, fusingAfter: step.id, events: events, on: tx)
    }

    /// What starting one child came to.
    private enum StartOutcome {
        case started(ExecutionRecord, probe: Bool)
        /// The breaker refused, but other children are in flight: try again when one ends.
        case wait
        /// The step failed (and with it the parent).
        case failed
    }

    /// Validates the child's input, asks the breaker, and starts the child.
    private func start(
        parent: ExecutionRecord, step: StepDefinition, config: SubworkflowStepConfig, edge: SubworkflowEdge, child: WorkflowDefinition,
        context: TemplateContext, iteration: Int, attempt: Int, maxDepth: Int, othersRunning: Bool, events: EventBatch, on tx: PostgresTransaction
    ) async throws -> StartOutcome {
        let childName = "\(child.name)@\(child.version)"
        let input: JSONValue
        do {
            input = try config.input.map { try TemplateRenderer(context: context).render($0).value } ?? .object(JSONObject())
        } catch {
            try await failStep(parent: parent, step: step, message: "The input for \(childName) could not be rendered: \(error)", details: [], extra: [:], events: events, on: tx)
            return .failed
        }
        let problems = child.inputSchema.validate(input)
        guard problems.isEmpty else {
            try await failStep(
                parent: parent, step: step, message: "The input for \(childName) does not match its inputSchema; the child was not started.",
                details: problems.map(\.description), extra: ["code": "INVALID_INPUT", "iteration": .int(Int64(iteration))], events: events, on: tx)
            return .failed
        }
        guard parent.depth + 1 <= maxDepth else {
            try await failStep(
                parent: parent, step: step, message: "Starting \(childName) would nest sub-workflows \(parent.depth + 1) deep; the limit is \(maxDepth).",
                details: [], extra: ["code": "LIMIT_EXCEEDED"], events: events, on: tx)
            return .failed
        }
        let id = UUID()
        let admission = try await SubworkflowBreakerQueries.admit(
            tenantID: parent.tenantID, childVersionID: edge.childVersionID, executionID: id, settings: settings.breaker, on: tx)
        if case .rejected(let retryAfter) = admission {
            if othersRunning { return .wait }
            BreakerMetrics.rejected(tenantID: parent.tenantID)
            events.add(.subworkflowCircuitOpen, stepID: step.id, payload: [
                "childVersionId": .string(edge.childVersionID.uuidString.lowercased()), "workflow": .string(child.name),
                "version": .string(child.version.description), "retryAfterSeconds": .int(Int64(retryAfter)),
            ])
            try await failStep(
                parent: parent, step: step,
                message: "The circuit breaker of \(childName) is open after repeated failures; the invocation failed fast. Try again in \(retryAfter) s.",
                details: [], extra: ["code": "CIRCUIT_OPEN", "retryAfterSeconds": .int(Int64(retryAfter))], events: events, on: tx)
            return .failed
        }
        if case .admitted(probe: true) = admission { BreakerMetrics.state(.halfOpen, tenantID: parent.tenantID, childVersionID: edge.childVersionID) }
        let placement = ExecutionPlacement(
            parent: ExecutionParentLink(executionID: parent.id, stepID: step.id, iteration: iteration, attempt: attempt),
            rootExecutionID: parent.rootExecutionID, depth: parent.depth + 1, traceID: parent.traceID, invoked: true, priority: parent.priority)
        let started = try await ExecutionLauncher.launch(
            id: id, tenantID: parent.tenantID, versionID: edge.childVersionID, definition: child, input: input,
            idempotencyKey: "subworkflow/\(parent.id.uuidString.lowercased())/\(step.id)/\(iteration)/\(attempt)",
            placement: placement, environment: environment, on: tx
        ).record
        try await StepRunQueries.linkChild(
            executionID: parent.id, stepID: step.id, childExecutionID: step.forEach == nil ? started.id : nil, attempt: attempt, on: tx)
        var payload: JSONObject = [
            "childExecutionId": .string(started.id.uuidString.lowercased()), "workflow": .string(child.name),
            "version": .string(child.version.description), "iteration": .int(Int64(iteration)), "attempt": .int(Int64(attempt)),
        ]
        if case .admitted(probe: true) = admission { payload["probe"] = true }
        events.add(.subworkflowStarted, stepID: step.id, payload: .object(payload))
        if case .admitted(let probe) = admission { return .started(started, probe: probe) }
        return .started(started, probe: false)
    }

    /// Fails the step for good and, with it, the parent execution (which cancels its other children).
    private func failStep(
        parent: ExecutionRecord, step: StepDefinition, message: String, details: [String], extra: JSONObject, events: EventBatch,
        on tx: PostgresTransaction
    ) async throws {
        var error: JSONObject = ["stepId": .string(step.id), "message": .string(message)]
        if !details.isEmpty { error["details"] = .array(details.map(JSONValue.string)) }
        for (key, value) in extra { error[key] = value }
        try await StepRunQueries.finished(executionID: parent.id, stepID: step.id, iteration: 0, status: "FAILED", output: nil, error: .object(error), on: tx)
        events.add(.stepFailed, stepID: step.id, payload: .object(error))
        var failure: JSONObject = ["message": .string("Step \"\(step.id)\" failed: \(message)"), "stepId": .string(step.id)]
        if !details.isEmpty { failure["details"] = .array(details.map(JSONValue.string)) }
        try await ExecutionProgress.fail(parent, error: failure, events: events, on: tx)
    }
}
