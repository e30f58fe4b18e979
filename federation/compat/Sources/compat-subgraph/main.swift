import ArgumentParser
import CompatSubgraph
import Hummingbird

/// Serves the compatibility example subgraph (Apollo's `products` schema) for the subgraph
/// compatibility suite: `swift run compat-subgraph --port 4001`.
struct CompatSubgraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compat-subgraph",
        abstract: "Serve the Apollo Federation compatibility example subgraph at /graphql.")

    @Option(help: "The address to listen on.")
    var host = "0.0.0.0"

    @Option(help: "The port to listen on.")
    var port = 4001

    func run() async throws {
        let app = try makeCompatSubgraphApplication(host: host, port: port)
        try await app.runService()
    }
}

// Parsed and run by hand: top-level code would otherwise pick the synchronous `main()`.
do {
    let command = try CompatSubgraphCommand.parse()
    try await command.run()
} catch {
    CompatSubgraphCommand.exit(withError: error)
}
