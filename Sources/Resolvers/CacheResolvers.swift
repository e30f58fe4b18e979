import Engine
import Foundation
import GraphQLCore

/// `Query.cacheMetrics`, `Mutation.invalidateCache` and the `CacheMetrics` types: analytics and
/// controls of the deterministic step-result cache, always within the caller's tenant.
enum CacheResolvers {
    static func install(on schema: inout GraphQLSchema) {
        _ = schema.setResolver(typeName: "Query", fieldName: "cacheMetrics") { _, arguments, info in
            let context = try info.apiContext()
            let cache = try self.cache(context)
            let version = try arguments["workflowVersionId"].flatMap { $0.isNull ? nil : try ValueBridge.uuid(arguments, "workflowVersionId") }
            let step = ValueBridge.string(arguments, "stepId")
            return ValueBridge.async {
                .value(report(try await cache.metrics(tenantID: context.tenantID, workflowVersionID: version, stepID: step)))
            }
        }
        _ = schema.setResolver(typeName: "Mutation", fieldName: "invalidateCache") { _, arguments, info in
            let context = try info.apiContext()
            try context.require(.admin, to: "invalidating cached results")
            let cache = try self.cache(context)
            let (key, prefix) = (ValueBridge.string(arguments, "key"), ValueBridge.string(arguments, "prefix"))
            guard (key == nil) != (prefix == nil) else {
                throw GraphQLError(message: "Give exactly one of \"key\" and \"prefix\".", extensions: [.init("code", .string("BAD_USER_INPUT"))])
            }
            return .async {
                do {
                    let count = if let key { try await cache.invalidate(tenantID: context.tenantID, key: key) } else { try await cache.invalidate(tenantID: context.tenantID, prefix: prefix ?? "") }
                    return .value(["invalidated": .int(count)])
                } catch let error as CacheInvalidationError {
                    throw GraphQLError(message: error.description, extensions: [.init("code", .string("BAD_USER_INPUT"))])
                }
            }
        }
    }

    private static func cache(_ context: APIContext) throws -> StepResultCache {
        guard let cache = context.engine.cache else {
            throw GraphQLError(
                message: "The step-result cache is not configured on this server (it needs Redis: MAESTRO_REDIS_URL).",
                extensions: [.init("code", .string("NOT_AVAILABLE"))])
        }
        return cache
    }

    /// The report as plain data: the default resolver reads every field.
    static func report(_ report: CacheMetricsReport) -> GraphQLValue {
        let steps: [GraphQLValue] = report.steps.map { step in
            [
                "workflowVersionId": .string(step.workflowVersionID.uuidString.lowercased()), "stepId": .string(step.stepID),
                "hits": .int(step.hits), "misses": .int(step.misses), "hitRatio": .double(step.hitRatio),
                "entries": .int(step.entries), "bytes": .int(step.bytes), "ttlDistribution": buckets(step.ttlDistribution),
            ]
        }
        return [
            "hits": .int(report.hits), "misses": .int(report.misses), "hitRatio": .double(report.hitRatio),
            "entries": .int(report.entries), "bytes": .int(report.bytes), "evictions": .int(report.evictions),
            "ttlDistribution": buckets(report.ttlDistribution), "byStep": .list(steps),
        ]
    }

    private static func buckets(_ distribution: [String: Int]) -> GraphQLValue {
        .list(["<=1m", "<=1h", "<=1d", ">1d"].map { ["bucket": .string($0), "entries": .int(distribution[$0] ?? 0)] })
    }
}
