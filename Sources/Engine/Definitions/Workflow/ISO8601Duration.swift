/// An ISO-8601 duration such as `PT5M`, `PT0.5S`, `P1D` or `P1DT12H`, as used for timeouts,
/// delays, back-off and cache TTLs, converted to seconds.
///
/// Supported: `PnW`, or `P[nD][T[nH][nM][nS]]`. Years and months (`P1Y`, `P1M`) are rejected
/// because they have no fixed length in seconds, and a step timeout must not depend on the
/// calendar. Only the last component may have a fraction (`PT1.5S`, `PT0,5H`), as ISO-8601
/// allows. Negative durations are rejected.
public struct ISO8601Duration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in seconds (fractions allowed).
    public let seconds: Double
    /// The text it was parsed from, kept for display and round trips.
    public let text: String

    /// Parses ISO-8601 duration text.
    /// - Throws: `DefinitionValueError` naming the problem, e.g.
    ///   `"5m" is not an ISO-8601 duration: it must start with "P" (e.g. PT5M)`.
    public init(parsing text: String) throws(DefinitionValueError) {
        var scanner = DurationScanner(text: text)
        self.seconds = try scanner.parse()
        self.text = text
    }

    /// A duration of `seconds`, written back as `PT<seconds>S`.
    public init(seconds: Double) {
        self.seconds = seconds
        let whole = seconds.rounded(.towardZero) == seconds
        self.text = whole && seconds < 1e15 ? "PT\(Int64(seconds))S" : "PT\(seconds)S"
    }

    /// The same length as a Swift `Duration` (millisecond precision is plenty for scheduling).
    public var duration: Duration { .milliseconds(Int64((seconds * 1000).rounded())) }

    /// The original text.
    public var description: String { text }

    /// Compares lengths.
    public static func < (lhs: ISO8601Duration, rhs: ISO8601Duration) -> Bool { lhs.seconds < rhs.seconds }

    /// Equal lengths (`PT60S == PT1M`).
    public static func == (lhs: ISO8601Duration, rhs: ISO8601Duration) -> Bool { lhs.seconds == rhs.seconds }

    /// Hash consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(seconds) }
}

/// Reads `P…` text component by component: a number followed by a designator letter.
private struct DurationScanner {
    let text: String
    private let bytes: [UInt8]
    private var position = 0

    init(text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    private func failure(_ reason: String) -> DefinitionValueError {
        DefinitionValueError("\"\(text)\" is not an ISO-8601 duration: \(reason)")
    }

    mutating func parse() throws(DefinitionValueError) -> Double {
        guard bytes.first == UInt8(ascii: "P") else { throw failure("it must start with \"P\" (e.g. PT5M)") }
        position = 1
        // Designators allowed in order before and after "T", with their length in seconds.
        let dateUnits: [(UInt8, Double)] = [(UInt8(ascii: "W"), 604_800), (UInt8(ascii: "D"), 86_400)]
        let timeUnits: [(UInt8, Double)] = [(UInt8(ascii: "H"), 3_600), (UInt8(ascii: "M"), 60), (UInt8(ascii: "S"), 1)]
        var total = 0.0
        var components = 0
        var inTime = false
        var nextUnit = 0
        var sawFraction = false
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "T") {
                guard !inTime else { throw failure("\"T\" appears twice") }
                inTime = true
                nextUnit = 0
                position += 1
                guard position < bytes.count else { throw failure("\"T\" must be followed by hours, minutes or seconds") }
                continue
            }
            guard !sawFraction else { throw failure("only the last component may have a fraction") }
            let (value, hasFraction) = try number()
            guard position < bytes.count else { throw failure("the number \(format(value)) has no designator") }
            let designator = bytes[position]
            position += 1
            let units = inTime ? timeUnits : dateUnits
            guard let index = units.firstIndex(where: { $0.0 == designator }) else {
                throw failure(unknownDesignator(designator, inTime: inTime))
            }
            guard index >= nextUnit else { throw failure("components must be in the order \(inTime ? "H, M, S" : "W, D")") }
            nextUnit = index + 1
            total += value * units[index].1
            components += 1
            sawFraction = hasFraction
        }
        guard components > 0 else { throw failure("it has no components (e.g. PT5M)") }
        if bytes.contains(UInt8(ascii: "W")) && components > 1 { throw failure("weeks cannot be combined with other components") }
        return total
    }

    private func unknownDesignator(_ designator: UInt8, inTime: Bool) -> String {
        let letter = String(UnicodeScalar(designator))
        if !inTime && (designator == UInt8(ascii: "Y") || designator == UInt8(ascii: "M")) {
            return "years and months have no fixed length; use days instead (e.g. P30D)"
        }
        if !inTime && (designator == UInt8(ascii: "H") || designator == UInt8(ascii: "S")) {
            return "hours, minutes and seconds must follow \"T\" (e.g. PT\(letter == "H" ? "1H" : "30S"))"
        }
        return "unknown designator \"\(letter)\" \(inTime ? "after \"T\"" : "before \"T\"")"
    }

    /// Digits with an optional `.` or `,` fraction.
    private mutating func number() throws(DefinitionValueError) -> (Double, Bool) {
        let start = position
        var digits = ""
        var hasFraction = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(Character(UnicodeScalar(byte)))
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !hasFraction && position > start {
                hasFraction = true
                digits.append(".")
            } else {
                break
            }
            position += 1
        }
        guard position > start, digits.last != ".", let value = Double(digits), value.isFinite else {
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { throw failure("durations cannot be negative") }
            throw failure("expected a number at character \(start + 1)")
        }
        return (value, hasFraction)
    }

    private func format(_ value: Double) -> String {
        value.rounded(.towardZero) == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
