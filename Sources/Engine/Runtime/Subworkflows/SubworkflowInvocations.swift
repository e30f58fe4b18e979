import Foundation
import Postgres

/// An invocation the API enqueued: the child execution and the version the request resolved to.
public struct SubworkflowInvocation: Sendable {
    public let execution: ExecutionRecord
    public let workflowName: String
    /// The concrete version `version` (exact, range or `latest`) resolved to.
    public let resolvedVersion: String
    /// The stored version, when the invocation read it.
    public let version: StoredWorkflowVersion?
    /// The events the invocation wrote, when it created the execution (see ``LaunchedExecution``);
    /// nil when an idempotency key found an earlier one.
    public let events: [ExecutionEvent]?
}

/// Enqueues sub-workflow executions through the API (`enqueueSubworkflow`,
/// `POST /api/workflows/{id}/versions/{ver}/invoke`, `mc subworkflow invoke`): version ranges and
/// `latest` resolve to a published version, the input is validated before anything is stored, the
/// child version's circuit breaker and the depth limit apply, and an idempotency key returns the
/// first invocation again.
public struct SubworkflowInvocations: Sendable {
    let postgres: PostgresClient
    let definitions: DefinitionCache
    let environment: [String: String]
    let settings: SubworkflowSettings
    let tenants: TenantDirectory

    /// - Parameters:
    ///   - workflow: the workflow's id or name.
    ///   - version: an exact version, an npm-style range (`^2.1`) or `latest` (the highest release).
    ///   - parentExecutionID: links the child to a running execution of the tenant (lineage,
    ///     shared trace, depth); the parent's steps do not wait for it.
    ///   - traceID: the caller's W3C trace (32 hex digits) for an invocation without a parent; a
    ///     linked child always joins its parent's trace. Nil starts a new trace.
    ///   - admit: the API's admission control; runs only when the request would create an
    ///     execution, so a retry repeating an idempotency key is answered without spending budget.
    public func invoke(
        tenantID: String, workflow: String, version: String, input: JSONValue, idempotencyKey: String? = nil,
        parentExecutionID: UUID? = nil, parentStepID: String? = nil, priority: TaskPriority = .standard, traceID: String? = nil,
        admit: (@Sendable () async throws -> Void)? = nil
    ) async throws -> SubworkflowInvocation {
        if let idempotencyKey, let existing = try await ExecutionQueries.find(tenantID: tenantID, idempotencyKey: idempotencyKey, on: postgres) {
            return try await answer(existing)
        }
        try await admit?()
        let (chosen, definition, breakerClosed) = try await resolve(tenantID: tenantID, workflow: workflow, version: version)
        let problems = definition.inputSchema.validate(input)
        guard problems.isEmpty else {
            throw EngineError(
                .invalidInput, "The input does not match the inputSchema of \(chosen.name)@\(chosen.version); nothing was enqueued.",
                details: problems.map(\.description))
        }
        let environment = self.environment
        var adjusted = self.settings
        adjusted.maxDepth = min(adjusted.maxDepth, try await tenants.limits(for: tenantID).maxDepth)
        let settings = adjusted
        do {
            let execution = try await postgres.transaction { tx in
                var placement = ExecutionPlacement.root(traceID: traceID ?? Executions.newTraceID(), priority: priority)
                if let parentExecutionID {
                    guard let parent = try await ExecutionQueries.lock(tenantID: tenantID, id: parentExecutionID, on: tx) else {
                        throw EngineError(.notFound, "Parent execution \(parentExecutionID) does not exist.")
                    }
                    guard !parent.status.isTerminal else {
                        throw EngineError(.invalidState, "Parent execution \(parentExecutionID) has ended (\(parent.status.rawValue)); a child cannot be linked to it.")
                    }
                    guard parent.depth + 1 <= settings.maxDepth else {
                        throw EngineError(.limitExceeded, "Linking to execution \(parentExecutionID) would nest sub-workflows \(parent.depth + 1) deep; the limit is \(settings.maxDepth).")
                    }
                    placement = ExecutionPlacement(
                        parent: ExecutionParentLink(executionID: parent.id, stepID: parentStepID, iteration: 0, attempt: nil),
                        rootExecutionID: parent.rootExecutionID, depth: parent.depth + 1, traceID: parent.traceID, invoked: true, priority: priority)
                } else {
                    placement = ExecutionPlacement(parent: nil, rootExecutionID: nil, depth: 0, traceID: placement.traceID, invoked: true, priority: priority)
                }
                let id = UUID()
                // A closed breaker (read with the versions a moment ago) admits without a second look;
                // any other state, or a read made stale by waiting for the parent's lock, is decided
                // under the transaction, which may take the half-open probe slot.
                let admission: BreakerAdmission = breakerClosed && parentExecutionID == nil
                    ? .admitted(probe: false)
                    : try await SubworkflowBreakerQueries.admit(
                        tenantID: tenantID, childVersionID: chosen.id, executionID: id, settings: settings.breaker, on: tx)
                if case .rejected(let retryAfter) = admission {
                    throw EngineError(
                        .circuitOpen, "The circuit breaker of \(chosen.name)@\(chosen.version) is open after repeated failures; the invocation failed fast.",
                        retryAfterSeconds: retryAfter)
                }
                return try await ExecutionLauncher.launch(
                    id: id, tenantID: tenantID, versionID: chosen.id, definition: definition, input: input, idempotencyKey: idempotencyKey,
                    placement: placement, environment: environment, returningEvents: true, on: tx)
            }
            return SubworkflowInvocation(
                execution: execution.record, workflowName: chosen.name, resolvedVersion: chosen.version, version: chosen, events: execution.events)
        } catch let error as EngineError where error.code == .circuitOpen {
            BreakerMetrics.rejected(tenantID: tenantID)
            throw error
        } catch let error as PostgresError where error.sqlState == SQLState.uniqueViolation && idempotencyKey != nil {
            // Another request with the same key won the race: answer with its execution.
            if let idempotencyKey, let existing = try await ExecutionQueries.find(tenantID: tenantID, idempotencyKey: idempotencyKey, on: postgres) {
                return try await answer(existing)
            }
            throw error
        }
    }

