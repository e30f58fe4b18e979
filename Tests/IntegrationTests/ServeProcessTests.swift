import Foundation
import Glibc
import Testing
import TestSupport

/// `mc serve` and `mc migrate` as real processes against the test stack.
@Suite("mc serve as a process", .serialized)
struct ServeProcessTests {
    @Test func servesReadyzAndShutsDownOnSIGTERM() async throws {
        let database = try await TestDatabase.create("serve")
        let server = try ServerProcess.start(
            ["serve", "--port", "0", "--database-url", database, "--redis-url", try TestEnvironment.redisURL()],
            environment: ["MAESTRO_JWT_SECRET": "integration-secret-of-at-least-32-bytes"])
        defer { server.kill() }
        let base = try await server.waitForListeningURL()
        let (status, body) = try await HTTP.get(base + "/readyz")
        #expect(status == 200, "readyz said \(body)")
        #expect(body.contains(#""status":"ready""#))
        #expect(try await HTTP.get(base + "/healthz").status == 200)
        let metrics = try await HTTP.get(base + "/metrics")
        #expect(metrics.body.contains("hb_requests"))

        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 10) == 0)
    }

    @Test(arguments: [
        (["--database-url", "postgresql://maestro:wrong-password@127.0.0.1:{pgport}/maestro"], "--database-url", "password authentication failed"),
        (["--database-url", "postgresql://maestro:maestro@127.0.0.1:1/maestro"], "--database-url", "Connection refused"),
        (["--database-url", "postgresql://[oops"], "--database-url is not a valid connection string", "IPv6"),
        (["--redis-url", "http://localhost"], "--redis-url is invalid", "redis://"),
    ])
    func badConfigurationEndsWithOneLineNamingTheSetting(arguments: [String], setting: String, detail: String) async throws {
        let stackURL = try TestEnvironment.databaseURL()
        let pgPort = stackURL.split(separator: ":").last?.split(separator: "/").first.map(String.init) ?? "5432"
        var args = ["serve", "--port", "0"] + arguments.map { $0.replacingOccurrences(of: "{pgport}", with: pgPort) }
        if !arguments.contains("--database-url") { args += ["--database-url", stackURL] }
        if !arguments.contains("--redis-url") { args += ["--redis-url", try TestEnvironment.redisURL()] }
        let server = try ServerProcess.start(args, environment: ["MAESTRO_JWT_SECRET": "integration-secret-of-at-least-32-bytes"])
        defer { server.kill() }
        #expect(try await server.waitForExit(seconds: 15) == 1)
        let errorLines = server.standardError().split(separator: "\n").filter { !$0.isEmpty }
        #expect(errorLines.count == 1, "expected one line, got: \(errorLines)")
        #expect(errorLines.first?.contains(setting) == true, "\(errorLines)")
        #expect(errorLines.first?.contains(detail) == true, "\(errorLines)")
        #expect(!(errorLines.first?.contains("wrong-password") ?? true), "the password must not be printed")
    }

    @Test func withoutTokenVerificationOutsideDevModeItRefusesToStart() async throws {
        let server = try ServerProcess.start(["serve", "--port", "0", "--database-url", try TestEnvironment.databaseURL(), "--redis-url", try TestEnvironment.redisURL()])
        defer { server.kill() }
        #expect(try await server.waitForExit(seconds: 15) == 1)
        #expect(server.standardError().contains("set MAESTRO_JWT_SECRET or MAESTRO_JWT_PUBLIC_KEYS"))
    }

    @Test func migrateAppliesThenReportsUpToDate() async throws {
        let database = try await TestDatabase.create("migratecli")
        let mc = try TestEnvironment.mcBinary()
        let first = try Shell.run(mc, ["migrate", "--database-url", database])
        #expect(first.contains("applied  0001_tenants.sql"))
        let second = try Shell.run(mc, ["migrate", "--database-url", database])
        #expect(second.contains("up to date"))
        let status = try Shell.run(mc, ["migrate", "--status", "--database-url", database])
        #expect(status.contains("applied  0001_tenants.sql"))
    }
}
