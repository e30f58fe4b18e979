import Foundation
import Testing

@testable import GraphQLCore

/// Compares our validator with graphql-js 16 on every document in `Corpus/validation`: the
/// error list (messages, locations, order) must be identical.
///
/// Each schema directory holds `schema.graphql` and `cases/*.graphql`; the reference script
/// `graphql-validate-reference.js` prints graphql-js's errors as `MESSAGE @ LINE:COL,...` lines.
/// Needs `node` and graphql-js; missing tools fail the test.
@Suite struct ValidationDifferentialTests {
    static let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let corpusDirectory = testDirectory.appendingPathComponent("Corpus/validation")
    static let referenceScript = testDirectory.appendingPathComponent("graphql-validate-reference.js")

    @Test func corpusMatchesGraphQLJS() throws {
        let reference = try Self.referenceResults()
        let schemaNames = try FileManager.default.contentsOfDirectory(atPath: Self.corpusDirectory.path).sorted()
        var total = 0
        var identical = 0
        var schemas = 0
        for schemaName in schemaNames {
            let directory = Self.corpusDirectory.appendingPathComponent(schemaName)
            let schema = try buildSchema(
                String(contentsOf: directory.appendingPathComponent("schema.graphql"), encoding: .utf8))
            schemas += 1
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
                let ours = Self.describe(text, schema: schema)
                if ours == expected {
                    identical += 1
                } else {
                    let theirs = expected.joined(separator: "\n")
                    let mine = ours.joined(separator: "\n")
                    Issue.record("\(key): mismatch\n--- graphql-js ---\n\(theirs)\n--- ours ---\n\(mine)")
                }
            }
        }
        Swift.print("Differential validation test: \(total) documents, \(identical) identical to graphql-js")
        #expect(schemas >= 3, "the validation corpus should cover at least 3 schemas")
        #expect(total >= 200, "the validation corpus should hold at least 200 documents")
        #expect(identical == total)
    }

    /// Our errors for one document, in the reference script's line format.
    static func describe(_ text: String, schema: GraphQLSchema) -> [String] {
        let source = Source(text)
        let document: DocumentNode
        do throws(GraphQLError) {
            document = try parse(source)
        } catch {
            return ["SYNTAX: " + error.message]
        }
        return validate(schema: schema, document: document, source: source).map { error in
            error.message + " @ " + error.locations.map(\.description).joined(separator: ",")
        }
    }

    /// Runs the reference script and returns each document's error lines.
    static func referenceResults() throws -> [String: [String]] {
        let json = try runReferenceScript(referenceScript, arguments: [corpusDirectory.path])
        guard
            let results = json["results"] as? [String: [String]]
        else {
            throw DifferentialTests.ReferenceError("graphql-validate-reference.js printed unexpected output")
        }
        return results
    }
}
