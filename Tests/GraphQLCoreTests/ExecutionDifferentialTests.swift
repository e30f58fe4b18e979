import Foundation
import Testing

@testable import GraphQLCore

/// Compares our executor with graphql-js 16 on every request in `Corpus/execution`: the full
/// JSON response (data, errors, messages, locations, paths, key order) must be byte-identical.
///
/// Each schema directory holds `schema.graphql`, `data.json` (the root value) and `cases/`.
/// Both sides resolve fields by reading the parent's property and abstract types by
/// `__typename`; fields named `echo...` return their coerced arguments as JSON text.
/// Needs `node` and graphql-js; missing tools fail the test.
@Suite struct ExecutionDifferentialTests {
    static let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let corpusDirectory = testDirectory.appendingPathComponent("Corpus/execution")
    static let referenceScript = testDirectory.appendingPathComponent("graphql-execute-reference.js")

    @Test func corpusMatchesGraphQLJS() async throws {
        let reference = try Self.referenceResults()
        let schemaNames = try FileManager.default.contentsOfDirectory(atPath: Self.corpusDirectory.path).sorted()
        var total = 0
        var identical = 0
        for schemaName in schemaNames {
            let directory = Self.corpusDirectory.appendingPathComponent(schemaName)
            let schema = try Self.corpusSchema(at: directory)
            let root = try parseJSON(String(contentsOf: directory.appendingPathComponent("data.json"), encoding: .utf8))
            let casesDirectory = directory.appendingPathComponent("cases")
            let files = try FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)
                .filter { $0.hasSuffix(".graphql") }.sorted()
            for file in files {
                total += 1
                let key = schemaName + "/" + file
                let text = try String(contentsOf: casesDirectory.appendingPathComponent(file), encoding: .utf8)
                guard let expected = reference[key] else {
                    Issue.record("\(key): graphql-js gave no result")
                    continue
                }
                let ours = try await Self.run(text, schema: schema, root: root)
                // Set GRAPHQL_DIFF_DUMP=DIR to keep our outputs for inspection.
                if let dump = ProcessInfo.processInfo.environment["GRAPHQL_DIFF_DUMP"] {
                    let target = URL(fileURLWithPath: dump).appendingPathComponent(schemaName + "-" + file + ".json")
                    try ours.write(to: target, atomically: true, encoding: .utf8)
                }
                if ours == expected {
                    identical += 1
                } else {
                    Issue.record("\(key): mismatch\n--- graphql-js ---\n\(expected)\n--- ours ---\n\(ours)")
                }
            }
        }
        Swift.print("Differential execution test: \(total) cases, \(identical) identical to graphql-js")
        #expect(total >= 120, "the execution corpus should hold at least 120 cases")
        #expect(identical == total)
    }

    /// The corpus schema with the `echo...` resolvers installed.
    static func corpusSchema(at directory: URL) throws -> GraphQLSchema {
        var schema = try buildSchema(String(contentsOf: directory.appendingPathComponent("schema.graphql"), encoding: .utf8))
        for name in schema.typeNames {
            guard let type = schema.type(named: name), type.kind == .object else { continue }
            for field in type.fields where field.name.hasPrefix("echo") {
                schema.setResolver(typeName: name, fieldName: field.name) { _, arguments, _ in
                    .value(.string(GraphQLValue.object(arguments).jsonString))
                }
            }
        }
        return schema
    }

    /// Executes one corpus request the way the reference script does.
    static func run(_ text: String, schema: GraphQLSchema, root: GraphQLValue) async throws -> String {
        var variables = GraphQLObject()
        if let line = header(text, "variables"), case .object(let object) = try parseJSON(line) {
            variables = object
        }
        let source = Source(text)
        let document = try parse(source)
        let result = await executeWithJSONRoot(
            schema: schema, document: document, source: source, rootJSON: root, variables: variables,
            operationName: header(text, "operationName"))
        return result.jsonString
    }

    static func header(_ text: String, _ key: String) -> String? {
        let prefix = "# \(key): "
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count))
        }
        return nil
    }

    /// Runs the reference script and returns each case's JSON; invalid cases fail the test.
    static func referenceResults() throws -> [String: String] {
        let json = try runReferenceScript(referenceScript, arguments: [corpusDirectory.path])
        guard
            let results = json["results"] as? [String: [String: Any]]
        else {
            throw DifferentialTests.ReferenceError("graphql-execute-reference.js printed unexpected output")
        }
        var outcomes: [String: String] = [:]
        for (key, result) in results {
            if let text = result["json"] as? String {
                outcomes[key] = text
            } else {
                Issue.record("\(key) does not pass graphql-js validation: \(result["invalid"] ?? "?")")
            }
        }
        return outcomes
    }
}
