import Testing
@testable import Engine

@Suite("ISO-8601 durations")
struct ISO8601DurationTests {
    @Test("converts to seconds", arguments: [
        ("PT5M", 300.0), ("PT0.5S", 0.5), ("P1D", 86_400), ("PT10M", 600), ("PT1H30M", 5_400), ("P1DT12H", 129_600),
        ("P2W", 1_209_600), ("PT0,5H", 1_800), ("PT1M30.25S", 90.25), ("PT0S", 0), ("PT36H", 129_600), ("P0D", 0),
    ])
    func seconds(text: String, seconds: Double) throws {
        let duration = try ISO8601Duration(parsing: text)
        #expect(duration.seconds == seconds)
        #expect(duration.description == text)
    }

    @Test("rejects malformed durations with a reason", arguments: [
        ("5m", "it must start with \"P\" (e.g. PT5M)"),
        ("-PT1S", "it must start with \"P\" (e.g. PT5M)"),
        ("P", "it has no components (e.g. PT5M)"),
        ("PT", "\"T\" must be followed by hours, minutes or seconds"),
        ("P1Y", "years and months have no fixed length; use days instead (e.g. P30D)"),
        ("P1M", "years and months have no fixed length; use days instead (e.g. P30D)"),
        ("P1H", "hours, minutes and seconds must follow \"T\" (e.g. PT1H)"),
        ("PT5X", "unknown designator \"X\" after \"T\""),
        ("PT1S1M", "components must be in the order H, M, S"),
        ("PT1.5M30S", "only the last component may have a fraction"),
        ("PT5", "the number 5 has no designator"),
        ("P1W1D", "weeks cannot be combined with other components"),
        ("P-1D", "durations cannot be negative"),
        ("PT.5S", "expected a number at character 3"),
        ("PTT1S", "\"T\" appears twice"),
    ])
    func rejects(text: String, reason: String) {
        #expect(throws: DefinitionValueError("\"\(text)\" is not an ISO-8601 duration: \(reason)")) {
            try ISO8601Duration(parsing: text)
        }
    }

    @Test("compares by length and converts to Duration")
    func comparison() throws {
        #expect(try ISO8601Duration(parsing: "PT60S") == ISO8601Duration(parsing: "PT1M"))
        #expect(try ISO8601Duration(parsing: "PT59S") < ISO8601Duration(parsing: "PT1M"))
        #expect(try ISO8601Duration(parsing: "PT0.5S").duration == .milliseconds(500))
        #expect(ISO8601Duration(seconds: 90).text == "PT90S")
    }
}
