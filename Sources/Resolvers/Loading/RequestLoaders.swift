import Engine
import Foundation

/// The batch loaders of one request, all scoped to the caller's tenant (a foreign id loads as
/// nothing, exactly like an unknown one).
struct RequestLoaders: Sendable {
    let workflow: BatchLoader<UUID, StoredWorkflow>
    let version: BatchLoader<UUID, StoredWorkflowVersion>
    /// The versions of a workflow, newest first.
    let versionsOfWorkflow: BatchLoader<UUID, [StoredWorkflowVersion]>
    let execution: BatchLoader<UUID, ExecutionRecord>
    let stepRuns: BatchLoader<UUID, [StepRunRecord]>
    /// Events of an execution after a sequence number.
    let events: BatchLoader<EventsKey, [ExecutionEvent]>
    /// The children of an execution.
    let children: BatchLoader<UUID, [ExecutionRecord]>
    /// The pinned sub-workflow edges of a version.
    let subworkflowEdges: BatchLoader<UUID, [SubworkflowEdge]>
    /// The circuit breaker of a version (absent: closed, nothing counted).
    let breaker: BatchLoader<UUID, CircuitBreakerRecord>

    struct EventsKey: Hashable, Sendable {
        let execution: UUID
        let after: Int
    }

    init(engine: EngineRuntime, tenantID: String) {
        let publisher = engine.publisher
        let executions = engine.executions
        workflow = BatchLoader { ids in
            Dictionary(try await publisher.workflows(tenantID: tenantID, ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        version = BatchLoader { ids in
            Dictionary(try await publisher.versions(tenantID: tenantID, ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        versionsOfWorkflow = BatchLoader { ids in try await publisher.versions(tenantID: tenantID, workflowIDs: ids) }
        execution = BatchLoader { ids in
            Dictionary(try await executions.get(tenantID: tenantID, ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        stepRuns = BatchLoader { ids in try await executions.stepRuns(tenantID: tenantID, ids: ids) }
        children = BatchLoader { ids in try await executions.children(tenantID: tenantID, ids: ids) }
        let subworkflows = engine.subworkflows
        subworkflowEdges = BatchLoader { ids in try await subworkflows.edges(tenantID: tenantID, parentVersionIDs: ids) }
        breaker = BatchLoader { ids in
            Dictionary(try await subworkflows.breakers(tenantID: tenantID, childVersionIDs: ids).map { ($0.childVersionID, $0) }, uniquingKeysWith: { a, _ in a })
        }
        events = BatchLoader { keys in
            // One statement per distinct `after` (in practice one: every list item asks alike).
            var result: [EventsKey: [ExecutionEvent]] = [:]
            for (after, group) in Dictionary(grouping: keys, by: \.after) {
                let found = try await executions.events(tenantID: tenantID, ids: group.map(\.execution), after: after)
                for key in group { result[key] = found[key.execution] ?? [] }
            }
            return result
        }
    }
}

extension RequestLoaders {
    /// Seeds the loaders with an execution this request just created, so describing it costs no
    /// query. With the launch's events (see `LaunchedExecution`) it also had no step runs and no
    /// children when it committed; without them only the record is known.
    func primeNew(_ execution: ExecutionRecord, events launched: [ExecutionEvent]?) {
        self.execution.prime(execution.id, execution)
        guard let launched else { return }
        events.prime(EventsKey(execution: execution.id, after: 0), launched)
        stepRuns.prime(execution.id, [])
        children.prime(execution.id, [])
    }
}
