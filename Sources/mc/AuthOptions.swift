import ArgumentParser
import Foundation
import Subgraph

/// How `mc serve` verifies bearer tokens: `MAESTRO_JWT_SECRET` (HS256) and/or
/// `MAESTRO_JWT_PUBLIC_KEYS`, a file of PEM public keys (RS256/ES256) from the identity provider.
enum AuthSettings {
    static func configuration(dev: Bool, logger: (String) -> Void) throws -> AuthConfiguration {
        var configuration = AuthConfiguration(hmacSecret: Environment.value("MAESTRO_JWT_SECRET"))
        if let path = Environment.value("MAESTRO_JWT_PUBLIC_KEYS") {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw StartupError("MAESTRO_JWT_PUBLIC_KEYS: cannot read \(path): \(error.localizedDescription)")
            }
            configuration.publicKeysPEM = pemBlocks(text)
            if configuration.publicKeysPEM.isEmpty { throw StartupError("MAESTRO_JWT_PUBLIC_KEYS: \(path) holds no PEM public key.") }
        }
        if configuration.hmacSecret == nil && configuration.publicKeysPEM.isEmpty {
            guard dev else {
                throw StartupError("No token verification configured: set MAESTRO_JWT_SECRET or MAESTRO_JWT_PUBLIC_KEYS (or use --dev).")
            }
            logger("Development mode: accepting tokens signed with the development secret (mint one with `mc token`).")
            configuration.hmacSecret = AuthConfiguration.developmentSecret
        }
        return configuration
    }

    /// Splits a file into its `-----BEGIN ...-----` ... `-----END ...-----` blocks.
    static func pemBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("-----BEGIN") { current = [line] } else if !current.isEmpty { current.append(line) }
            if line.hasPrefix("-----END"), !current.isEmpty {
                blocks.append(current.joined(separator: "\n"))
                current = []
            }
        }
        return blocks
    }
}

/// `mc token`: mints an HS256 bearer token for development and tests.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mint a bearer token (HS256) for `mc serve --dev`, or for a server sharing MAESTRO_JWT_SECRET.")

    @Option(help: "The tenant the token acts for.") var tenant: String
    @Option(help: "Comma-separated roles: viewer, designer, operator, admin, platform (tiers; spans tenants).") var roles = "admin"
    @Option(help: "The subject (who).") var subject = "developer"
    @Option(help: "Seconds until the token expires.") var ttl = 3600

    func run() async throws {
        let roleList = roles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let known = ["viewer", "designer", "operator", "admin", "platform"]
        for role in roleList where !known.contains(role) {
            throw ValidationError("Unknown role \"\(role)\"; use \(known.joined(separator: ", ")).")
        }
        guard ttl > 0 else { throw ValidationError("--ttl must be positive.") }
        let secret = Environment.value("MAESTRO_JWT_SECRET") ?? AuthConfiguration.developmentSecret
        let claims = TokenClaims(subject: subject, tenant: tenant, roles: roleList, expires: Date().addingTimeInterval(Double(ttl)))
        print(try await TokenMinter.mint(claims, secret: secret))
    }
}
