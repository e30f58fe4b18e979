import ArgumentParser
import Foundation
import GraphQLCore
import Subgraph

/// `mc schema print|diff`: the schema tools CI jobs use to catch breaking API changes.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print schemas and classify the changes between two of them.",
        subcommands: [Print.self, Diff.self, OpenAPI.self])

    /// `mc schema openapi`: the REST shim's OpenAPI 3.1 document, generated from the embedded
    /// schema.graphql exactly as the server serves it at /openapi.json.
    struct OpenAPI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi", abstract: "Print the OpenAPI 3.1 document of the REST API (what /openapi.json serves).")

        func run() async throws {
            print(try APIEndpoint.openAPIDocument(schema: try APIEndpoint.schema()).text, terminator: "")
        }
    }

    /// `mc schema print FILE`: the SDL normalised as graphql-js's printSchema prints it.
    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a schema (SDL file) in canonical form.")

        @Flag(help: "Keep applied directives (graphql-js's printSchema drops all but @deprecated and @specifiedBy).")
        var withDirectives = false

        @Argument(help: "The schema (SDL file).") var file: String

        func run() async throws {
            let schema = try loadSchema(file)
            print(withDirectives ? printSchemaWithDirectives(schema) : printSchema(schema))
        }
    }

    /// `mc schema diff OLD NEW`: breaking / dangerous / safe; exit 1 when anything breaks.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify every change from OLD to NEW as breaking, dangerous or safe (graphql-js findBreakingChanges categories). Exits 1 when a change is breaking.")

        @Flag(help: "Print a JSON array of {kind, type, description} instead of text.") var json = false
        @Argument(help: "The schema before (SDL file).") var old: String
        @Argument(help: "The schema after (SDL file).") var new: String

        func run() async throws {
            let diff = SchemaDiff(old: try loadSchema(old), new: try loadSchema(new))
            print(json ? diff.jsonReport : diff.textReport)
            if diff.hasBreakingChanges { throw ExitCode(1) }
        }
    }
}

/// Reads and builds a schema, turning file and SDL problems into one-line errors.
private func loadSchema(_ path: String) throws -> GraphQLSchema {
    let sdl: String
    do { sdl = try String(contentsOfFile: path, encoding: .utf8) } catch {
        throw ValidationError("Cannot read the schema file \(path): \(error.localizedDescription)")
    }
    do { return try buildSchema(sdl) } catch {
        throw StartupError("\(path): \(error.message)")
    }
}
