import ArgumentParser
import Engine
import Foundation

/// `mc subworkflow ...`: sub-workflow invocations on a running server.
struct SubworkflowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subworkflow", abstract: "Invoke workflows as sub-workflows.", subcommands: [Invoke.self])

    /// `mc subworkflow invoke WORKFLOW VERSION --input JSON [--parent ID] [--idempotency-key K]`
    struct Invoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enqueue a sub-workflow execution; prints its execution id and the version the request resolved to.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The workflow id or name.") var workflow: String
        @Argument(help: "An exact version, a range (^2.1, ~1.0.3, \">=1.2 <2\") or latest.") var version: String
        @Option(help: "The input, as JSON.") var input = "{}"
        @Option(help: "Links the child to this running execution (its tree and trace).") var parent: String?
        @Option(help: "Invoking again with the same key returns the same execution.") var idempotencyKey: String?

        func run() async throws {
            let parsed: JSONValue
            do { parsed = try JSONValue.parse(input) } catch { throw ValidationError("--input is not valid JSON: \(error)") }
            var variables: JSONObject = ["id": .string(workflow), "version": .string(version), "input": parsed]
            if let idempotencyKey { variables["key"] = .string(idempotencyKey) }
            if let parent { variables["parent"] = .string(parent) }
            let data = try await client.client().run("""
                mutation($id: ID!, $version: String!, $input: JSON!, $key: String, $parent: ID) {
                  enqueueSubworkflow(id: $id, version: $version, input: $input, idempotencyKey: $key, parentExecutionId: $parent) {
                    executionId workflowName resolvedVersion
                  }
                }
                """, variables: variables)
            let invocation = data["enqueueSubworkflow"]
            print("\(invocation?["executionId"]?.stringValue ?? "")\t\(invocation?["workflowName"]?.stringValue ?? "")@\(invocation?["resolvedVersion"]?.stringValue ?? "")")
        }
    }
}
