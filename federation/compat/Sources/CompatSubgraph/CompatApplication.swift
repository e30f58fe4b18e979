import GraphQLCore
import Hummingbird
import Subgraph

/// The compatibility example subgraph as an HTTP service: the `products` schema of Apollo's
/// subgraph compatibility suite, built with the generic federation layer and served at
/// `POST/GET /graphql` by `GraphQLEndpoint`, with federated tracing (`ftv1`) on request.
///
/// - Parameters:
///   - host: the address to listen on.
///   - port: the port to listen on (the suite expects 4001).
/// - Throws: when the schema does not build (a bug in this example).
public func makeCompatSubgraphApplication(host: String = "127.0.0.1", port: Int = 4001) throws -> some ApplicationProtocol {
    Application(
        router: try makeCompatSubgraphRouter(),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "compat-subgraph"))
}

/// The router of ``makeCompatSubgraphApplication(host:port:)``, for embedding or testing.
public func makeCompatSubgraphRouter() throws -> Router<BasicRequestContext> {
    var endpoint = GraphQLEndpoint(schema: try CompatResolvers.makeSchema())
    endpoint.responseExtensions = GraphQLEndpoint.federatedTracing
    let router = Router()
    endpoint.register(on: router)
    return router
}
