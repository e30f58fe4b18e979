import ArgumentParser
import Foundation
import GraphQLCore
import Subgraph

/// `mc schema print|diff`: the schema tools CI jobs use to catch breaking API changes.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print schemas and classify the changes between two of them.",
        subcommands: [Print.self, Diff.self, OpenAPI.self, Subgraph.self])

    /// `mc schema subgraph`: the SDL the server serves as a federation subgraph.
    struct Subgraph: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subgraph",
            abstract: "Print the subgraph SDL the server serves (`_service { sdl }`): the golden federation/subgraph.graphql.")

        func run() async throws {
            print(try APIEndpoint.federation().serviceSDL, terminator: "")
        }
    }

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
            abstract: "Classify every change from OLD to NEW as breaking, dangerous or safe (graphql-js findBreakingChanges categories). Exits 1 when a change is breaking.",
            discussion: """
                OLD and NEW are SDL files or the /graphql URL of a running subgraph, whose `_service { sdl }` is \
                read (with --token or MAESTRO_TOKEN when it needs one). Federation subgraph SDL (with @link) is \
                completed with the federation definitions before comparing.
                """)

        @Flag(help: "Print a JSON array of {kind, type, description} instead of text.") var json = false
        @Option(help: "Bearer token for a URL (env MAESTRO_TOKEN).") var token: String?
        @Argument(help: "The schema before (SDL file or subgraph URL).") var old: String
        @Argument(help: "The schema after (SDL file or subgraph URL).") var new: String

        func run() async throws {
            let bearer = token ?? Environment.value("MAESTRO_TOKEN")
            let diff = SchemaDiff(old: try await loadSchema(old, token: bearer), new: try await loadSchema(new, token: bearer))
            print(json ? diff.jsonReport : diff.textReport)
            if diff.hasBreakingChanges { throw ExitCode(1) }
        }
    }
}

/// Reads and builds a schema from a file or a subgraph URL.
private func loadSchema(_ location: String, token: String?) async throws -> GraphQLSchema {
    guard location.hasPrefix("http://") || location.hasPrefix("https://") else { return try loadSchema(location) }
    let sdl = try await ServiceSDLFetcher.fetch(location, token: token)
    return try buildAnySchema(sdl, from: location)
}

/// Reads and builds a schema, turning file and SDL problems into one-line errors.
private func loadSchema(_ path: String) throws -> GraphQLSchema {
    let sdl: String
    do { sdl = try String(contentsOfFile: path, encoding: .utf8) } catch {
        throw ValidationError("Cannot read the schema file \(path): \(error.localizedDescription)")
    }
    return try buildAnySchema(sdl, from: path)
}

/// A plain SDL, or a federation subgraph SDL completed with the definitions its `@link` imports.
private func buildAnySchema(_ sdl: String, from place: String) throws -> GraphQLSchema {
    if sdl.contains("specs.apollo.dev/federation/") {
        do { return try FederatedSchemaBuilder(sdl: sdl).build() } catch {
            throw StartupError("\(place): \(error)")
        }
    }
    do { return try buildSchema(sdl) } catch {
        throw StartupError("\(place): \(error.message)")
    }
}
