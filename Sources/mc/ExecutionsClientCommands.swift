import ArgumentParser
import Engine
import Foundation

extension ExecutionsCommand {
    /// `mc executions start WORKFLOW_ID VERSION --input JSON`
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start an execution of a published version on a running server.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The workflow id.") var workflow: String
        @Argument(help: "The version, e.g. 1.0.0.") var version: String
        @Option(help: "The input, as JSON.") var input = "{}"
        @Option(help: "Starting again with the same key returns the same execution.") var idempotencyKey: String?

        func run() async throws {
            let parsed: JSONValue
            do { parsed = try JSONValue.parse(input) } catch { throw ValidationError("--input is not valid JSON: \(error)") }
            var variables: JSONObject = ["id": .string(workflow), "version": .string(version), "input": parsed]
            if let idempotencyKey { variables["key"] = .string(idempotencyKey) }
            let data = try await client.client().run("""
                mutation($id: ID!, $version: SemVer!, $input: JSON!, $key: String) {
                  startExecution(id: $id, version: $version, input: $input, idempotencyKey: $key) { id status }
                }
                """, variables: variables)
            print(data["startExecution"]?["id"]?.stringValue ?? "")
        }
    }

    /// `mc executions get ID`
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an execution (status, output, error, steps) as JSON.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The execution id.") var id: String

        func run() async throws {
            let data = try await client.client().run(
                "query($id: ID!) { execution(id: $id) { id status output error steps { stepId status attempts } } }",
                variables: ["id": .string(id)])
            guard let execution = data["execution"], execution != .null else { throw StartupError("Execution \(id) not found.") }
            print(execution.serialized(pretty: true))
        }
    }

    /// `mc executions cancel ID`
    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel an execution.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The execution id.") var id: String

        func run() async throws {
            let data = try await client.client().run("mutation($id: ID!) { cancelExecution(id: $id) { status } }", variables: ["id": .string(id)])
            print(data["cancelExecution"]?["status"]?.stringValue ?? "")
        }
    }
}
