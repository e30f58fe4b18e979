/// Why a JSON text could not be parsed, and where.
///
/// `offset` is the zero-based byte offset into the UTF-8 input; `line` and `column` are
/// one-based (columns count bytes, which equals characters for ASCII-only lines).
/// `description` reads like `Unexpected character '}' at line 3, column 5; expected a property name.`
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, without the position (e.g. `Unexpected character '}'`).
    public let reason: String
    /// What the grammar allowed at that point, when that helps (e.g. `a property name`).
    public let expected: String?
    /// Zero-based byte offset of the offending byte.
    public let offset: Int
    /// One-based line number.
    public let line: Int
    /// One-based column (in bytes) within the line.
    public let column: Int

    /// Creates an error for a position in `bytes`, computing line and column.
    init(reason: String, expected: String? = nil, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.reason = reason
        self.expected = expected
        self.offset = offset
        var line = 1
        var lineStart = 0
        // Line/column are only computed when an error is reported (never on the fast path).
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = offset - lineStart + 1
    }

    /// The full message including the position.
    public var description: String {
        let hint = expected.map { "; expected \($0)" } ?? ""
        return "\(reason) at line \(line), column \(column)\(hint)."
    }
}
