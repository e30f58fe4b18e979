import ArgumentParser

/// `mc`: runs and operates Maestro Composer.
@main
struct MC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mc",
        abstract: "Maestro Composer: durable, multi-tenant workflow orchestration.",
        subcommands: [Serve.self, Worker.self, Migrate.self, Token.self, WorkflowsCommand.self, ExecutionsCommand.self, SubworkflowCommand.self, TenantsCommand.self, GraphQLCommand.self, SchemaCommand.self, CacheCommand.self, Bench.self])
}
