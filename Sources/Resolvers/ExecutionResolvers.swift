import Engine
import GraphQLCore

/// `Execution`, `StepRun` and `ExecutionEvent` fields.
public enum ExecutionResolvers {
    static func install(on schema: inout GraphQLSchema) {
        @Sendable func execution(_ source: ResolvedValue) throws -> ExecutionRecord { try ValueBridge.source(source, as: ExecutionRecord.self) }
        func field(_ name: String, _ resolve: @escaping @Sendable (ExecutionRecord) -> ResolvedValue) {
            _ = schema.setResolver(typeName: "Execution", fieldName: name) { source, _, _ in resolve(try execution(source)) }
        }
        field("id") { ValueBridge.id($0.id) }
        field("status") { .value(.string($0.status.rawValue)) }
        field("input") { .value(ValueBridge.graphQL($0.input)) }
        field("output") { ValueBridge.optional($0.output) }
        field("error") { ValueBridge.optional($0.error) }
        field("traceId") { .value(.string($0.traceID)) }
        field("idempotencyKey") { $0.idempotencyKey.map { .value(.string($0)) } ?? .null }
        field("createdAt") { ValueBridge.dateTime($0.createdAt) }
        field("finishedAt") { $0.finishedAt.map(ValueBridge.dateTime) ?? .null }
        // Executions are roots until sub-workflows land (issue 6): these are facts, not placeholders.
        field("compensationState") { _ in .value(.string("NONE")) }
        field("depth") { _ in .value(.int(0)) }
        field("parent") { _ in .null }
        field("children") { _ in .list([]) }
        field("root") { .source($0) }
        _ = schema.setResolver(typeName: "Execution", fieldName: "workflowVersion") { source, _, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            return ValueBridge.load(context.loaders.version, execution.workflowVersionID) { $0.map { .source($0) } ?? .null }
        }
        _ = schema.setResolver(typeName: "Execution", fieldName: "steps") { source, _, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            return ValueBridge.load(context.loaders.stepRuns, execution.id) { .list(($0 ?? []).map { .value(stepRun($0)) }) }
        }
        for (name, hit) in [("cacheHits", true), ("cacheMisses", false)] {
            _ = schema.setResolver(typeName: "Execution", fieldName: name) { source, _, info in
                let (execution, context) = (try execution(source), try info.apiContext())
                return ValueBridge.load(context.loaders.stepRuns, execution.id) { runs in .value(.int((runs ?? []).filter { $0.cacheHit == hit }.count)) }
            }
        }
        _ = schema.setResolver(typeName: "Execution", fieldName: "events") { source, arguments, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            var after = 0
            if case .int(let value)? = arguments["after"] { after = value }
            let key = RequestLoaders.EventsKey(execution: execution.id, after: after)
            return ValueBridge.load(context.loaders.events, key) { .list(($0 ?? []).map { .value(event($0)) }) }
        }
    }

    /// Step runs and events are plain data: the default resolver reads their properties.
    static func stepRun(_ run: StepRunRecord) -> GraphQLValue {
        var object = GraphQLObject()
        object["stepId"] = .string(run.stepID)
        object["iteration"] = .int(run.iteration)
        object["status"] = .string(run.status)
        object["attempts"] = .int(run.attempts)
        object["output"] = run.output.map(ValueBridge.graphQL) ?? .null
        object["error"] = run.error.map(ValueBridge.graphQL) ?? .null
        object["cacheKey"] = run.cacheKey.map { .string($0) } ?? .null
        object["cacheHit"] = run.cacheHit.map { .bool($0) } ?? .null
        object["childExecution"] = .null
        object["compensationStatus"] = .null
        return .object(object)
    }

    /// An event as the API shows it (GraphQL `ExecutionEvent`, REST, and the SSE stream's data).
    public static func event(_ event: ExecutionEvent) -> GraphQLValue {
        var object = GraphQLObject()
        object["sequence"] = .int(event.sequence)
        object["type"] = .string(event.type)
        object["stepId"] = event.stepID.map { .string($0) } ?? .null
        object["payload"] = ValueBridge.graphQL(event.payload)
        object["createdAt"] = .string(ValueBridge.dateTimeText(event.createdAt))
        object["hash"] = .string(event.hash)
        return .object(object)
    }
}

