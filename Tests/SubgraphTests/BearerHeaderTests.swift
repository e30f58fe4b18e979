import Testing

@testable import Subgraph

/// The `Authorization` header's bearer token: the scheme is case-insensitive (RFC 7235), blanks
/// around the token are dropped, anything else is no token (answered with 401 and a hint).
@Suite("Bearer header")
struct BearerHeaderTests {
    @Test func theTokenIsTakenWhateverTheSchemesCaseAndTheBlanksAroundIt() {
        #expect(Authenticator.bearerToken(in: "Bearer abc.def.ghi") == "abc.def.ghi")
        #expect(Authenticator.bearerToken(in: "bearer abc") == "abc")
        #expect(Authenticator.bearerToken(in: "BEARER \t abc \t") == "abc")
    }

    @Test(arguments: ["", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwYXNz", "Bearerabc", "Bearer\0abc", "Token abc"])
    func otherHeadersCarryNoToken(header: String) {
        #expect(Authenticator.bearerToken(in: header) == nil)
    }
}
