import Engine
import Foundation
import GraphQLCore

/// `Mutation` fields. Designers publish; operators run and cancel; admins do everything.
enum MutationResolvers {
    static func install(on schema: inout GraphQLSchema) {
        _ = schema.setResolver(typeName: "Mutation", fieldName: "createWorkflow") { _, arguments, info in
            let context = try info.apiContext()
            try context.require(.designer, to: "creating workflows")
            guard case .object(let input)? = arguments["input"], case .string(let name)? = input["name"] else {
                throw GraphQLError(message: "\"input.name\" is required.", extensions: [.init("code", .string("BAD_USER_INPUT"))])
            }
            let definition = input["definition"].flatMap { $0.isNull ? nil : ValueBridge.json($0) }
            return ValueBridge.async {
                if let definition {
                    guard case .string(name)? = definition["name"] else {
                        throw EngineError(.invalidDefinition, "The definition's name must be \"\(name)\", the workflow being created.")
                    }
                    let published = try await context.engine.publisher.publish(tenantID: context.tenantID, document: definition, publishedBy: context.subject)
                    let workflow = try await context.engine.publisher.workflow(tenantID: context.tenantID, id: published.workflowID)
                    let version = try await context.engine.publisher.version(tenantID: context.tenantID, id: published.versionID)
                    return .source(CreatePayload(workflow: workflow, version: version))
                }
                let workflow = try await context.engine.publisher.createWorkflow(tenantID: context.tenantID, name: name)
                return .source(CreatePayload(workflow: workflow, version: nil))
            }
        }
        _ = schema.setResolver(typeName: "CreateWorkflowPayload", fieldName: "workflow") { source, _, _ in
            guard case .source(let value) = source, let payload = value as? CreatePayload, let workflow = payload.workflow else { return .null }
            return .source(workflow)
        }
        _ = schema.setResolver(typeName: "CreateWorkflowPayload", fieldName: "version") { source, _, _ in
            guard case .source(let value) = source, let payload = value as? CreatePayload, let version = payload.version else { return .null }
            return .source(version)
        }
        _ = schema.setResolver(typeName: "Mutation", fieldName: "publishWorkflowVersion") { _, arguments, info in
            let (context, id) = (try info.apiContext(), try ValueBridge.uuid(arguments, "id"))
            try context.require(.designer, to: "publishing workflow versions")
            let definition = ValueBridge.json(arguments["definition"] ?? .null)
            return ValueBridge.async {
                let workflow = try await Self.workflow(context, id)
                guard case .string(workflow.name)? = definition["name"] else {
                    throw EngineError(.invalidDefinition, "The definition's name must be \"\(workflow.name)\", the workflow it is published to.")
                }
                let published = try await context.engine.publisher.publish(tenantID: context.tenantID, document: definition, publishedBy: context.subject)
                return try await context.engine.publisher.version(tenantID: context.tenantID, id: published.versionID).map { .source($0) } ?? .null
            }
        }
        _ = schema.setResolver(typeName: "Mutation", fieldName: "startExecution") { _, arguments, info in
            let (context, id) = (try info.apiContext(), try ValueBridge.uuid(arguments, "id"))
            try context.require(.operator_, .designer, to: "starting executions")
            let version = ValueBridge.string(arguments, "version") ?? ""
            let input = ValueBridge.json(arguments["input"] ?? .null)
            let key = ValueBridge.string(arguments, "idempotencyKey")
            let priority = ValueBridge.priority(arguments)
            return ValueBridge.async {
                let admit: @Sendable () async throws -> Void = {
                    try await context.engine.admission.admit(tenantID: context.tenantID, input: input, priority: priority)
                }
                // Without a key there is nothing to replay: refuse before any query. With one, a
                // retry is answered first and only new work is admitted.
                if key == nil { try await admit() }
                let workflow = try await Self.workflow(context, id)
                let launched = try await context.engine.executions.launch(
                    tenantID: context.tenantID, workflow: workflow.name, version: version, input: input, idempotencyKey: key, priority: priority,
                    traceID: context.traceID, admit: key == nil ? nil : admit)
                context.loaders.primeNew(launched.record, events: launched.events)
                return .source(launched.record)
            }
        }
        _ = schema.setResolver(typeName: "Mutation", fieldName: "cancelExecution") { _, arguments, info in
            let (context, id) = (try info.apiContext(), try ValueBridge.uuid(arguments, "id"))
            try context.require(.operator_, to: "cancelling executions")
            return ValueBridge.async { .source(try await context.engine.executions.cancel(tenantID: context.tenantID, id: id)) }
        }
        // Bulk jobs and portability have no issue filed yet, so their message names none.
        let later: [(String, String, Int?)] = [
            ("exportWorkflows", "Export", nil), ("importWorkflows", "Import", nil), ("bulkPublishWorkflows", "Bulk publishing", nil),
            ("bulkExecuteWorkflows", "Bulk execution", nil),
        ]
        for (field, what, issue) in later {
            _ = schema.setResolver(typeName: "Mutation", fieldName: field) { _, _, _ in throw ValueBridge.notAvailable(what, issue: issue) }
        }
    }

    struct CreatePayload: Sendable {
        let workflow: StoredWorkflow?
        let version: StoredWorkflowVersion?
    }

    static func workflow(_ context: APIContext, _ id: UUID) async throws -> StoredWorkflow {
        guard let workflow = try await context.engine.publisher.workflow(tenantID: context.tenantID, id: id) else {
            throw EngineError(.notFound, "Workflow \(id.uuidString.lowercased()) does not exist.")
        }
        return workflow
    }
}
