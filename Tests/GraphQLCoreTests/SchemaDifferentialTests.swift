import Foundation
import Testing

@testable import GraphQLCore

/// Compares our schema printer and schema diff with graphql-js 16 (the reference
/// implementation): `printSchema(buildSchema(sdl))` on every document of `Corpus/printer`,
/// and `findBreakingChanges` / `findDangerousChanges` on every old/new pair of `Corpus/diff`.
///
/// Needs `node` on PATH and graphql-js (Debian: `apt-get install node-graphql`). Missing
/// tools fail the test: CI installs them, and a silent skip would hide regressions.
@Suite struct SchemaDifferentialTests {
    static let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let printerCorpus = testDirectory.appendingPathComponent("Corpus/printer")
    static let diffCorpus = testDirectory.appendingPathComponent("Corpus/diff")
    static let referenceScript = testDirectory.appendingPathComponent("graphql-schema-reference.js")

    @Test func printerCorpusMatchesGraphQLJS() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.printerCorpus.path)
            .filter { $0.hasSuffix(".graphql") }
            .sorted()
        #expect(files.count >= 40, "the printer corpus should hold at least 40 documents")
        let reference = try Self.reference(mode: "print", corpus: Self.printerCorpus)
        var matching = 0
        for file in files {
            let sdl = try String(contentsOf: Self.printerCorpus.appendingPathComponent(file), encoding: .utf8)
            let ours: String
            do {
                ours = printSchema(try buildSchema(sdl))
            } catch {
                ours = "error: \(error.message)"
            }
            let theirs = (reference[file]?["printed"] as? String) ?? "error: \(reference[file]?["error"] ?? "no result")"
            if ours == theirs {
                matching += 1
            } else {
                Issue.record("\(file): mismatch\n--- graphql-js ---\n\(theirs)\n--- ours ---\n\(ours)")
            }
        }
        Swift.print("Differential printer test: \(files.count) schemas, \(matching) matching graphql-js")
        #expect(matching == files.count)
    }

    @Test func diffCorpusMatchesGraphQLJS() throws {
        let pairs = try FileManager.default.contentsOfDirectory(atPath: Self.diffCorpus.path)
            .filter { FileManager.default.fileExists(atPath: Self.diffCorpus.appendingPathComponent("\($0)/old.graphql").path) }
            .sorted()
        #expect(pairs.count >= 60, "the diff corpus should hold at least 60 schema pairs")
        let reference = try Self.reference(mode: "diff", corpus: Self.diffCorpus)
        var matching = 0
        for pair in pairs {
            let folder = Self.diffCorpus.appendingPathComponent(pair)
            let ours: String
            do {
                let old = try buildSchema(String(contentsOf: folder.appendingPathComponent("old.graphql"), encoding: .utf8))
                let new = try buildSchema(String(contentsOf: folder.appendingPathComponent("new.graphql"), encoding: .utf8))
                ours = Self.render(
                    breaking: findBreakingChanges(old, new).map { ($0.type.rawValue, $0.description) },
                    dangerous: findDangerousChanges(old, new).map { ($0.type.rawValue, $0.description) })
            } catch let error as GraphQLError {
                ours = "error: \(error.message)"
            }
            let theirs: String
            if let result = reference[pair], let breaking = result["breaking"] as? [[String: String]],
                let dangerous = result["dangerous"] as? [[String: String]]
            {
                theirs = Self.render(
                    breaking: breaking.map { ($0["type"] ?? "", $0["description"] ?? "") },
                    dangerous: dangerous.map { ($0["type"] ?? "", $0["description"] ?? "") })
            } else {
                theirs = "error: \(reference[pair]?["error"] ?? "no result")"
            }
            if ours == theirs {
                matching += 1
            } else {
                Issue.record("\(pair): mismatch\n--- graphql-js ---\n\(theirs)\n--- ours ---\n\(ours)")
            }
        }
        Swift.print("Differential diff test: \(pairs.count) schema pairs, \(matching) matching graphql-js")
        #expect(matching == pairs.count)
    }

    static func render(breaking: [(String, String)], dangerous: [(String, String)]) -> String {
        (breaking.map { "breaking \($0.0): \($0.1)" } + dangerous.map { "dangerous \($0.0): \($0.1)" })
            .joined(separator: "\n")
    }

    @Test func introspectionSchemaMatchesGraphQLJS() throws {
        let json = try Self.referenceOutput(mode: "print", corpus: Self.printerCorpus)
        let theirs = try #require(json["introspection"] as? String)
        #expect(printIntrospectionSchema(try buildSchema("type Query { a: String }")) == theirs)
    }

    /// Runs the reference script in `mode` over `corpus` and decodes its results.
    static func reference(mode: String, corpus: URL) throws -> [String: [String: Any]] {
        guard let results = try referenceOutput(mode: mode, corpus: corpus)["results"] as? [String: [String: Any]] else {
            throw DifferentialTests.ReferenceError("graphql-schema-reference.js printed unexpected output")
        }
        return results
    }

    /// Runs the reference script in `mode` over `corpus` and decodes its whole output.
    static func referenceOutput(mode: String, corpus: URL) throws -> [String: Any] {
        let json = try runReferenceScript(referenceScript, arguments: [mode, corpus.path])
        return json
    }
}
