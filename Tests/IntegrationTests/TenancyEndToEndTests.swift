import Foundation
import Glibc
import Testing
import TestSupport

/// Tiers through the running server: an admin edits a tier and moves a tenant onto it (API and
/// `mc tenants`), the tenant reads its limits, and its requests meet 413 and 429.
@Suite("Tenancy end to end", .serialized)
struct TenancyEndToEndTests {
    @Test func tierLimitsAnswer413And429AndApplyWithoutARestart() async throws {
        let e2e = try await E2EServer.start("e2etenancy")
        let (server, base) = (e2e.process, e2e.base)
        defer { server.kill() }
        let tenant = "acme-\(UUID().uuidString.prefix(6))"
        let adminToken = try E2EServer.token(tenant, "admin,platform")
        let auth = ["Authorization": "Bearer \(adminToken)"]

        // A tenant's own admin may not touch tiers: they span tenants.
        let tenantAdmin = try E2EServer.token(tenant, "admin")
        let refused = try await HTTP.request("PUT", base + "/api/tenants/\(tenant)/tier", body: #"{"tier": "enterprise"}"#,
                                             headers: ["Authorization": "Bearer \(tenantAdmin)", "Content-Type": "application/json"])
        #expect(refused.status == 403, "\(refused.body)")

        // The platform operator creates a small tier over REST and moves the tenant onto it with the CLI.
        let tier = try await HTTP.request("PUT", base + "/api/tiers/small", body: #"{"maxPayloadBytes": 100, "ratePerSecond": 1, "burst": 2}"#,
                                          headers: auth.merging(["Content-Type": "application/json"]) { a, _ in a })
        #expect(tier.status == 200 && tier.body.contains(#""maxPayloadBytes":100"#), "\(tier.body)")
        let moved = try Shell.run(
            try TestEnvironment.mcBinary(), ["tenants", "set-tier", tenant, "small"],
            environment: ["MAESTRO_SERVER": base, "MAESTRO_TOKEN": adminToken])
        #expect(moved.contains(#""tier": "small""#), "\(moved)")
        let limits = try await HTTP.get(base + "/api/tenant/limits", headers: auth)
        #expect(limits.body.contains(#""tier":"small""#) && limits.body.contains(#""burst":2"#), "\(limits.body)")

        let definition = #"{"name": "echo", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "t", "type": "transform", "with": {"output": {"ok": true}}}]}"#
        let created = try await HTTP.post(base + "/api/workflows", json: #"{"name": "echo", "definition": \#(definition)}"#, headers: auth)
        let workflowID = try #require(created.body.range(of: #""id":""#).map { String(created.body[$0.upperBound...].prefix(36)) }, "\(created.body)")
        let execute = base + "/api/workflows/\(workflowID)/versions/1.0.0/execute"

        // Too big: 413 naming the limit, and nothing stored.
        let big = try await HTTP.post(execute, json: #"{"input": {"text": "\#(String(repeating: "x", count: 200))"}}"#, headers: auth)
        #expect(big.status == 413 && big.body.contains("maxPayloadBytes = 100"), "\(big.body)")
        #expect(try await HTTP.get(base + "/api/executions", headers: auth).body.contains(#""edges":[]"#))

        // A burst of 2, then 429 with the refill time (1 s at 1 per second).
        for _ in 0..<2 {
            let ok = try await HTTP.post(execute, json: #"{"input": {}}"#, headers: auth)
            #expect(ok.status == 202, "\(ok.body)")
        }
        let limited = try await HTTP.post(execute, json: #"{"input": {}}"#, headers: auth)
        #expect(limited.status == 429 && limited.body.contains(#""retryAfterSeconds":1"#) && limited.body.contains("RATE_LIMITED"), "\(limited.body)")

        // Raising the tier applies without a restart.
        _ = try Shell.run(
            try TestEnvironment.mcBinary(), ["tenants", "update-tier", "small", "--limits", #"{"ratePerSecond": 100, "burst": 100}"#],
            environment: ["MAESTRO_SERVER": base, "MAESTRO_TOKEN": adminToken])
        try await Task.sleep(for: .milliseconds(1100))
        let after = try await HTTP.post(execute, json: #"{"input": {}}"#, headers: auth)
        #expect(after.status == 202, "\(after.body)")
        // Per-tenant figures reach /metrics: refusals by reason, and service time per task kind.
        try await Task.sleep(for: .milliseconds(500))
        let metrics = try await HTTP.get(base + "/metrics")
        #expect(metrics.body.contains(#"maestro_admissions_rejected_total{tenant="\#(tenant)",reason="payload"} 1"#), "\(metrics.body.prefix(3000))")
        #expect(metrics.body.contains(#"maestro_admissions_rejected_total{tenant="\#(tenant)",reason="rate"} 1"#))
        #expect(metrics.body.contains(#"maestro_task_service_seconds_count{tenant="\#(tenant)",kind="step"}"#))
        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 15) == 0)
    }
}
