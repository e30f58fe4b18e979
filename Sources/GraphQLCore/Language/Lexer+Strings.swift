extension Lexer {
    /// ```
    /// StringValue ::
    ///   - `""` [lookahead != `"`]
    ///   - `"` StringCharacter+ `"`
    /// StringCharacter ::
    ///   - SourceCharacter but not `"` or `\` or LineTerminator
    ///   - `\u` EscapedUnicode
    ///   - `\` EscapedCharacter
    /// ```
    func readString(at start: Int) throws(GraphQLError) -> Token {
        var position = start + 1
        var chunkStart = position
        var value: [UInt8] = []
        while position < bytes.count {
            let code = bytes[position]
            if code == 0x22 {  // closing quote
                value.append(contentsOf: bytes[chunkStart..<position])
                return Token(
                    kind: .string, start: start, end: position + 1,
                    value: String(decoding: value, as: UTF8.self))
            }
            if code == 0x5C {  // backslash
                value.append(contentsOf: bytes[chunkStart..<position])
                let escape = try readEscape(at: position)
                Self.appendUTF8(escape.scalar, to: &value)
                position += escape.size
                chunkStart = position
                continue
            }
            if code == 0x0A || code == 0x0D {
                break
            }
            // Any other byte, including the continuation bytes of a multi-byte scalar, is
            // part of the string; the body came from a Swift String, so it is valid UTF-8.
            position += 1
        }
        throw syntaxError("Unterminated string.", at: position)
    }

    /// Reads the escape sequence at `position` (which holds the backslash) and returns the
    /// scalar it stands for and how many bytes it spans.
    private func readEscape(at position: Int) throws(GraphQLError) -> (scalar: UInt32, size: Int) {
        guard byte(at: position + 1) == 0x75 else {  // not `\u`
            return try readEscapedCharacter(at: position)
        }
        if byte(at: position + 2) == 0x7B {  // `\u{`
            return try readVariableWidthUnicodeEscape(at: position)
        }
        return try readFixedWidthUnicodeEscape(at: position)
    }

    /// `EscapedUnicode :: { HexDigit+ }` — at most 8 digits, and it must name a scalar value.
    private func readVariableWidthUnicodeEscape(at position: Int) throws(GraphQLError) -> (scalar: UInt32, size: Int) {
        // graphql-js accumulates into a 32-bit integer and gives up once it turns
        // negative or after 12 characters; mirroring that keeps our messages identical.
        var point: Int32 = 0
        var cursor = position + 3
        var end = position + 12  // where the quoted sequence ends if every character was a digit
        while cursor - position < 12 {
            guard cursor < bytes.count else {
                end = bytes.count
                break
            }
            let code = bytes[cursor]
            // The quoted sequence includes the character that made us give up.
            end = cursor + decodeScalar(at: cursor).length
            if code == 0x7D {  // }
                if cursor - position < 4 || !Self.isScalarValue(Int(point)) { break }
                return (UInt32(point), cursor + 1 - position)
            }
            guard let digit = Self.hexValue(code) else { break }
            point = (point &<< 4) | Int32(digit)
            if point < 0 { break }
            cursor += 1
            end = cursor
        }
        throw syntaxError("Invalid Unicode escape sequence: \"\(text(position, end))\".", at: position)
    }

    /// `EscapedUnicode :: HexDigit HexDigit HexDigit HexDigit`, where a leading surrogate
    /// must be followed by `\u` and a trailing surrogate (the JSON way to write U+10000 and up).
    private func readFixedWidthUnicodeEscape(at position: Int) throws(GraphQLError) -> (scalar: UInt32, size: Int) {
        if let code = read16BitHex(at: position + 2) {
            if Self.isScalarValue(code) {
                return (UInt32(code), 6)
            }
            if (0xD800...0xDBFF).contains(code), byte(at: position + 6) == 0x5C, byte(at: position + 7) == 0x75,
                let trailing = read16BitHex(at: position + 8), (0xDC00...0xDFFF).contains(trailing)
            {
                let scalar = 0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00)
                return (UInt32(scalar), 12)
            }
        }
        throw syntaxError(
            "Invalid Unicode escape sequence: \"\(prefix(from: position, utf16Units: 6))\".", at: position)
    }

    /// `EscapedCharacter :: one of " \ / b f n r t`
    private func readEscapedCharacter(at position: Int) throws(GraphQLError) -> (scalar: UInt32, size: Int) {
        let scalar: UInt32
        switch byte(at: position + 1) {
        case 0x22: scalar = 0x22
        case 0x5C: scalar = 0x5C
        case 0x2F: scalar = 0x2F
        case 0x62: scalar = 0x08  // b
        case 0x66: scalar = 0x0C  // f
        case 0x6E: scalar = 0x0A  // n
        case 0x72: scalar = 0x0D  // r
        case 0x74: scalar = 0x09  // t
        default:
            throw syntaxError(
                "Invalid character escape sequence: \"\(prefix(from: position, utf16Units: 2))\".", at: position)
        }
        return (scalar, 2)
    }

    /// Four hex digits as a number, or `nil` if any of them is not a hex digit.
    private func read16BitHex(at position: Int) -> Int? {
        var value = 0
        for index in position..<(position + 4) {
            guard let digit = Self.hexValue(byte(at: index)) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// Up to `utf16Units` UTF-16 code units of source text from `position`, as graphql-js
    /// slices it for messages (a scalar that would straddle the limit is kept whole).
    private func prefix(from position: Int, utf16Units: Int) -> String {
        var end = position
        var units = 0
        while end < bytes.count && units < utf16Units {
            let length = decodeScalar(at: end).length
            units += length == 4 ? 2 : 1
            end += length
        }
        return text(position, end)
    }

    static func hexValue(_ code: UInt8) -> Int? {
        switch code {
        case 0x30...0x39: Int(code) - 0x30
        case 0x41...0x46: Int(code) - 0x37
        case 0x61...0x66: Int(code) - 0x57
        default: nil
        }
    }

    static func isScalarValue(_ code: Int) -> Bool {
        (0...0xD7FF).contains(code) || (0xE000...0x10FFFF).contains(code)
    }

    static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        guard let unicodeScalar = Unicode.Scalar(scalar), let encoded = UTF8.encode(unicodeScalar) else { return }
        buffer.append(contentsOf: encoded)
    }
}
