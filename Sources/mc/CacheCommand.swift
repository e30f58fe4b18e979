import ArgumentParser
import Engine
import Foundation

/// `mc cache metrics|invalidate`: the step-result cache's analytics and controls, on a running server.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Step-result cache analytics and invalidation.",
        subcommands: [Metrics.self, Invalidate.self])

    /// `mc cache metrics [--workflow-version ID] [--step ID]`
    struct Metrics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hits, misses, hit ratio, entries, bytes, evictions and TTLs, per version and step (JSON).")
        @OptionGroup var client: ClientOptions
        @Option(help: "Only this workflow version (id).") var workflowVersion: String?
        @Option(help: "Only this step id.") var step: String?

        func run() async throws {
            var variables = JSONObject()
            if let workflowVersion { variables["v"] = .string(workflowVersion) }
            if let step { variables["s"] = .string(step) }
            let data = try await client.client().run("""
                query($v: ID, $s: String) { cacheMetrics(workflowVersionId: $v, stepId: $s) {
                  hits misses hitRatio entries bytes evictions ttlDistribution { bucket entries }
                  byStep { workflowVersionId stepId hits misses hitRatio entries bytes } } }
                """, variables: variables)
            print((data["cacheMetrics"] ?? .null).serialized(pretty: true))
        }
    }

    /// `mc cache invalidate --key K | --prefix P`
    struct Invalidate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop cached results by exact key or by prefix ({tenant}, {tenant}:{versionId} or {tenant}:{versionId}:{stepId}); admins only.")
        @OptionGroup var client: ClientOptions
        @Option(help: "An exact cache key (as shown on a step run's cacheKey).") var key: String?
        @Option(help: "A key prefix ending at a boundary.") var prefix: String?

        func validate() throws {
            guard (key == nil) != (prefix == nil) else { throw ValidationError("Give exactly one of --key and --prefix.") }
        }

        func run() async throws {
            var variables = JSONObject()
            if let key { variables["k"] = .string(key) }
            if let prefix { variables["p"] = .string(prefix) }
            let data = try await client.client().run(
                "mutation($k: String, $p: String) { invalidateCache(key: $k, prefix: $p) { invalidated } }", variables: variables)
            print("Invalidated \(data["invalidateCache"]?["invalidated"]?.serialized() ?? "0") entries.")
        }
    }
}
