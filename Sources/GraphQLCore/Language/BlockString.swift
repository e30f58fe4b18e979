extension Lexer {
    /// ```
    /// StringValue :: `"""` BlockStringCharacter* `"""`
    /// BlockStringCharacter ::
    ///   - SourceCharacter but not `"""` or `\"""`
    ///   - `\"""`
    /// ```
    /// The token's value is the raw text after `BlockStringValue()` (see `dedentBlockStringLines`).
    func readBlockString(at start: Int) throws(GraphQLError) -> Token {
        var position = start + 3
        var chunkStart = position
        var currentLine: [UInt8] = []
        var lines: [[UInt8]] = []
        while position < bytes.count {
            let code = bytes[position]
            if code == 0x22 && byte(at: position + 1) == 0x22 && byte(at: position + 2) == 0x22 {
                currentLine.append(contentsOf: bytes[chunkStart..<position])
                lines.append(currentLine)
                let value = Array(BlockString.dedentLines(lines).joined(separator: [0x0A]))
                return Token(
                    kind: .blockString, start: start, end: position + 3,
                    value: String(decoding: value, as: UTF8.self))
            }
            if code == 0x5C && byte(at: position + 1) == 0x22 && byte(at: position + 2) == 0x22
                && byte(at: position + 3) == 0x22
            {
                // `\"""` stands for `"""`: drop the backslash, keep the quotes.
                currentLine.append(contentsOf: bytes[chunkStart..<position])
                chunkStart = position + 1
                position += 4
                continue
            }
            if code == 0x0A || code == 0x0D {
                currentLine.append(contentsOf: bytes[chunkStart..<position])
                lines.append(currentLine)
                position += (code == 0x0D && byte(at: position + 1) == 0x0A) ? 2 : 1
                currentLine = []
                chunkStart = position
                continue
            }
            position += 1
        }
        throw syntaxError("Unterminated string.", at: position)
    }
}

/// The spec's block string algorithms: reading (`BlockStringValue()`) and printing.
enum BlockString {
    /// `BlockStringValue(rawValue)`: removes the common indentation of all lines but the
    /// first, then leading and trailing blank lines. Lines are UTF-8 bytes without terminators.
    static func dedentLines(_ lines: [[UInt8]]) -> [ArraySlice<UInt8>] {
        var commonIndent = Int.max
        var firstNonEmptyLine: Int?
        var lastNonEmptyLine = -1
        for (index, line) in lines.enumerated() {
            let indent = leadingWhitespace(line[...])
            if indent == line.count { continue }  // blank lines don't vote on the indent
            if firstNonEmptyLine == nil { firstNonEmptyLine = index }
            lastNonEmptyLine = index
            if index != 0 && indent < commonIndent {
                commonIndent = indent
            }
        }
        guard let first = firstNonEmptyLine else { return [] }
        return (first...lastNonEmptyLine).map { index in
            let line = lines[index]
            return index == 0 ? line[...] : line.dropFirst(min(commonIndent, line.count))
        }
    }

    /// The block string value of raw text between `"""` delimiters (escapes already removed).
    static func value(ofRawText raw: String) -> String {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(raw.utf8)
        var index = 0
        while index < bytes.count {
            let code = bytes[index]
            if code == 0x0A || code == 0x0D {
                lines.append(current)
                current = []
                if code == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                current.append(code)
            }
            index += 1
        }
        lines.append(current)
        return String(decoding: Array(dedentLines(lines).joined(separator: [0x0A])), as: UTF8.self)
    }

    static func leadingWhitespace(_ line: ArraySlice<UInt8>) -> Int {
        var count = 0
        for code in line {
            guard code == 0x20 || code == 0x09 else { break }
            count += 1
        }
        return count
    }
}
