import Foundation
import GraphQLCore
import Resolvers
import Subgraph
import Testing
import TestSupport

@Suite("API schema and REST routes")
struct APISchemaTests {
    @Test func theEmbeddedSchemaIsTheRepositoryFile() throws {
        let onDisk = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("schema.graphql"), encoding: .utf8)
        #expect(APISchema.sdl == onDisk, "rebuild: the embedded schema.graphql is stale")
    }

    @Test func theSchemaBuildsAndValidates() throws {
        let schema = try APIEndpoint.schema()
        #expect(schema.queryType == "Query" && schema.mutationType == "Mutation")
        for entity in ["Workflow", "WorkflowVersion", "Execution", "Job"] {
            let type = try #require(schema.types[entity])
            #expect(type.appliedDirectives.contains { $0.name.value == "key" }, "\(entity) must be a federation entity")
        }
        // The operations DESIGN.md §7 fixes by name.
        #expect(schema.types["Mutation"]?.field(named: "enqueueSubworkflow") != nil)
        #expect(schema.types["Execution"]?.field(named: "compensationState") != nil)
        #expect(schema.types["Query"]?.field(named: "cacheMetrics") != nil)
    }

    @Test func everyRequiredRouteIsDeclared() throws {
        let routes = Set(try RestRoute.routes(in: try APIEndpoint.schema()).map { "\($0.method.rawValue) \($0.path)" })
        let required = [
            "POST /api/workflows/{id}/versions/{version}/invoke", "POST /api/executions/{id}/compensate",
            "POST /api/workflows/export", "POST /api/workflows/import", "POST /api/workflows/bulk-publish",
            "POST /api/workflows/bulk-execute", "GET /api/jobs/{id}", "GET /api/analytics/cache-metrics",
            "POST /api/workflows", "POST /api/workflows/{id}/versions", "GET /api/workflows/{id}",
            "POST /api/workflows/{id}/versions/{version}/execute", "GET /api/executions/{id}", "POST /api/executions/{id}/cancel",
        ]
        for route in required { #expect(routes.contains(route), "missing \(route)") }
    }

    @Test(arguments: [
        ("type Query { a(id: ID): Int @rest(method: GET, path: \"/a/{name}\") }", "{name}, which is not an argument"),
        ("type Query { a: Int } type Mutation { m: Int @rest(method: GET, path: \"/m\") }", "mutations must not be reachable with GET"),
        ("type Query { a: Int @rest(method: POST, path: \"/a\") }", "query fields are read with GET"),
        ("type Query { a(id: ID): Int @rest(method: GET, path: \"/x/{id}\"), b(n: ID): Int @rest(method: GET, path: \"/x/{n}\") }", "declared on both"),
        ("type Query { a: Int @rest(method: GET, path: \"a\") }", "starts with \"/\""),
        ("type Query { a: Int } type Mutation { m(x: Int): Int @rest(method: POST, path: \"/m\", body: \"y\") }", "not a non-path argument"),
        ("type Query { a(x: Int): Int @rest(method: GET, path: \"/a\", body: \"x\") }", "GET route, which has no body"),
        ("type Query { a: Int @rest(method: GET, path: \"/a\", status: 404) }", "a success status is 200 to 299"),
    ])
    func badDeclarationsAreRejected(sdl: String, expected: String) throws {
        let schema = try buildSchema("""
            directive @rest(method: RestMethod!, path: String!, body: String, status: Int = 200) on FIELD_DEFINITION
            enum RestMethod { GET POST PUT DELETE }
            \(sdl)
            """)
        do {
            _ = try RestRoute.routes(in: schema)
            Issue.record("expected a declaration error containing \(expected)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }
}
