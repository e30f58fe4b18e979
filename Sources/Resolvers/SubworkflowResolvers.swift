import Engine
import Foundation
import GraphQLCore

/// `Mutation.enqueueSubworkflow`, `WorkflowVersion.subworkflows` / `circuitBreaker` and the
/// types behind them (issue 6).
enum SubworkflowResolvers {
    static func install(on schema: inout GraphQLSchema) {
        _ = schema.setResolver(typeName: "Mutation", fieldName: "enqueueSubworkflow") { _, arguments, info in
            let context = try info.apiContext()
            try context.require(.operator_, .designer, to: "invoking sub-workflows")
            let workflow = ValueBridge.string(arguments, "id") ?? ""
            let version = ValueBridge.string(arguments, "version") ?? ""
            let input = ValueBridge.json(arguments["input"] ?? .null)
            let key = ValueBridge.string(arguments, "idempotencyKey")
            let parentStepID = ValueBridge.string(arguments, "parentStepId")
            let priority = ValueBridge.priority(arguments)
            let linked = arguments["parentExecutionId"].map { !$0.isNull } ?? false
            let parentID: UUID? = linked ? try ValueBridge.uuid(arguments, "parentExecutionId") : nil
            return ValueBridge.async {
                let invocation = try await context.engine.subworkflows.invoke(
                    tenantID: context.tenantID, workflow: workflow, version: version, input: input, idempotencyKey: key,
                    parentExecutionID: parentID, parentStepID: parentStepID, priority: priority, traceID: context.traceID,
                    admit: { try await context.engine.admission.admit(tenantID: context.tenantID, input: input, priority: priority) })
                // What the invocation already read needs no second query when the response asks for it.
                context.loaders.primeNew(invocation.execution, events: invocation.events)
                if let stored = invocation.version { context.loaders.version.prime(stored.id, stored) }
                return .source(invocation)
            }
        }
        @Sendable func invocation(_ source: ResolvedValue) throws -> SubworkflowInvocation { try ValueBridge.source(source, as: SubworkflowInvocation.self) }
        _ = schema.setResolver(typeName: "SubworkflowInvocation", fieldName: "executionId") { source, _, _ in ValueBridge.id(try invocation(source).execution.id) }
        _ = schema.setResolver(typeName: "SubworkflowInvocation", fieldName: "workflowName") { source, _, _ in .value(.string(try invocation(source).workflowName)) }
        _ = schema.setResolver(typeName: "SubworkflowInvocation", fieldName: "resolvedVersion") { source, _, _ in .value(.string(try invocation(source).resolvedVersion)) }
        _ = schema.setResolver(typeName: "SubworkflowInvocation", fieldName: "execution") { source, _, _ in .source(try invocation(source).execution) }

        @Sendable func version(_ source: ResolvedValue) throws -> StoredWorkflowVersion { try ValueBridge.source(source, as: StoredWorkflowVersion.self) }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "subworkflows") { source, _, info in
            let (version, context) = (try version(source), try info.apiContext())
            return ValueBridge.load(context.loaders.subworkflowEdges, version.id) { edges in
                // Step order of the definition, not the table's.
                let order = (version.definition["steps"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
                let sorted = (edges ?? []).sorted { (order.firstIndex(of: $0.stepID) ?? .max) < (order.firstIndex(of: $1.stepID) ?? .max) }
                return .list(sorted.map { .source($0) })
            }
        }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "circuitBreaker") { source, _, info in
            let (version, context) = (try version(source), try info.apiContext())
            return ValueBridge.load(context.loaders.breaker, version.id) { record in .value(breaker(record)) }
        }
        @Sendable func edge(_ source: ResolvedValue) throws -> SubworkflowEdge { try ValueBridge.source(source, as: SubworkflowEdge.self) }
        _ = schema.setResolver(typeName: "SubworkflowDependency", fieldName: "stepId") { source, _, _ in .value(.string(try edge(source).stepID)) }
        _ = schema.setResolver(typeName: "SubworkflowDependency", fieldName: "range") { source, _, _ in .value(.string(try edge(source).range)) }
        _ = schema.setResolver(typeName: "SubworkflowDependency", fieldName: "child") { source, _, info in
            let (edge, context) = (try edge(source), try info.apiContext())
            return ValueBridge.load(context.loaders.version, edge.childVersionID) { $0.map { .source($0) } ?? .null }
        }
    }

    /// A breaker as plain data (the default resolver reads its fields).
    static func breaker(_ record: CircuitBreakerRecord?) -> GraphQLValue {
        var object = GraphQLObject()
        object["state"] = .string(record?.state.rawValue ?? CircuitState.closed.rawValue)
        object["failures"] = .int(record?.failures ?? 0)
        object["successes"] = .int(record?.successes ?? 0)
        object["windowStartedAt"] = record.map { .string(ValueBridge.dateTimeText($0.windowStartedAt)) } ?? .null
        object["openedAt"] = record?.openedAt.map { .string(ValueBridge.dateTimeText($0)) } ?? .null
        return .object(object)
    }
}
