import Foundation
import Testing
import TestSupport

/// `mc graphql execute` and `mc graphql batch` as a user runs them.
@Suite("mc graphql")
struct GraphQLCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mc-graphql-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("schema.graphql", """
            type Query { hero: Character, count: Int! }
            interface Character { name: String! }
            type Droid implements Character { name: String!, primaryFunction: String }
            """)
        try write("data.json", #"{"hero": {"__typename": "Droid", "name": "R2-D2", "primaryFunction": "Astromech"}, "count": 3}"#)
        try write("query.graphql", "query Q($withCount: Boolean!) { hero { name ... on Droid { primaryFunction } } count @include(if: $withCount) }")
        try write("variables.json", #"{"withCount": false}"#)
        try write("broken.graphql", "{ hero { name }")
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func executePrintsTheResultAsGraphQLJSWould() throws {
        let output = try Shell.run(try TestEnvironment.mcBinary(), [
            "graphql", "execute", "--schema", path("schema.graphql"), "--data", path("data.json"),
            "--variables", path("variables.json"), path("query.graphql"),
        ])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"data":{"hero":{"name":"R2-D2","primaryFunction":"Astromech"}}}"#)
    }

    @Test func syntaxErrorsGiveErrorsAndNoData() throws {
        let output = try Shell.run(try TestEnvironment.mcBinary(), [
            "graphql", "execute", "--schema", path("schema.graphql"), "--data", path("data.json"), path("broken.graphql"),
        ])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines)
            == #"{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":16}]}]}"#)
    }

    @Test func batchRunsEveryCaseAndReportsBadOnesInPlace() throws {
        try write("cases.jsonl", """
            {"schema": "schema.graphql", "data": "data.json", "document": "query.graphql", "variables": {"withCount": true}}
            {"schema": "missing.graphql", "data": "data.json", "document": "query.graphql"}
            {"schema": "schema.graphql", "data": "data.json", "document": "broken.graphql"}
            """)
        let lines = try Shell.run(try TestEnvironment.mcBinary(), ["graphql", "batch", path("cases.jsonl")])
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == #"{"data":{"hero":{"name":"R2-D2","primaryFunction":"Astromech"},"count":3}}"#)
        #expect(lines.dropFirst().first?.contains("Case 2: Cannot read the schema file") == true)
        #expect(lines.last?.hasPrefix(#"{"errors":[{"message":"Syntax Error"#) == true)
    }
}
