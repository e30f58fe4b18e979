import GraphQLCore

/// Maestro Composer's API schema: `schema.graphql` from the repository root, compiled into the
/// binary (EmbedFilesPlugin), so `mc` serves the same contract from any directory.
public enum APISchema {
    /// The SDL exactly as in `schema.graphql`.
    public static var sdl: String { EmbeddedFiles.all["schema.graphql"] ?? "" }

    /// Definitions of the Federation v2 directives that `schema.graphql` imports with `@link`.
    public static var federationDefinitions: String { EmbeddedFiles.all["federation/federation-v2-definitions.graphql"] ?? "" }

    /// Builds the schema (with the federation definitions) and checks it.
    public static func build() throws -> GraphQLSchema {
        let schema = try buildSchema(federationDefinitions + "\n" + sdl)
        if let first = schema.validationErrors.first { throw first }
        return schema
    }
}
