import Engine
import GraphQLCore

/// `Workflow` fields, over a `StoredWorkflow` source.
enum WorkflowResolvers {
    static func install(on schema: inout GraphQLSchema) {
        @Sendable func workflow(_ source: ResolvedValue) throws -> StoredWorkflow { try ValueBridge.source(source, as: StoredWorkflow.self) }
        _ = schema.setResolver(typeName: "Workflow", fieldName: "id") { source, _, _ in ValueBridge.id(try workflow(source).id) }
        _ = schema.setResolver(typeName: "Workflow", fieldName: "name") { source, _, _ in .value(.string(try workflow(source).name)) }
        _ = schema.setResolver(typeName: "Workflow", fieldName: "createdAt") { source, _, _ in ValueBridge.dateTime(try workflow(source).createdAt) }
        _ = schema.setResolver(typeName: "Workflow", fieldName: "versions") { source, _, info in
            let (workflow, context) = (try workflow(source), try info.apiContext())
            return ValueBridge.load(context.loaders.versionsOfWorkflow, workflow.id) { .list(($0 ?? []).map { .source($0) }) }
        }
        _ = schema.setResolver(typeName: "Workflow", fieldName: "latestVersion") { source, _, info in
            let (workflow, context) = (try workflow(source), try info.apiContext())
            return ValueBridge.load(context.loaders.versionsOfWorkflow, workflow.id) { $0?.first.map { .source($0) } ?? .null }
        }
    }
}
