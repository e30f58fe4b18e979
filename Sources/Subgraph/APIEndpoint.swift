import GraphQLCore
import Hummingbird
import Resolvers

/// `/graphql` for Maestro Composer's own API: `schema.graphql` with its resolvers, every request
/// authenticated by its bearer token (the tenant comes from the token only).
enum APIEndpoint {
    static func make(dependencies: ServiceDependencies) throws -> GraphQLEndpoint {
        var schema = try APISchema.build()
        APIResolvers.install(on: &schema)
        let authenticator = dependencies.authenticator
        let engine = dependencies.engine
        return GraphQLEndpoint(schema: schema) { request in
            let identity: Identity
            do throws(Authenticator.AuthFailure) {
                identity = try await authenticator.identity(of: request)
            } catch {
                throw GraphQLEndpoint.Rejection(
                    status: .unauthorized, message: error.reason,
                    headers: [.wwwAuthenticate: "Bearer realm=\"maestro\""])
            }
            let context = APIContext(tenantID: identity.tenantID, subject: identity.subject, roles: identity.roles, engine: engine)
            return (.null, context)
        }
    }
}
