import Engine
import GraphQLCore

/// `Execution`, `StepRun` and `ExecutionEvent` fields.
public enum ExecutionResolvers {
    static func install(on schema: inout GraphQLSchema) {
        installStepRun(on: &schema)
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
        field("compensationState") { .value(.string($0.compensationState)) }
        field("depth") { .value(.int($0.depth)) }
        _ = schema.setResolver(typeName: "Execution", fieldName: "parent") { source, _, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            guard let parentID = execution.parent?.executionID else { return .null }
            return ValueBridge.load(context.loaders.execution, parentID) { $0.map { .source($0) } ?? .null }
        }
        _ = schema.setResolver(typeName: "Execution", fieldName: "children") { source, _, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            return ValueBridge.load(context.loaders.children, execution.id) { .list(($0 ?? []).map { .source($0) }) }
        }
        _ = schema.setResolver(typeName: "Execution", fieldName: "root") { source, _, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            guard execution.rootExecutionID != execution.id else { return .source(execution) }
            return ValueBridge.load(context.loaders.execution, execution.rootExecutionID) { $0.map { .source($0) } ?? .source(execution) }
        }
        _ = schema.setResolver(typeName: "Execution", fieldName: "workflowVersion") { source, _, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            return ValueBridge.load(context.loaders.version, execution.workflowVersionID) { $0.map { .source($0) } ?? .null }
        }
        _ = schema.setResolver(typeName: "Execution", fieldName: "steps") { source, _, info in
            let (execution, context) = (try execution(source), try info.apiContext())
            return ValueBridge.load(context.loaders.stepRuns, execution.id) { .list(($0 ?? []).map { .source($0) }) }
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

    /// `StepRun` fields over a `StepRunRecord` source.
    static func installStepRun(on schema: inout GraphQLSchema) {
        @Sendable func run(_ source: ResolvedValue) throws -> StepRunRecord { try ValueBridge.source(source, as: StepRunRecord.self) }
        func field(_ name: String, _ resolve: @escaping @Sendable (StepRunRecord) -> ResolvedValue) {
            _ = schema.setResolver(typeName: "StepRun", fieldName: name) { source, _, _ in resolve(try run(source)) }
        }
        field("stepId") { .value(.string($0.stepID)) }
        field("iteration") { .value(.int($0.iteration)) }
        field("status") { .value(.string($0.status)) }
        field("attempts") { .value(.int($0.attempts)) }
        field("output") { ValueBridge.optional($0.output) }
        field("error") { ValueBridge.optional($0.error) }
        field("cacheKey") { $0.cacheKey.map { .value(.string($0)) } ?? .null }
        field("cacheHit") { $0.cacheHit.map { .value(.bool($0)) } ?? .null }
        field("compensationStatus") { $0.compensationStatus.map { .value(.string($0)) } ?? .null }
        _ = schema.setResolver(typeName: "StepRun", fieldName: "childExecution") { source, _, info in
            let (run, context) = (try run(source), try info.apiContext())
            guard let child = run.childExecutionID else { return .null }
            return ValueBridge.load(context.loaders.execution, child) { $0.map { .source($0) } ?? .null }
        }
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

