// Format vocabularies (JSON Schema Validation 2020-12 §7): "format" is an annotation unless
// format assertion is enabled (option or the format-assertion vocabulary); then the formats
// below are checked and unknown formats still pass. Non-strings always pass.

/// The formats this validator can assert.
enum FormatKind: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case email
    case ipv4
    case ipv6
    case uuid
    case uri

    func accepts(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        switch self {
        case .dateTime: return FormatChecks.isDateTime(bytes)
        case .date: return FormatChecks.isDate(bytes[...])
        case .time: return FormatChecks.isTime(bytes[...])
        case .email: return FormatChecks.isEmail(bytes)
        case .ipv4: return FormatChecks.isIPv4(bytes[...])
        case .ipv6: return FormatChecks.isIPv6(bytes[...])
        case .uuid: return FormatChecks.isUUID(bytes)
        case .uri: return FormatChecks.isURI(bytes)
        }
    }
}

extension SchemaCompiler {
    mutating func compileFormatKeyword(_ operand: JSONValue, assert: Bool, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        guard case .string(let name) = operand else { throw error(scope, "format must be a string") }
        guard assert, let format = FormatKind(rawValue: name) else { return nil }
        return .format(format)
    }
}

extension SchemaEvaluator {
    mutating func evaluateFormat(_ format: FormatKind, _ instance: JSONValue) -> Bool {
        guard case .string(let string) = instance else { return true }
        if format.accepts(string) { return true }
        report("format", "\(SchemaEvaluator.excerpt(instance)) is not a valid \(format.rawValue)")
        return false
    }
}

/// Byte-level checks following RFC 3339 (date, time, date-time), RFC 5321 (email),
/// RFC 2673/4291 (IP addresses), RFC 4122 (uuid) and RFC 3986 (uri). ASCII only: a non-ASCII
/// digit such as "৪" is not a digit.
enum FormatChecks {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    static func isAlpha(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }

    /// A fixed-width decimal number, or nil if any byte is not an ASCII digit.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// full-date = date-fullyear "-" date-month "-" date-mday
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10 else { return false }
        let s = bytes.startIndex
        guard bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
              let year = number(bytes[s..<s + 4]), let month = number(bytes[s + 5..<s + 7]),
              let day = number(bytes[s + 8..<s + 10]), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// full-time = partial-time time-offset; a leap second (:60) must fall at 23:59 UTC.
    static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let s = bytes.startIndex
        guard bytes.count >= 9, bytes[s + 2] == UInt8(ascii: ":"), bytes[s + 5] == UInt8(ascii: ":"),
              let hour = number(bytes[s..<s + 2]), let minute = number(bytes[s + 3..<s + 5]),
              let second = number(bytes[s + 6..<s + 8]), hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = s + 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            guard bytes.endIndex - index == 6, bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHour = number(bytes[index + 1..<index + 3]),
                  let offsetMinute = number(bytes[index + 4..<index + 6]),
                  offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        default:
            return false
        }
        if second == 60 {
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }

    /// date-time = full-date "T" full-time (case-insensitive "T")
    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHexDigit(byte) {
                return false
            }
        }
        return true
    }
}
