import Engine
import Foundation
import GraphQLCore

/// `Query.tenantLimits` (any caller, its own tenant) and `Query.tenantTiers`,
/// `Mutation.setTenantTier`, `Mutation.updateTenantTier` (the `platform` role only: they span
/// tenants) (issue 9).
enum TenantResolvers {
    static func install(on schema: inout GraphQLSchema) {
        _ = schema.setResolver(typeName: "Query", fieldName: "tenantLimits") { _, _, info in
            let context = try info.apiContext()
            return ValueBridge.async { .value(limits(try await context.engine.tenants.limits(for: context.tenantID))) }
        }
        _ = schema.setResolver(typeName: "Query", fieldName: "tenantTiers") { _, _, info in
            let context = try info.apiContext()
            try context.requirePlatform(to: "listing tiers")
            return ValueBridge.async { .value(.list(try await context.engine.tenants.tiers().map(limits))) }
        }
        _ = schema.setResolver(typeName: "Mutation", fieldName: "setTenantTier") { _, arguments, info in
            let context = try info.apiContext()
            try context.requirePlatform(to: "moving tenants between tiers")
            let tenant = ValueBridge.string(arguments, "tenantId") ?? ""
            let tier = ValueBridge.string(arguments, "tier") ?? ""
            return ValueBridge.async { .value(limits(try await context.engine.tenants.setTier(tenantID: tenant, tier: tier))) }
        }
        _ = schema.setResolver(typeName: "Mutation", fieldName: "updateTenantTier") { _, arguments, info in
            let context = try info.apiContext()
            try context.requirePlatform(to: "changing tiers")
            let name = ValueBridge.string(arguments, "name") ?? ""
            guard case .object(let input)? = arguments["limits"] else {
                throw GraphQLError(message: "\"limits\" is required.", extensions: [.init("code", .string("BAD_USER_INPUT"))])
            }
            return ValueBridge.async {
                .value(limits(try await context.engine.tenants.updateTier(named: name) { updated in
                    func int(_ key: String) -> Int? { if case .int(let value)? = input[key] { return value } else { return nil } }
                    updated.weight = int("weight") ?? updated.weight
                    updated.maxPayloadBytes = int("maxPayloadBytes") ?? updated.maxPayloadBytes
                    updated.maxStepsPerWorkflow = int("maxStepsPerWorkflow") ?? updated.maxStepsPerWorkflow
                    updated.maxFanOut = int("maxFanOut") ?? updated.maxFanOut
                    updated.maxDepth = int("maxDepth") ?? updated.maxDepth
                    updated.maxConcurrentSteps = int("maxConcurrentSteps") ?? updated.maxConcurrentSteps
                    updated.burst = int("burst") ?? updated.burst
                    updated.maxQueueDepth = int("maxQueueDepth") ?? updated.maxQueueDepth
                    switch input["ratePerSecond"] {
                    case .double(let rate)?: updated.ratePerSecond = rate
                    case .int(let rate)?: updated.ratePerSecond = Double(rate)
                    default: break
                    }
                }))
            }
        }
    }

    /// Limits as plain data (the default resolver reads the fields).
    static func limits(_ limits: TenantLimits) -> GraphQLValue {
        var object = GraphQLObject()
        object["tier"] = .string(limits.tier)
        object["weight"] = .int(limits.weight)
        object["maxPayloadBytes"] = .int(limits.maxPayloadBytes)
        object["maxStepsPerWorkflow"] = .int(limits.maxStepsPerWorkflow)
        object["maxFanOut"] = .int(limits.maxFanOut)
        object["maxDepth"] = .int(limits.maxDepth)
        object["maxConcurrentSteps"] = .int(limits.maxConcurrentSteps)
        object["ratePerSecond"] = .double(limits.ratePerSecond)
        object["burst"] = .int(limits.burst)
        object["maxQueueDepth"] = .int(limits.maxQueueDepth)
        return .object(object)
    }
}
