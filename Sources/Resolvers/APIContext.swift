import Engine
import GraphQLCore

/// Who is calling: the tenant and roles come from the verified token, never from arguments.
public struct APIContext: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case viewer, designer, operator_ = "operator", admin
        /// The operator of the whole deployment, not of one tenant: manages tiers and moves
        /// tenants between them. A tenant's own admin is not one.
        case platform
    }

    public let tenantID: String
    public let subject: String
    public let roles: Set<Role>
    /// The caller's W3C trace (from its `traceparent` header): executions this request starts
    /// join it. Nil starts a new trace.
    public let traceID: String?
    let engine: EngineRuntime
    /// Batch loaders for this request (create one context per request: they cache).
    let loaders: RequestLoaders

    public init(tenantID: String, subject: String, roles: Set<Role>, engine: EngineRuntime, traceID: String? = nil) {
        self.tenantID = tenantID
        self.subject = subject
        self.roles = roles
        self.traceID = traceID
        self.engine = engine
        self.loaders = RequestLoaders(engine: engine, tenantID: tenantID)
    }

    /// Throws FORBIDDEN unless the caller has the `platform` role: what it guards spans tenants,
    /// so a tenant's admin role does not grant it.
    func requirePlatform(to action: String) throws {
        guard roles.contains(.platform) else {
            throw GraphQLError(
                message: "Forbidden: \(action) needs the role platform (a tenant's admin role does not grant it).",
                extensions: [.init("code", .string("FORBIDDEN"))])
        }
    }

    /// Throws FORBIDDEN unless the caller has one of `allowed` (admins may do everything).
    func require(_ allowed: Role..., to action: String) throws {
        guard roles.contains(.admin) || !roles.isDisjoint(with: allowed) else {
            throw GraphQLError(
                message: "Forbidden: \(action) needs the role \(allowed.map(\.rawValue).joined(separator: " or ")).",
                extensions: [.init("code", .string("FORBIDDEN"))])
        }
    }
}

extension ResolveInfo {
    /// The caller's context; executing the API schema without one is a programming error
    /// reported as a GraphQL error rather than a crash.
    func apiContext() throws -> APIContext {
        guard let context = contextValue as? APIContext else {
            throw GraphQLError(message: "Internal error: the request has no caller context.", extensions: [.init("code", .string("INTERNAL"))])
        }
        return context
    }
}
