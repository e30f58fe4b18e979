import Foundation
import Resolvers
import Subgraph
import Testing

@Suite("Bearer tokens")
struct AuthenticatorTests {
    let secret = "unit-test-secret-of-at-least-32-bytes"

    func token(tenant: String = "acme", roles: [String] = ["designer"], expires: Date = Date().addingTimeInterval(600), secret: String? = nil) async throws -> String {
        try await TokenMinter.mint(TokenClaims(subject: "ada", tenant: tenant, roles: roles, expires: expires), secret: secret ?? self.secret)
    }

    @Test func aValidTokenGivesTheIdentity() async throws {
        let authenticator = try await Authenticator.make(.init(hmacSecret: secret))
        let identity = try await authenticator.identity(ofToken: try await token(roles: ["designer", "operator"]))
        #expect(identity == Identity(subject: "ada", tenantID: "acme", roles: [.designer, .operator_]))
    }

    @Test func expiredForgedAndOddTokensAreRefused() async throws {
        let authenticator = try await Authenticator.make(.init(hmacSecret: secret))
        let refused = [
            try await token(expires: Date().addingTimeInterval(-60)),
            try await token(secret: "someone-else-with-another-long-secret"),
            try await token(roles: ["superuser"]),
            try await token(tenant: ""),
            "not.a.jwt",
        ]
        for candidate in refused {
            await #expect(throws: Authenticator.AuthFailure.self) { _ = try await authenticator.identity(ofToken: candidate) }
        }
    }

    /// Verified tokens are remembered (most requests repeat their token), but never past `exp`,
    /// and a remembered token vouches for no other text.
    @Test func aRememberedTokenStillExpiresAndVouchesForNoOther() async throws {
        let authenticator = try await Authenticator.make(.init(hmacSecret: secret))
        let shortLived = try await token(expires: Date().addingTimeInterval(2))
        #expect(try await authenticator.identity(ofToken: shortLived).tenantID == "acme")
        #expect(try await authenticator.identity(ofToken: shortLived).tenantID == "acme")
        // Same header and claims, another signature: a different text, so it is verified and refused.
        let parts = shortLived.split(separator: ".")
        let forged = "\(parts[0]).\(parts[1]).\(String(parts[2].reversed()))"
        await #expect(throws: Authenticator.AuthFailure.self) { _ = try await authenticator.identity(ofToken: forged) }
        // JWT expiry has whole-second resolution; wait until it has certainly passed.
        try await Task.sleep(for: .milliseconds(3100))
        await #expect(throws: Authenticator.AuthFailure.self) { _ = try await authenticator.identity(ofToken: shortLived) }
    }

    @Test func shortSecretsAreRefusedWithAReason() async throws {
        do {
            _ = try await Authenticator.make(.init(hmacSecret: "short"))
            Issue.record("a 5-byte HS256 secret must be refused")
        } catch let failure as Authenticator.AuthFailure {
            #expect(failure.reason.contains("at least 32 bytes"))
        }
    }

    @Test func malformedPublicKeysFailAtStartUp() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await Authenticator.make(.init(publicKeysPEM: ["-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----"]))
        }
    }
}
