import Engine
import GraphQLCore

/// Binds `schema.graphql`'s fields to engine calls. Every resolver reads the caller's tenant from
/// the ``APIContext`` passed as the execution's context value, so one tenant never sees another's
/// rows (another tenant's execution is simply not found).
public enum APIResolvers {
    /// Installs every resolver of the API schema.
    public static func install(on schema: inout GraphQLSchema) {
        QueryResolvers.install(on: &schema)
        MutationResolvers.install(on: &schema)
        WorkflowResolvers.install(on: &schema)
        WorkflowVersionResolvers.install(on: &schema)
        ExecutionResolvers.install(on: &schema)
        CacheResolvers.install(on: &schema)
        SubworkflowResolvers.install(on: &schema)
        CompensationResolvers.install(on: &schema)
        TenantResolvers.install(on: &schema)
    }
}
