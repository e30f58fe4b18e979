import ArgumentParser
import Foundation
import GraphQLCore

/// `mc graphql ...`: run our GraphQL engine on files, with output shaped exactly like graphql-js's
/// `graphql()` result (used for differential testing and debugging).
struct GraphQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphql", abstract: "Execute GraphQL documents against a schema and JSON data.",
        subcommands: [Execute.self, Batch.self])

    /// `mc graphql execute --schema S --data ROOT.json [--variables V.json] [--operation NAME] DOC`
    struct Execute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Execute one document; prints {\"data\": ...} and/or {\"errors\": [...]} as graphql-js would.")

        @Option(help: "The schema (SDL file).") var schema: String
        @Option(help: "The root value (JSON file); fields read their parent's property of the same name, abstract types resolve from __typename.") var data: String
        @Option(help: "Variables (JSON file with an object).") var variables: String?
        @Option(help: "The operation to run when the document has several.") var operation: String?
        @Argument(help: "The document (.graphql file).") var document: String

        func run() async throws {
            var runner = GraphQLFileRunner()
            let variablesText = try variables.map { try GraphQLFileRunner.read($0, what: "variables") }
            let line = try await runner.run(
                schemaPath: schema, dataPath: data, variables: variablesText, operationName: operation,
                document: try GraphQLFileRunner.read(document, what: "document"))
            print(line)
        }
    }

    /// `mc graphql batch CASES.jsonl`: many cases in one process, one result line per case.
    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run many cases: each line {\"schema\": path, \"data\": path, \"variables\": {...}, \"operation\": name, \"document\": path}; prints one result per line.")

        @Argument(help: "A JSON-lines file of cases (paths relative to the file's directory).") var cases: String

        func run() async throws {
            let text = try GraphQLFileRunner.read(cases, what: "cases")
            let base = URL(fileURLWithPath: cases).deletingLastPathComponent()
            var runner = GraphQLFileRunner()
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                do {
                    let spec = try GraphQLFileRunner.parseCase(String(line), base: base)
                    print(try await runner.run(
                        schemaPath: spec.schema, dataPath: spec.data, variables: spec.variables, operationName: spec.operation,
                        document: try GraphQLFileRunner.read(spec.document, what: "document")))
                } catch {
                    // One bad case must not hide the others: report it in place.
                    print(GraphQLResult(data: nil, errors: [GraphQLError(message: "Case \(number + 1): \(error)")]).jsonString)
                }
            }
        }
    }
}

/// Loads schemas, data and documents from files (caching schemas and data by path for batches)
/// and runs them through `graphql()`.
struct GraphQLFileRunner {
    private var schemas: [String: GraphQLSchema] = [:]
    private var roots: [String: GraphQLValue] = [:]

    struct Case {
        let schema: String, data: String, document: String
        let variables: String?, operation: String?
    }

    static func read(_ path: String, what: String) throws -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ValidationError("Cannot read the \(what) file \(path): \(error.localizedDescription)")
        }
    }

    static func parseCase(_ line: String, base: URL) throws -> Case {
        let value = try parseJSON(line)
        func path(_ key: String) throws -> String {
            guard case .string(let relative)? = value[key] else { throw ValidationError("the case has no \"\(key)\" path") }
            return relative.hasPrefix("/") ? relative : base.appendingPathComponent(relative).path
        }
        var variables: String?
        if let given = value["variables"], !given.isNull { variables = given.jsonString }
        var operation: String?
        if case .string(let name)? = value["operation"] { operation = name }
        return Case(schema: try path("schema"), data: try path("data"), document: try path("document"), variables: variables, operation: operation)
    }

    mutating func run(schemaPath: String, dataPath: String, variables: String?, operationName: String?, document: String) async throws -> String {
        let schema = try loadSchema(schemaPath)
        let root = try loadRoot(dataPath)
        var variableValues = GraphQLObject()
        if let variables {
            guard case .object(let object) = try parseJSON(variables) else { throw ValidationError("Variables must be a JSON object.") }
            variableValues = object
        }
        let result = await graphql(schema: schema, request: document, rootValue: .value(root), variableValues: variableValues, operationName: operationName)
        return result.jsonString
    }

    private mutating func loadSchema(_ path: String) throws -> GraphQLSchema {
        if let schema = schemas[path] { return schema }
        let schema = try buildSchema(try Self.read(path, what: "schema"))
        schemas[path] = schema
        return schema
    }

    private mutating func loadRoot(_ path: String) throws -> GraphQLValue {
        if let root = roots[path] { return root }
        let root = try parseJSON(try Self.read(path, what: "data"))
        roots[path] = root
        return root
    }
}
