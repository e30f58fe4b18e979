import Foundation
import Testing

@testable import GraphQLCore

/// Compares our parser and printer with graphql-js 16 (the reference implementation) on
/// every document in `Corpus/language`: the printed output for valid documents, the
/// message, line and column for invalid ones.
///
/// Needs `node` on PATH and graphql-js (Debian: `apt-get install node-graphql`). Missing
/// tools fail the test: CI installs them, and a silent skip would hide regressions.
@Suite struct DifferentialTests {
    static let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let corpusDirectory = testDirectory.appendingPathComponent("Corpus/language")
    static let referenceScript = testDirectory.appendingPathComponent("graphql-reference.js")

    /// What either implementation made of one document.
    enum Outcome: Equatable, CustomStringConvertible {
        case printed(String)
        case error(message: String, line: Int, column: Int)

        var description: String {
            switch self {
            case .printed(let text): "printed:\n\(text)"
            case .error(let message, let line, let column): "error \(line):\(column) \(message)"
            }
        }
    }

    @Test func corpusMatchesGraphQLJS() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpusDirectory.path)
            .filter { $0.hasSuffix(".graphql") }
            .sorted()
        #expect(files.count >= 150, "the language corpus should hold at least 150 documents")

        let reference = try Self.referenceOutcomes()
        var matching = 0
        for file in files {
            let data = try Data(contentsOf: Self.corpusDirectory.appendingPathComponent(file))
            let ours = Self.outcome(of: String(decoding: data, as: UTF8.self), file: file)
            guard let theirs = reference[file] else {
                Issue.record("\(file): graphql-js gave no result")
                continue
            }
            if ours == theirs {
                matching += 1
            } else {
                Issue.record("\(file): mismatch\n--- graphql-js ---\n\(theirs)\n--- ours ---\n\(ours)")
            }
        }
        Swift.print("Differential language test: \(files.count) documents, \(matching) matching graphql-js")
        #expect(matching == files.count)
    }

    static func outcome(of text: String, file: String) -> Outcome {
        do throws(GraphQLError) {
            let printed: String
            if file.hasSuffix(".value.graphql") {
                printed = GraphQLCore.print(try parseValue(text, options: .unlimited))
            } else if file.hasSuffix(".type.graphql") {
                printed = GraphQLCore.print(try parseType(text, options: .unlimited))
            } else {
                printed = GraphQLCore.print(try parse(text, options: .unlimited))
            }
            return .printed(printed)
        } catch {
            let location = error.locations.first ?? SourceLocation(line: 0, column: 0)
            return .error(message: error.message, line: location.line, column: location.column)
        }
    }

    /// Runs the reference script with node and decodes its JSON.
    static func referenceOutcomes() throws -> [String: Outcome] {
        let json = try runReferenceScript(referenceScript, arguments: [corpusDirectory.path])
        guard
            let results = json["results"] as? [String: [String: Any]]
        else {
            throw ReferenceError("graphql-reference.js printed unexpected output")
        }
        var outcomes: [String: Outcome] = [:]
        for (file, result) in results {
            if let printed = result["printed"] as? String {
                outcomes[file] = .printed(printed)
            } else if let message = result["error"] as? String {
                outcomes[file] = .error(
                    message: message, line: result["line"] as? Int ?? 0, column: result["column"] as? Int ?? 0)
            }
        }
        return outcomes
    }

    static func findOnPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    struct ReferenceError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
