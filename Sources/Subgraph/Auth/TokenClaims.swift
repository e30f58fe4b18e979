import Foundation
import JWTKit

/// The claims Maestro Composer reads from a bearer token: who (`sub`), which tenant, which roles,
/// and until when (`exp`, required).
public struct TokenClaims: JWTPayload, Equatable {
    public var sub: SubjectClaim
    public var tenant: String
    public var roles: [String]
    public var exp: ExpirationClaim

    public init(subject: String, tenant: String, roles: [String], expires: Date) {
        self.sub = SubjectClaim(value: subject)
        self.tenant = tenant
        self.roles = roles
        self.exp = ExpirationClaim(value: expires)
    }

    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
