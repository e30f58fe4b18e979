import Engine
import GraphQLCore

/// `WorkflowVersion` fields, over a `StoredWorkflowVersion` source.
enum WorkflowVersionResolvers {
    static func install(on schema: inout GraphQLSchema) {
        @Sendable func version(_ source: ResolvedValue) throws -> StoredWorkflowVersion { try ValueBridge.source(source, as: StoredWorkflowVersion.self) }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "id") { source, _, _ in ValueBridge.id(try version(source).id) }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "version") { source, _, _ in .value(.string(try version(source).version)) }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "definition") { source, _, _ in .value(ValueBridge.graphQL(try version(source).definition)) }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "publishedBy") { source, _, _ in try version(source).publishedBy.map { .value(.string($0)) } ?? .null }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "createdAt") { source, _, _ in ValueBridge.dateTime(try version(source).createdAt) }
        _ = schema.setResolver(typeName: "WorkflowVersion", fieldName: "workflow") { source, _, info in
            let (version, context) = (try version(source), try info.apiContext())
            return ValueBridge.load(context.loaders.workflow, version.workflowID) { $0.map { .source($0) } ?? .null }
        }
    }
}
