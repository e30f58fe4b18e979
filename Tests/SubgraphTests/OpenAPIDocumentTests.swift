import Foundation
import GraphQLCore
import HummingbirdTesting
import Subgraph
import Testing
import TestSupport

/// The OpenAPI document: generated from schema.graphql, served at /openapi.json, committed as
/// docs/openapi.json (regenerate with `mc schema openapi > docs/openapi.json`).
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static let committedPath = TestEnvironment.packageRoot.appendingPathComponent("docs/openapi.json").path

    @Test func theCommittedDocumentIsTheGeneratedOne() throws {
        let generated = try APIEndpoint.openAPIDocument(schema: try APIEndpoint.schema()).text
        let committed = try String(contentsOfFile: Self.committedPath, encoding: .utf8)
        #expect(committed == generated, "docs/openapi.json is stale: run `mc schema openapi > docs/openapi.json`")
    }

    @Test func theServerServesTheSameDocumentWithoutAToken() async throws {
        let world = try await APITestApp("openapi")
        let committed = try String(contentsOfFile: Self.committedPath, encoding: .utf8)
        try await world.application().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body) == committed)
            }
        }
        await world.shutdown()
    }

    @Test func everyRouteIsDescribedAndEveryReferenceResolves() throws {
        let schema = try APIEndpoint.schema()
        let document = try APIEndpoint.openAPIDocument(schema: schema).json
        #expect(document["openapi"] == "3.1.0")
        guard case .object(let paths)? = document["paths"] else { Issue.record("no paths"); return }
        for route in try RestRoute.routes(in: schema) {
            #expect(paths[route.path]?[route.method.rawValue.lowercased()]?["operationId"] == .string(route.field), "\(route.path)")
        }
        #expect(paths["/api/executions/{id}/events"]?["get"] != nil)
        var references: Set<String> = []
        collectReferences(document, into: &references)
        #expect(!references.isEmpty)
        for reference in references {
            let parts = reference.dropFirst(2).split(separator: "/").map(String.init)
            var node: GraphQLValue? = document
            for part in parts { node = node?[part] }
            #expect(node != nil, "\(reference) does not resolve")
        }
    }

    @Test func responseSchemasFollowTheSelectionTheShimRuns() throws {
        let document = try APIEndpoint.openAPIDocument(schema: try APIEndpoint.schema()).json
        let execution = document["paths"]?["/api/executions/{id}"]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"]
        // Non-null fields are required; nested entities are expanded one level, then referenced by id.
        #expect(execution?["required"].map { required in
            if case .list(let names) = required { return names.contains("status") && !names.contains("output") }
            return false
        } == true)
        let version = execution?["properties"]?["workflowVersion"]
        #expect(version?["properties"]?["version"] != nil)
        #expect(version?["properties"]?["workflow"]?["properties"]?["id"] != nil)
        #expect(version?["properties"]?["workflow"]?["properties"]?["name"] == nil)
    }

    private func collectReferences(_ value: GraphQLValue, into references: inout Set<String>) {
        switch value {
        case .object(let object):
            for (key, item) in object.entries {
                if key == "$ref", case .string(let target) = item { references.insert(target) } else { collectReferences(item, into: &references) }
            }
        case .list(let items):
            for item in items { collectReferences(item, into: &references) }
        default:
            break
        }
    }
}
