import Foundation
import Glibc
import Testing
import TestSupport

/// `mc workflows ...` and `mc executions ...` against a running `mc serve`, as an operator
/// uses them.
@Suite("mc client commands", .serialized)
struct ClientCommandTests {
    @Test func publishYAMLStartGetAndCancel() async throws {
        let secret = "client-secret-of-at-least-32-bytes-long"
        let server = try ServerProcess.start(
            ["serve", "--port", "0", "--database-url", try await TestDatabase.create("client"), "--redis-url", try TestEnvironment.redisURL()],
            environment: ["MAESTRO_JWT_SECRET": secret])
        defer { server.kill() }
        let base = try await server.waitForListeningURL()
        let mc = try TestEnvironment.mcBinary()
        let token = try Shell.run(mc, ["token", "--tenant", "acme", "--roles", "designer,operator"], environment: ["MAESTRO_JWT_SECRET": secret])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let env = ["MAESTRO_SERVER": base, "MAESTRO_TOKEN": token]

        let yaml = TestEnvironment.packageRoot.appendingPathComponent("samples/hello.yaml").path
        let published = try Shell.run(mc, ["workflows", "publish", yaml], environment: env)
        #expect(published.hasPrefix("Published hello-yaml@1.0.0"), "\(published)")
        // Publishing the same version again is refused with the engine's reason.
        do {
            _ = try Shell.run(mc, ["workflows", "publish", yaml], environment: env)
            Issue.record("a second publish of 1.0.0 must fail")
        } catch let failure as Shell.Failure {
            #expect(failure.description.contains("already published") && failure.description.contains("VERSION_CONFLICT"))
        }
        let listed = try Shell.run(mc, ["workflows", "list"], environment: env)
        let line = try #require(listed.split(separator: "\n").first { $0.contains("hello-yaml") })
        #expect(line.hasSuffix("1.0.0"))
        let workflowID = String(line.prefix(36))

        let executionID = try Shell.run(mc, ["executions", "start", workflowID, "1.0.0", "--input", #"{"name": "Ada"}"#], environment: env)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(executionID.count == 36)
        var shown = ""
        for _ in 0..<100 {
            shown = try Shell.run(mc, ["executions", "get", executionID], environment: env)
            // The execution's own status (a step's "SUCCEEDED" can be read a moment earlier).
            let top = (try? JSONSerialization.jsonObject(with: Data(shown.utf8))) as? [String: Any]
            if top?["status"] as? String == "SUCCEEDED" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(shown.contains(#""greeting" : "Hello, Ada!""#) || shown.contains(#""greeting": "Hello, Ada!""#), "\(shown)")
        // Cancelling an ended execution changes nothing.
        #expect(try Shell.run(mc, ["executions", "cancel", executionID], environment: env).contains("SUCCEEDED"))
        // Invalid input is refused before anything runs, with the schema's reason.
        do {
            _ = try Shell.run(mc, ["executions", "start", workflowID, "1.0.0", "--input", #"{"nom": 1}"#], environment: env)
            Issue.record("input without the required name must be refused")
        } catch let failure as Shell.Failure {
            #expect(failure.description.contains("INVALID_INPUT"))
        }
        server.signal(SIGTERM)
        _ = try await server.waitForExit(seconds: 15)
    }
}
