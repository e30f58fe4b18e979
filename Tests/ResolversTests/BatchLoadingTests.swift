import Engine
import Foundation
import GraphQLCore
import Postgres
import Resolvers
import Subgraph
import Testing
import TestSupport

/// Lists cost a constant number of SQL statements, however long they are: nested fields load
/// through per-request batch loaders (one statement per field for the whole list).
@Suite("Batched loading")
struct BatchLoadingTests {
    let definition = #"{"name": "greet", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "hello", "type": "transform", "with": {"output": {"text": "hi"}}}], "output": {"greeting": "{{steps.hello.output.text}}"}}"#
    let listing = """
        { executions(first: 100) { edges { node { id status
            workflowVersion { version workflow { name latestVersion { version } versions { version } } }
            steps { stepId } events { sequence type } } } } }
        """

    @Test func listingExecutionsCostsTheSameNumberOfStatementsForFewOrMany() async throws {
        // No worker: nothing but the queries under test touches this client.
        let db = try await migratedDatabase("batching")
        let engine = EngineRuntime(postgres: db)
        let schema = try APIEndpoint.schema()
        // Five workflows, so nested keys differ from item to item and must still share batches.
        let names = (1...5).map { "greet\($0)" }
        for name in names {
            _ = try await engine.publisher.publish(tenantID: "acme", document: try JSONValue.parse(definition.replacingOccurrences(of: "\"greet\"", with: "\"\(name)\"")))
        }
        func start(_ count: Int) async throws {
            for index in 0..<count {
                _ = try await engine.executions.start(tenantID: "acme", workflow: names[index % names.count], version: "1.0.0", input: .object([:]))
            }
        }
        func statementsForListing() async throws -> (Int, Int) {
            let context = APIContext(tenantID: "acme", subject: "u", roles: [.viewer], engine: engine)
            let before = db.statementCount
            let result = await graphql(schema: schema, request: listing, contextValue: context)
            #expect(result.errors.isEmpty, "\(result.errors)")
            guard case .list(let edges)? = result.data?["executions"]?["edges"] else { throw CancellationError() }
            return (db.statementCount - before, edges.count)
        }
        try await start(3)
        let (few, fewCount) = try await statementsForListing()
        try await start(47)
        let (many, manyCount) = try await statementsForListing()
        #expect(fewCount == 3 && manyCount == 50)
        #expect(few == many, "3 executions took \(few) statements, 50 took \(many)")
        // The page, versions, workflows, versions of workflows, step runs, events.
        #expect(many <= 6)
        await db.shutdown()
    }

    /// Describing an execution the request just started costs no statement: its events, step runs
    /// (none) and children (none) come from what the launch wrote. The rich selection must cost
    /// what the bare one does; the admission caches (tier limits, queue depth) may expire between
    /// two calls, so a pair gets three chances to line up.
    @Test func describingAJustStartedExecutionReadsNothingBack() async throws {
        let db = try await migratedDatabase("launchprime")
        let engine = EngineRuntime(postgres: db)
        let schema = try APIEndpoint.schema()
        let published = try await engine.publisher.publish(tenantID: "acme", document: try JSONValue.parse(definition))
        let context = APIContext(tenantID: "acme", subject: "u", roles: [.operator_], engine: engine)
        func statements(_ selection: String) async throws -> Int {
            let before = db.statementCount
            let request = #"mutation { startExecution(id: "\#(published.workflowID.uuidString.lowercased())", version: "1.0.0", input: {}) \#(selection) }"#
            let result = await graphql(schema: schema, request: request, contextValue: context)
            #expect(result.errors.isEmpty, "\(result.errors)")
            return db.statementCount - before
        }
        _ = try await statements("{ id }")
        var pairs: [(bare: Int, rich: Int)] = []
        for _ in 0..<3 {
            let bare = try await statements("{ id }")
            let rich = try await statements("{ id status steps { stepId } events { sequence type hash createdAt } children { id } cacheHits }")
            pairs.append((bare, rich))
            if bare == rich { break }
        }
        #expect(pairs.contains { $0.bare == $0.rich }, "statements (bare, rich): \(pairs)")
        await db.shutdown()
    }
}
