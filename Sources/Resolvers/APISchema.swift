/// Maestro Composer's API schema: `schema.graphql` from the repository root, compiled into the
/// binary (EmbedFilesPlugin), so `mc` serves the same contract from any directory. `Subgraph`
/// builds it into an executable federated schema (`APIEndpoint.schema()`).
public enum APISchema {
    /// The SDL exactly as in `schema.graphql`.
    public static var sdl: String { EmbeddedFiles.all["schema.graphql"] ?? "" }

    /// Directives private to this service, left out of the SDL served to the federation gateway.
    public static let privateDirectives: Set<String> = ["rest"]
}
