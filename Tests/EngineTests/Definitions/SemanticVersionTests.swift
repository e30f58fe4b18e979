import Testing
@testable import Engine

@Suite("Semantic versions")
struct SemanticVersionTests {
    @Test("parses valid versions and prints them back", arguments: [
        "0.0.0", "1.4.0", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92",
        "1.0.0-alpha+001", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD",
        "1.0.0--", "18446744073709551615.0.0",
    ])
    func roundTrip(text: String) throws {
        #expect(try SemanticVersion(parsing: text).description == text)
    }

    @Test("exposes the parts")
    func parts() throws {
        let version = try SemanticVersion(parsing: "2.1.3-rc.1+build.7")
        #expect(version.major == 2 && version.minor == 1 && version.patch == 3)
        #expect(version.prerelease == [.alphanumeric("rc"), .numeric(1)])
        #expect(version.build == ["build", "7"])
        #expect(version.isPrerelease)
    }

    @Test("rejects malformed versions with a reason", arguments: [
        ("1.4", "\"1.4\" is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.4.0"),
        ("v1.0.0", "\"v1.0.0\" is not a semantic version: the major version \"v1\" is not a number"),
        ("01.0.0", "\"01.0.0\" is not a semantic version: the major version \"01\" has a leading zero"),
        ("1.0.0-01", "\"1.0.0-01\" is not a semantic version: the pre-release identifier \"01\" has a leading zero"),
        ("1.0.0-", "\"1.0.0-\" is not a semantic version: pre-release identifiers must be non-empty and use only 0-9, A-Z, a-z and -"),
        ("1.0.0-a..b", "\"1.0.0-a..b\" is not a semantic version: pre-release identifiers must be non-empty and use only 0-9, A-Z, a-z and -"),
        ("1.0.0+", "\"1.0.0+\" is not a semantic version: build metadata identifiers must be non-empty and use only 0-9, A-Z, a-z and -"),
        ("1.0.0-é", "\"1.0.0-é\" is not a semantic version: pre-release identifiers must be non-empty and use only 0-9, A-Z, a-z and -"),
        ("1.2.3.4", "\"1.2.3.4\" is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.4.0"),
        ("1..3", "\"1..3\" is not a semantic version: the minor version \"\" is not a number"),
        ("18446744073709551616.0.0", "\"18446744073709551616.0.0\" is not a semantic version: the major version \"18446744073709551616\" is too large"),
        (" 1.0.0", "\" 1.0.0\" is not a semantic version: the major version \" 1\" is not a number"),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: DefinitionValueError(message)) { try SemanticVersion(parsing: text) }
    }

    @Test("precedence follows semver.org §11, including pre-release ordering")
    func precedence() throws {
        let ordered = [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0-0", "2.0.0", "2.1.0", "2.1.1", "10.0.0",
        ]
        let versions = try ordered.map { try SemanticVersion(parsing: $0) }
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
            #expect(!(higher < lower), "!(\(higher) < \(lower))")
        }
        #expect(versions.shuffled().sorted() == versions)
    }

    @Test("build metadata is ignored for precedence and equality")
    func buildMetadata() throws {
        let a = try SemanticVersion(parsing: "1.0.0+a")
        let b = try SemanticVersion(parsing: "1.0.0+b")
        #expect(a == b)
        #expect(!(a < b) && !(b < a))
        #expect(Set([a, b]).count == 1)
        #expect(try SemanticVersion(parsing: "1.0.0-rc.1+x") < SemanticVersion(parsing: "1.0.0"))
    }
}
