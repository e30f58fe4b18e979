// How string values are written back as GraphQL source, byte-identical to graphql-js 16.

/// Prints a string as a quoted GraphQL string literal.
///
/// Escapes `"` and `\`, control characters and U+007F–U+009F; everything else is written
/// as is.
func printString(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
        switch scalar.value {
        case 0x22: result += "\\\""
        case 0x5C: result += "\\\\"
        case 0x08: result += "\\b"
        case 0x09: result += "\\t"
        case 0x0A: result += "\\n"
        case 0x0C: result += "\\f"
        case 0x0D: result += "\\r"
        case 0x00...0x1F, 0x7F...0x9F:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default:
            result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

/// Prints a string as a `"""` block string, choosing leading and trailing line breaks so
/// that reading the result back with `BlockStringValue()` gives `value` again whenever
/// that is possible.
func printBlockString(_ value: String) -> String {
    let raw = Array(value.utf8)
    let escaped = escapeTripleQuotes(raw)
    let lines = splitLines(escaped)
    let isSingleLine = lines.count == 1

    // Lines after the first that all start with white space would lose it to dedenting;
    // a leading line break keeps it.
    let forceLeadingNewLine = lines.count > 1 && lines.dropFirst().allSatisfy { line in
        line.isEmpty || isWhiteSpace(line.first)
    }
    let hasTrailingTripleQuotes = escaped.count >= 4 && Array(escaped.suffix(4)) == Array(#"\""""#.utf8)
    // A trailing quote or backslash would merge with the closing delimiter.
    let hasTrailingQuote = raw.last == 0x22 && !hasTrailingTripleQuotes
    let hasTrailingSlash = raw.last == 0x5C
    let forceTrailingNewline = hasTrailingQuote || hasTrailingSlash
    let printAsMultipleLines =
        !isSingleLine || value.utf16.count > 70 || forceTrailingNewline || forceLeadingNewLine
        || hasTrailingTripleQuotes

    var result: [UInt8] = []
    // A single line that starts with white space can't take a leading line break: the
    // white space would then count as indentation and be removed.
    let skipLeadingNewLine = isSingleLine && isWhiteSpace(raw.first)
    if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine {
        result.append(0x0A)
    }
    result.append(contentsOf: escaped)
    if printAsMultipleLines || forceTrailingNewline {
        result.append(0x0A)
    }
    return "\"\"\"" + String(decoding: result, as: UTF8.self) + "\"\"\""
}

private func isWhiteSpace(_ byte: UInt8?) -> Bool {
    byte == 0x20 || byte == 0x09
}

/// Replaces every `"""` with `\"""`, scanning left to right.
private func escapeTripleQuotes(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x22, index + 2 < bytes.count, bytes[index + 1] == 0x22, bytes[index + 2] == 0x22 {
            result.append(contentsOf: [0x5C, 0x22, 0x22, 0x22])
            index += 3
        } else {
            result.append(bytes[index])
            index += 1
        }
    }
    return result
}

/// Splits at `\r\n`, `\n` and `\r`.
private func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var lineStart = 0
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D {
            lines.append(bytes[lineStart..<index])
            if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            lineStart = index + 1
        }
        index += 1
    }
    lines.append(bytes[lineStart..<bytes.count])
    return lines
}
