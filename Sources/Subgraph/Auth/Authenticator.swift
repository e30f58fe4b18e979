import Foundation
import Hummingbird
import JWTKit
import Resolvers

/// How tokens are verified: an HS256 secret (development, `mc token`) and/or RS256/ES256 public
/// keys in PEM form (production, keys of the identity provider).
public struct AuthConfiguration: Sendable {
    public var hmacSecret: String?
    public var publicKeysPEM: [String]

    public init(hmacSecret: String? = nil, publicKeysPEM: [String] = []) {
        self.hmacSecret = hmacSecret
        self.publicKeysPEM = publicKeysPEM
    }

    /// The secret `mc serve --dev` and `mc token` share when none is configured. Never accepted
    /// outside development mode.
    public static let developmentSecret = "maestro-development-secret-do-not-use-in-production"
}

/// The verified caller.
public struct Identity: Sendable, Equatable {
    public let subject: String
    public let tenantID: String
    public let roles: Set<APIContext.Role>

    public init(subject: String, tenantID: String, roles: Set<APIContext.Role>) {
        self.subject = subject
        self.tenantID = tenantID
        self.roles = roles
    }
}

/// Verifies `Authorization: Bearer <JWT>` headers. The tenant comes from the token only.
public struct Authenticator: Sendable {
    let keys: JWTKeyCollection
    /// Tokens verified before: most requests repeat their client's token.
    let verified = VerifiedTokenCache()

    /// Loads the keys; a malformed PEM key fails here, at start-up, with the key's position.
    public static func make(_ configuration: AuthConfiguration) async throws -> Authenticator {
        let keys = JWTKeyCollection()
        if let secret = configuration.hmacSecret {
            try checkSecret(secret)
            await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, kid: "hs256")
        }
        for (index, pem) in configuration.publicKeysPEM.enumerated() {
            let kid = JWKIdentifier(string: "key-\(index)")
            if let rsa = try? Insecure.RSA.PublicKey(pem: pem) {
                await keys.add(rsa: rsa, digestAlgorithm: .sha256, kid: kid)
            } else if let ec = try? ES256PublicKey(pem: pem) {
                await keys.add(ecdsa: ec, kid: kid)
            } else {
                throw AuthFailure(reason: "Public key \(index + 1) is neither an RSA nor a P-256 EC public key in PEM form.")
            }
        }
        return Authenticator(keys: keys)
    }

    /// Why a request is not authenticated; answered with 401.
    public struct AuthFailure: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// The identity in the request's bearer token.
    public func identity(of request: Request) async throws(AuthFailure) -> Identity {
        guard let header = request.headers[.authorization], let token = Self.bearerToken(in: header) else {
            throw AuthFailure(reason: "Send a bearer token: Authorization: Bearer <JWT>.")
        }
        return try await identity(ofToken: token)
    }

    /// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive, RFC 7235),
    /// without surrounding blanks; nil for any other scheme or an empty token. Runs on every
    /// request, so it works on the UTF-8 view rather than through Foundation.
    static func bearerToken(in header: String) -> String? {
        let scheme = "bearer "
        let lowercased: (UInt8) -> UInt8 = { (65...90).contains($0) ? $0 + 32 : $0 }
        guard header.utf8.count > scheme.utf8.count,
            header.utf8.prefix(scheme.utf8.count).elementsEqual(scheme.utf8, by: { lowercased($0) == $1 })
        else { return nil }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let rest = header.utf8.dropFirst(scheme.utf8.count)
        guard let first = rest.firstIndex(where: { !blank($0) }), let last = rest.lastIndex(where: { !blank($0) }) else { return nil }
        return String(header[first...last])
    }

    /// Verifies one token (signature, expiry, claims).
    public func identity(ofToken token: String) async throws(AuthFailure) -> Identity {
        if let known = verified.identity(of: token) { return known }
        let claims: TokenClaims
        do {
            claims = try await keys.verify(token, as: TokenClaims.self)
        } catch {
            throw AuthFailure(reason: "The bearer token is invalid or expired.")
        }
        guard !claims.tenant.isEmpty else { throw AuthFailure(reason: "The bearer token names no tenant.") }
        var roles = Set<APIContext.Role>()
        for role in claims.roles {
            guard let known = APIContext.Role(rawValue: role) else {
                throw AuthFailure(reason: "The bearer token has an unknown role \"\(role)\" (known: viewer, designer, operator, admin).")
            }
            roles.insert(known)
        }
        let identity = Identity(subject: claims.sub.value, tenantID: claims.tenant, roles: roles)
        verified.remember(token, identity: identity, expires: claims.exp.value)
        return identity
    }
}

/// HS256 needs a key at least as long as its 32-byte digest (RFC 7518 §3.2).
func checkSecret(_ secret: String) throws {
    guard secret.utf8.count >= 32 else {
        throw Authenticator.AuthFailure(reason: "The HS256 secret must be at least 32 bytes long (it has \(secret.utf8.count)).")
    }
}

/// Mints HS256 tokens (`mc token`, tests).
public enum TokenMinter {
    public static func mint(_ claims: TokenClaims, secret: String) async throws -> String {
        try checkSecret(secret)
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, kid: "hs256")
        return try await keys.sign(claims, kid: "hs256")
    }
}
