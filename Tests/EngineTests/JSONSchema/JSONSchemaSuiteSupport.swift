import Foundation
@testable import Engine

/// Loads and runs the official JSON-Schema-Test-Suite (draft 2020-12).
///
/// The suite is found through `MAESTRO_JSON_SCHEMA_SUITE`, else at
/// `../shared/testdata/json-schema-test-suite` next to the package root (computed from this
/// file's real path, so symlinked checkouts still work).
enum JSONSchemaSuite {
    struct Outcome {
        var passed = 0
        var total = 0
        /// Case ids (`file: group / test`) whose result differed from the expectation.
        var failures: [String: String] = [:]
    }

    static func locate() -> URL? {
        if let path = ProcessInfo.processInfo.environment["MAESTRO_JSON_SCHEMA_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.deletingLastPathComponent()
                    .appendingPathComponent("shared/testdata/json-schema-test-suite")
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static func resolver(suite: URL) -> DirectorySchemaResolver {
        DirectorySchemaResolver(uriPrefix: "http://localhost:1234/", directory: suite.appendingPathComponent("remotes"))
    }

    /// The `.json` files of a directory, sorted by name.
    static func files(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Runs every case of one suite file; `label` prefixes case ids (e.g. `optional/format/date.json`).
    static func run(file: URL, label: String, resolver: DirectorySchemaResolver, formatAssertion: Bool) throws -> Outcome {
        let document = try JSONValue.parse(try Data(contentsOf: file))
        var outcome = Outcome()
        for group in document.arrayValue ?? [] {
            let groupName = group["description"]?.stringValue ?? "?"
            let schema: Result<JSONSchema, JSONSchemaCompileError> = Result { () throws(JSONSchemaCompileError) -> JSONSchema in
                try JSONSchema(
                    compiling: group["schema"] ?? .null,
                    options: JSONSchema.Options(formatAssertion: formatAssertion),
                    resolver: resolver)
            }
            for test in group["tests"]?.arrayValue ?? [] {
                let id = "\(label): \(groupName) / \(test["description"]?.stringValue ?? "?")"
                let expected = test["valid"]?.boolValue ?? false
                let data = test["data"] ?? .null
                outcome.total += 1
                switch schema {
                case .failure(let error):
                    outcome.failures[id] = "schema did not compile: \(error)"
                case .success(let schema):
                    let fast = schema.isValid(data)
                    let errors = schema.validate(data)
                    if fast != errors.isEmpty {
                        outcome.failures[id] = "isValid (\(fast)) and validate (\(errors)) disagree"
                    } else if fast != expected {
                        outcome.failures[id] = "expected \(expected ? "valid" : "invalid") but got \(fast ? "valid" : "\(errors)")"
                    } else {
                        outcome.passed += 1
                    }
                }
            }
        }
        return outcome
    }
}
