import Engine
import Foundation
import GraphQLCore
import Hummingbird
import HummingbirdTesting
import Resolvers
import Subgraph
import Testing
import TestSupport

/// Maestro Composer's own API as a federation subgraph: the golden SDL and batched `_entities`.
@Suite("API as a federation subgraph")
struct APIFederationTests {
    static let goldenPath = TestEnvironment.packageRoot.appendingPathComponent("federation/subgraph.graphql").path
    let definition = #"{"name": "greet", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "hello", "type": "transform", "with": {"output": {"text": "hi"}}}], "output": {"greeting": "{{steps.hello.output.text}}"}}"#

    @Test func theServedSDLIsTheGoldenFile() async throws {
        let golden = try String(contentsOfFile: Self.goldenPath, encoding: .utf8)
        let generated = try APIEndpoint.federation().serviceSDL
        #expect(generated == golden, "federation/subgraph.graphql is stale (see docs/schema-changes.md); the served SDL is:\n\(generated)")
        #expect(!golden.contains("@rest") && !golden.contains("RestMethod"), "private directives stay private")
        let world = try await APITestApp("federationsdl")
        try await world.application().test(.router) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: try await APITestApp.headers("gateway", roles: ["viewer"]),
                body: ByteBuffer(string: #"{"query": "{ _service { sdl } }"}"#)
            ) { response in
                #expect(response.status == .ok)
                let sdl = ((json(response.body)["data"] as? [String: Any])?["_service"] as? [String: Any])?["sdl"] as? String
                #expect(sdl == golden)
            }
        }
        await world.shutdown()
    }

    @Test func entitiesResolveInOrderInTheCallersTenantWithAConstantNumberOfQueries() async throws {
        let world = try await APITestApp("federationentities")
        _ = try await world.engine.publisher.publish(tenantID: "acme", document: try JSONValue.parse(definition))
        _ = try await world.engine.publisher.publish(tenantID: "globex", document: try JSONValue.parse(definition))
        var mine: [String] = []
        for _ in 0..<100 {
            mine.append(try await world.engine.executions.start(tenantID: "acme", workflow: "greet", version: "1.0.0", input: .object([:])).id.uuidString.lowercased())
        }
        let theirs = try await world.engine.executions.start(tenantID: "globex", workflow: "greet", version: "1.0.0", input: .object([:])).id.uuidString.lowercased()
        let schema = try APIEndpoint.schema()
        let query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Execution { id status workflowVersion { version workflow { name } } } } }"

        func entities(_ ids: [String]) async throws -> (GraphQLResult, Int) {
            let representations = GraphQLValue.list(ids.map { ["__typename": "Execution", "id": .string($0)] })
            // A context per request, as the HTTP layer makes them (its loaders cache).
            let context = APIContext(tenantID: "acme", subject: "gateway", roles: [.viewer], engine: world.engine)
            let before = world.postgres.statementCount
            let result = await graphql(schema: schema, request: query, contextValue: context, variableValues: ["r": representations])
            return (result, world.postgres.statementCount - before)
        }

        let (few, fewStatements) = try await entities(Array(mine.prefix(3)))
        #expect(few.errors.isEmpty, "\(few.errors)")
        let unknown = UUID().uuidString.lowercased()
        // 100 of ours, then an unknown id, another tenant's id, and a malformed one.
        let (many, manyStatements) = try await entities(mine + [unknown, theirs, "not-a-uuid"])
        #expect(fewStatements == manyStatements, "3 representations took \(fewStatements) statements, 103 took \(manyStatements)")
        #expect(manyStatements <= 3)
        guard case .list(let items)? = many.data?["_entities"] else { Issue.record("no _entities: \(many.jsonString)"); return }
        #expect(items.count == 103)
        #expect(items.prefix(100).map { $0["id"] } == mine.map { .string($0) }, "order is preserved")
        #expect(items[0]["workflowVersion"]?["workflow"]?["name"] == "greet")
        #expect(items[100] == .null && items[101] == .null, "unknown and foreign ids are null")
        #expect(items[102] == .null)
        #expect(many.errors.count == 1)
        #expect(many.errors.first?.path == [.key("_entities"), .index(102)])
    }
}
