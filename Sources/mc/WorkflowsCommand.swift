import ArgumentParser
import Engine
import Foundation
import Yams

/// `mc workflows publish|list`: manage workflows on a running server.
struct WorkflowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflows", abstract: "Publish and list workflows on a running server.", subcommands: [Publish.self, List.self])

    /// `mc workflows publish FILE`: a definition in JSON or YAML becomes a new immutable version.
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish a workflow version from a definition file (JSON or YAML).")

        @OptionGroup var client: ClientOptions
        @Argument(help: "The definition (.json, .yaml or .yml).") var file: String

        func run() async throws {
            let definition = try DefinitionFile.load(file)
            guard case .string(let name)? = definition["name"] else {
                throw ValidationError("\(file): the definition has no \"name\".")
            }
            let data = try await client.client().run("""
                mutation($name: String!, $definition: JSON) {
                  createWorkflow(input: {name: $name, definition: $definition}) { workflow { id name } version { id version } }
                }
                """, variables: ["name": .string(name), "definition": definition])
            let workflow = data["createWorkflow"]?["workflow"]
            let version = data["createWorkflow"]?["version"]
            print("Published \(name)@\(version?["version"]?.stringValue ?? "?") (workflow \(workflow?["id"]?.stringValue ?? "?"), version \(version?["id"]?.stringValue ?? "?")).")
        }
    }

    /// `mc workflows list`: the tenant's workflows with their latest version.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workflows of the token's tenant.")

        @OptionGroup var client: ClientOptions

        func run() async throws {
            let data = try await client.client().run("{ workflows(first: 100) { edges { node { id name latestVersion { version } } } } }")
            guard case .array(let edges)? = data["workflows"]?["edges"] else { return }
            for edge in edges {
                let node = edge["node"]
                print("\(node?["id"]?.stringValue ?? "")  \(node?["name"]?.stringValue ?? "")  \(node?["latestVersion"]?["version"]?.stringValue ?? "-")")
            }
        }
    }
}

/// Reads a workflow definition file: JSON, or YAML (by extension, or when it is not JSON).
enum DefinitionFile {
    static func load(_ path: String) throws -> JSONValue {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ValidationError("Cannot read \(path): \(error.localizedDescription)")
        }
        let isYAML = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        if !isYAML {
            do { return try JSONValue.parse(text) } catch {
                throw ValidationError("\(path) is not valid JSON: \(error)")
            }
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ValidationError("\(path) is empty.") }
            return try json(from: node, path: path)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(path) is not valid YAML: \(error)")
        }
    }

    /// YAML nodes to JSON, keeping mapping order (the document's own order stays readable).
    static func json(from node: Node, path: String) throws -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return .null }
                if let bool = node.bool { return .bool(bool) }
                if let int = node.int { return .int(Int64(int)) }
                if let double = node.float { return .double(double) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .array(try sequence.map { try json(from: $0, path: path) })
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                guard let name = key.string else { throw ValidationError("\(path): mapping keys must be strings.") }
                object[name] = try json(from: value, path: path)
            }
            return .object(object)
        }
    }
}

extension JSONValue {
    /// The string, for printing.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
