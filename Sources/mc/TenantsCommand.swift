import ArgumentParser
import Engine
import Foundation

/// `mc tenants ...`: tenant tiers and limits on a running server (issue 9).
struct TenantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants", abstract: "Show and change tenant tiers and their limits.",
        subcommands: [Limits.self, Tiers.self, SetTier.self, UpdateTier.self])

    static let fields = "tier weight maxPayloadBytes maxStepsPerWorkflow maxFanOut maxDepth maxConcurrentSteps ratePerSecond burst maxQueueDepth"

    /// `mc tenants limits`: the caller's tenant's limits.
    struct Limits: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the limits in force for the token's tenant, as JSON.")
        @OptionGroup var client: ClientOptions

        func run() async throws {
            let data = try await client.client().run("{ tenantLimits { \(TenantsCommand.fields) } }", variables: [:])
            print((data["tenantLimits"] ?? .null).serialized(pretty: true))
        }
    }

    /// `mc tenants tiers`: every tier (the platform role).
    struct Tiers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every tier and its limits, as JSON (the platform role only).")
        @OptionGroup var client: ClientOptions

        func run() async throws {
            let data = try await client.client().run("{ tenantTiers { \(TenantsCommand.fields) } }", variables: [:])
            print((data["tenantTiers"] ?? .null).serialized(pretty: true))
        }
    }

    /// `mc tenants set-tier TENANT TIER` (the platform role).
    struct SetTier: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-tier", abstract: "Move a tenant to a tier (the platform role only).")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The tenant id.") var tenant: String
        @Argument(help: "The tier, e.g. free, standard, enterprise.") var tier: String

        func run() async throws {
            let data = try await client.client().run(
                "mutation($t: String!, $tier: String!) { setTenantTier(tenantId: $t, tier: $tier) { \(TenantsCommand.fields) } }",
                variables: ["t": .string(tenant), "tier": .string(tier)])
            print((data["setTenantTier"] ?? .null).serialized(pretty: true))
        }
    }

    /// `mc tenants update-tier NAME --limits JSON` (the platform role).
    struct UpdateTier: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update-tier", abstract: "Create a tier or change some of its limits (the platform role only).")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The tier's name.") var name: String
        @Option(help: "The limits to set, as JSON, e.g. '{\"maxPayloadBytes\": 65536, \"ratePerSecond\": 20}'.") var limits: String

        func run() async throws {
            let parsed: JSONValue
            do { parsed = try JSONValue.parse(limits) } catch { throw ValidationError("--limits is not valid JSON: \(error)") }
            let data = try await client.client().run(
                "mutation($n: String!, $l: TenantTierInput!) { updateTenantTier(name: $n, limits: $l) { \(TenantsCommand.fields) } }",
                variables: ["n": .string(name), "l": parsed])
            print((data["updateTenantTier"] ?? .null).serialized(pretty: true))
        }
    }
}
