import Testing
@testable import Engine

@Suite("format checks")
struct FormatChecksTests {
    @Test("accepts", arguments: [
        (FormatKind.dateTime, "2026-11-27T09:25:00Z"), (.dateTime, "2016-12-31T23:59:60Z"),
        (.date, "2000-02-29"), (.time, "23:59:60.5+00:00"), (.email, "ops+alerts@example.com"),
        (.ipv4, "192.168.0.1"), (.ipv6, "2001:db8::8a2e:370:7334"), (.ipv6, "::ffff:10.0.0.1"),
        (.uuid, "123e4567-e89b-12d3-a456-426614174000"), (.uri, "https://example.com:8443/a/b?c=d#e"),
        (.uri, "urn:isbn:0451450523"),
    ])
    func accepts(format: FormatKind, text: String) {
        #expect(format.accepts(text))
    }

    @Test("rejects", arguments: [
        (FormatKind.dateTime, "2026-11-27 09:25:00Z"), (.dateTime, "2016-12-31T22:59:60Z"), (.date, "1900-02-29"),
        (.time, "12:00:00"), (.email, "a..b@example.com"), (.email, "a@-example.com"), (.ipv4, "01.2.3.4"),
        (.ipv4, "256.1.1.1"), (.ipv6, "1::2::3"), (.ipv6, "fe80::1%eth0"), (.uuid, "123e4567e89b12d3a456426614174000"),
        (.uri, "/relative/path"), (.uri, "http://exa mple.com"), (.uri, "http://example.com/%zz"),
    ])
    func rejects(format: FormatKind, text: String) {
        #expect(!format.accepts(text))
    }
}
