import Engine
import Foundation
import GraphQLCore
import Postgres
import Resolvers
import Subgraph
import ServiceLifecycle
import Testing
import TestSupport

/// The API schema's resolvers, driven by GraphQL documents against a real database and worker.
@Suite("API resolvers", .serialized)
struct APIResolversTests {
    let definition = #"{"name": "greet", "version": "1.0.0", "inputSchema": {"type": "object", "required": ["name"]}, "steps": [{"id": "hello", "type": "transform", "with": {"output": {"text": "Hello, {{input.name}}!"}}}], "output": {"greeting": "{{steps.hello.output.text}}"}}"#

    final class World: @unchecked Sendable {
        let db: PostgresClient
        let engine: EngineRuntime
        var schema: GraphQLSchema
        let group: ServiceGroup

        init() async throws {
            db = try await migratedDatabase("resolvers")
            engine = EngineRuntime(postgres: db, configuration: .init(pollInterval: .milliseconds(50)))
            schema = try APIEndpoint.schema()
            group = ServiceGroup(configuration: .init(services: [engine.worker(listener: nil)], logger: .init(label: "test")))
            let group = self.group
            Task { try await group.run() }
        }

        func context(_ tenant: String, _ roles: Set<APIContext.Role> = [.admin]) -> APIContext {
            APIContext(tenantID: tenant, subject: "user@\(tenant)", roles: roles, engine: engine)
        }

        func run(_ query: String, _ variables: GraphQLObject = GraphQLObject(), as context: APIContext) async -> GraphQLResult {
            await graphql(schema: schema, request: query, contextValue: context, variableValues: variables)
        }

        func shutdown() async {
            await group.triggerGracefulShutdown()
            await db.shutdown()
        }
    }

    func variables(_ json: String) throws -> GraphQLObject {
        guard case .object(let object) = try parseJSON(json) else { throw CancellationError() }
        return object
    }

    @Test func createPublishStartAndReadAnExecution() async throws {
        let world = try await World()
        let acme = world.context("acme")
        let created = await world.run(
            "mutation($d: JSON) { createWorkflow(input: {name: \"greet\", definition: $d}) { workflow { id name } version { version publishedBy } } }",
            try variables(#"{"d": \#(definition)}"#), as: acme)
        #expect(created.errors.isEmpty, "\(created.errors)")
        let workflowID = try #require(created.data?["createWorkflow"]?["workflow"]?["id"])
        #expect(created.data?["createWorkflow"]?["version"]?["publishedBy"] == .string("user@acme"))

        let started = await world.run(
            "mutation($id: ID!) { startExecution(id: $id, version: \"1.0.0\", input: {name: \"Ada\"}) { id status } }",
            try variables(#"{"id": \#(workflowID.jsonString)}"#), as: acme)
        #expect(started.errors.isEmpty, "\(started.errors)")
        let executionID = try #require(started.data?["startExecution"]?["id"])

        var result = GraphQLResult(data: nil)
        for _ in 0..<100 {
            // A context per request, as the HTTP layer makes them (its loaders cache).
            result = await world.run(
                "query($id: ID!) { execution(id: $id) { status output steps { stepId status } events { sequence type } workflowVersion { version workflow { name } } } }",
                try variables(#"{"id": \#(executionID.jsonString)}"#), as: world.context("acme"))
            if result.data?["execution"]?["status"] == .string("SUCCEEDED") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let execution = try #require(result.data?["execution"])
        #expect(execution["status"] == .string("SUCCEEDED"))
        #expect(execution["output"]?["greeting"] == .string("Hello, Ada!"))
        #expect(execution["steps"]?.jsonString == #"[{"stepId":"hello","status":"SUCCEEDED"}]"#)
        #expect(execution["workflowVersion"]?["workflow"]?["name"] == .string("greet"))
        if case .list(let events)? = execution["events"] { #expect(events.count >= 4) } else { Issue.record("no events") }

        // Another tenant sees nothing of it.
        let intruder = await world.run("query($id: ID!) { execution(id: $id) { id } }", try variables(#"{"id": \#(executionID.jsonString)}"#), as: world.context("other"))
        #expect(intruder.jsonString == #"{"data":{"execution":null}}"#)
        await world.shutdown()
    }

    @Test func rolesAreEnforced() async throws {
        let world = try await World()
        let result = await world.run("mutation { createWorkflow(input: {name: \"x\"}) { workflow { id } } }", as: world.context("acme", [.viewer]))
        #expect(result.errors.first?.message.hasPrefix("Forbidden: creating workflows needs the role designer") == true)
        #expect(result.errors.first?.extensions.first?.value == .string("FORBIDDEN"))
        await world.shutdown()
    }

    @Test func engineErrorsKeepTheirCodeAndDetails() async throws {
        let world = try await World()
        let bad = #"{"name": "bad", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "a", "type": "nope"}]}"#
        let result = await world.run(
            "mutation($d: JSON) { createWorkflow(input: {name: \"bad\", definition: $d}) { workflow { id } } }",
            try variables(#"{"d": \#(bad)}"#), as: world.context("acme"))
        let error = try #require(result.errors.first)
        #expect(error.extensions.first?.value == .string("INVALID_DEFINITION"))
        #expect(error.message.contains("/steps/0/type"))
        await world.shutdown()
    }

    @Test func capabilitiesOfLaterIssuesSaySo() async throws {
        let world = try await World()
        let result = await world.run("mutation { exportWorkflows { id } }", as: world.context("acme"))
        #expect(result.errors.first?.message.contains("not available") == true, "\(result.errors)")
        #expect(result.errors.first?.extensions.first?.value == .string("NOT_AVAILABLE"))
        // Without Redis the engine has no cache, and its analytics say why.
        let cache = await world.run("{ cacheMetrics { hits } }", as: world.context("acme"))
        #expect(cache.errors.first?.message.contains("needs Redis") == true)
        await world.shutdown()
    }

    @Test func workflowsArePagedWithCursors() async throws {
        let world = try await World()
        let acme = world.context("acme")
        for name in ["one", "two", "three"] {
            let created = await world.run("mutation { createWorkflow(input: {name: \"\(name)\"}) { workflow { id } } }", as: acme)
            #expect(created.errors.isEmpty, "\(created.errors)")
        }
        let first = await world.run("{ workflows(first: 2) { edges { node { name } } pageInfo { hasNextPage endCursor } } }", as: acme)
        #expect(first.data?["workflows"]?["edges"]?.jsonString == #"[{"node":{"name":"three"}},{"node":{"name":"two"}}]"#)
        #expect(first.data?["workflows"]?["pageInfo"]?["hasNextPage"] == .bool(true))
        let cursor = try #require(first.data?["workflows"]?["pageInfo"]?["endCursor"])
        let rest = await world.run("query($after: String) { workflows(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }",
                                   try variables(#"{"after": \#(cursor.jsonString)}"#), as: acme)
        #expect(rest.data?["workflows"]?["edges"]?.jsonString == #"[{"node":{"name":"one"}}]"#)
        #expect(rest.data?["workflows"]?["pageInfo"]?["hasNextPage"] == .bool(false))
        await world.shutdown()
    }
}

/// A migrated database of its own.
func migratedDatabase(_ label: String) async throws -> PostgresClient {
    let client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create(label), maxConnections: 8))
    try await DatabaseMigrations.runner().apply(using: client)
    return client
}