    /// The published version `version` (exact, range or `latest`) of `workflow` (id or name) resolves to.
    /// One light query lists the version numbers; the chosen version's definition comes from the
    /// process-wide cache (versions are immutable).
    /// Also says whether the chosen version's circuit breaker is closed.
    func resolve(tenantID: String, workflow: String, version: String) async throws -> (StoredWorkflowVersion, WorkflowDefinition, breakerClosed: Bool) {
        let published = try await WorkflowQueries.versionNumbers(tenantID: tenantID, workflow: workflow, on: postgres)
        guard let first = published.first else {
            throw EngineError(.notFound, "Workflow \(workflow) does not exist or has no published version.")
        }
        let parsed = published.compactMap { entry in (try? SemanticVersion(parsing: entry.version)).map { ($0, entry) } }
        let wanted: SemanticVersion?
        if version == "latest" {
            wanted = parsed.map(\.0).filter { !$0.isPrerelease }.max() ?? parsed.map(\.0).max()
        } else {
            let range: VersionRange
            do { range = try VersionRange(parsing: version) } catch {
                throw EngineError(.invalidInput, "\"\(version)\" is neither a version, a range nor latest: \(error.message)")
            }
            wanted = range.highest(in: parsed.map(\.0))
        }
        guard let wanted, let chosen = parsed.first(where: { $0.0 == wanted })?.1 else {
            throw EngineError(.notFound, "No published version of \(first.name) satisfies \"\(version)\" (published: \(published.prefix(10).map(\.version).joined(separator: ", "))).")
        }
        let definition = try await definitions.definition(tenantID: tenantID, versionID: chosen.id, postgres: postgres)
        let stored = StoredWorkflowVersion(
            id: chosen.id, workflowID: chosen.workflowID, tenantID: tenantID, name: chosen.name, version: chosen.version,
            definition: definition.source, publishedBy: chosen.publishedBy, createdAt: chosen.createdAt)
        return (stored, definition, chosen.breakerClosed)
    }

    /// The circuit breakers of the tenant's versions among `childVersionIDs` (versions without a
    /// row have a closed breaker and are absent).
    public func breakers(tenantID: String, childVersionIDs: [UUID]) async throws -> [CircuitBreakerRecord] {
        try await SubworkflowBreakerQueries.find(tenantID: tenantID, childVersionIDs: childVersionIDs, on: postgres)
    }

    /// The pinned sub-workflow edges of each version in `parentVersionIDs`.
    public func edges(tenantID: String, parentVersionIDs: [UUID]) async throws -> [UUID: [SubworkflowEdge]] {
        Dictionary(grouping: try await SubworkflowEdgeQueries.edges(tenantID: tenantID, parentVersionIDs: parentVersionIDs, on: postgres), by: \.parentVersionID)
    }

    private func answer(_ execution: ExecutionRecord) async throws -> SubworkflowInvocation {
        guard let stored = try await WorkflowQueries.version(tenantID: execution.tenantID, id: execution.workflowVersionID, on: postgres) else {
            throw EngineError(.notFound, "Workflow version \(execution.workflowVersionID) does not exist.")
        }
        return SubworkflowInvocation(execution: execution, workflowName: stored.name, resolvedVersion: stored.version, version: stored, events: nil)
    }
}
