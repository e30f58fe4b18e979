import Foundation

/// A Swift value that can be bound as a statement parameter.
///
/// Parameters travel in libpq's text format and are always bound (`$1`, `$2`, ...), never spliced
/// into SQL. `nil` (`postgresText == nil`) binds SQL NULL. Where the server cannot infer a type,
/// cast in SQL (`$1::jsonb`).
public protocol PostgresEncodable: Sendable {
    /// The parameter in Postgres text format, or nil for NULL.
    var postgresText: String? { get }
}

extension String: PostgresEncodable { public var postgresText: String? { self } }
extension Substring: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Int: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Int32: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Int64: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Double: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Bool: PostgresEncodable { public var postgresText: String? { self ? "t" : "f" } }
extension UUID: PostgresEncodable { public var postgresText: String? { uuidString.lowercased() } }

extension Date: PostgresEncodable {
    /// ISO 8601 with microseconds and an explicit UTC offset, which `timestamptz` parses exactly.
    public var postgresText: String? { PostgresTimestamp.format(self) }
}

extension Data: PostgresEncodable {
    /// `bytea` hex format: `\x` followed by two hex digits per byte.
    public var postgresText: String? {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 2 + count * 2)
        text[0] = UInt8(ascii: "\\")
        text[1] = UInt8(ascii: "x")
        for (i, byte) in enumerated() {
            text[2 + i * 2] = digits[Int(byte >> 4)]
            text[3 + i * 2] = digits[Int(byte & 0x0F)]
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self?.postgresText }
}

/// SQL NULL as a parameter, for when no typed optional is at hand.
public struct PostgresNull: PostgresEncodable {
    public init() {}
    public var postgresText: String? { nil }
}

/// A one-dimensional array literal (`{"a","b",NULL}`), bound as text and cast in SQL
/// (`$1::uuid[]`), so `WHERE id = ANY($1::uuid[])` loads a whole batch in one statement.
extension Array: PostgresEncodable where Element: PostgresEncodable {
    public var postgresText: String? {
        var literal = "{"
        for (index, element) in enumerated() {
            if index > 0 { literal += "," }
            guard let text = element.postgresText else {
                literal += "NULL"
                continue
            }
            // Every element is quoted, so commas, braces and the word NULL stay data.
            literal += "\""
            for character in text {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.append(character)
            }
            literal += "\""
        }
        return literal + "}"
    }
}
