import Foundation
import Testing
@testable import Engine

@Suite("Secret providers")
struct SecretProviderTests {
    @Test("the environment provider reads MAESTRO_SECRET_<PATH>")
    func environment() async throws {
        #expect(EnvironmentSecretProvider.variableName(for: "payments/api-key") == "MAESTRO_SECRET_PAYMENTS_API_KEY")
        let provider = EnvironmentSecretProvider(environment: ["MAESTRO_SECRET_PAYMENTS_API_KEY": "k-1"])
        #expect(try await provider.secret(at: "payments/api-key") == "k-1")
        await #expect(throws: SecretResolutionError(path: "x/y", reason: "MAESTRO_SECRET_X_Y is not set")) {
            try await provider.secret(at: "x/y")
        }
    }

    @Test("the file provider reads files below its directory and refuses to leave it")
    func files() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("payments"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("k-2\n".utf8).write(to: directory.appendingPathComponent("payments/api-key"))
        let provider = FileSecretProvider(directory: directory)
        #expect(try await provider.secret(at: "payments/api-key") == "k-2")
        await #expect(throws: SecretResolutionError.self) { try await provider.secret(at: "payments/missing") }
        await #expect(throws: SecretResolutionError(path: "../x", reason: "secret path \"../x\" has an empty, \".\" or \"..\" segment")) {
            try await provider.secret(at: "../x")
        }
    }

    @Test("rendering through a provider fetches only the referenced secrets")
    func renderWithProvider() async throws {
        let value = try TemplatedValue(parsing: ["url": "https://api.example/{{input.id}}?key={{secret:svc/key}}"])
        #expect(value.secretPaths == ["svc/key"])
        let provider = EnvironmentSecretProvider(environment: ["MAESTRO_SECRET_SVC_KEY": "abc"])
        let rendered = try await TemplateRenderer.render(value, context: TemplateContext(input: ["id": 7]), secretProvider: provider)
        #expect(rendered.value == ["url": "https://api.example/7?key=abc"])
        #expect(rendered.redacted == ["url": "https://api.example/7?key={{secret:svc/key}}"])
        #expect(rendered.containsSecrets)
    }
}
