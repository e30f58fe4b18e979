/// A token without its value: what the parser moves through. It holds no reference, so
/// copying it costs no reference counting; names, numbers and strings are read from the
/// source bytes only when the AST needs them.
struct RawToken: Sendable, Equatable {
    let kind: TokenKind
    let start: Int
    let end: Int
}

/// Splits a `Source` into tokens on demand, one token ahead of the parser.
///
/// Works directly on UTF-8 bytes. Every token is read from the end of the previous one,
/// so the lexer holds no state besides the current token, the one before it and an
/// optional cached look-ahead token. Comments are skipped by `advance()` and
/// `lookahead()`; `readToken(at:)` returns them for tools that want them.
///
/// Internally tokens are `RawToken`s (kind and byte range); the public `Token`s, with
/// their values, are made on request.
public struct Lexer: Sendable {
    /// The source being read.
    public let source: Source
    /// The bytes of `source`, bound once so hot loops index a local array.
    let bytes: [UInt8]
    /// The token the parser is looking at, without its value.
    private(set) var current: RawToken
    /// The token before `current`; AST locations end where it ends.
    private(set) var last: RawToken
    /// The token after `current`, once someone has asked for it.
    private var cachedLookahead: RawToken?

    /// Creates a lexer positioned at the start-of-file token.
    public init(source: Source) {
        self.source = source
        self.bytes = source.bytes
        let startOfFile = RawToken(kind: .startOfFile, start: 0, end: 0)
        self.current = startOfFile
        self.last = startOfFile
    }

    /// The token the parser is looking at.
    public var token: Token { materialize(current) }

    /// The token before `token`; AST locations end where it ends.
    public var lastToken: Token { materialize(last) }

    /// Moves to the next token that is not a comment and returns it.
    @discardableResult
    public mutating func advance() throws(GraphQLError) -> Token {
        materialize(try advanceRaw())
    }

    /// Returns the next token that is not a comment without moving to it.
    public mutating func lookahead() throws(GraphQLError) -> Token {
        materialize(try lookaheadRaw())
    }

    /// Moves to the next token that is not a comment and returns it, without its value.
    @inline(__always)
    mutating func advanceRaw() throws(GraphQLError) -> RawToken {
        let next = try lookaheadRaw()
        last = current
        current = next
        cachedLookahead = nil
        return next
    }

    /// Returns the next token that is not a comment, without its value and without moving.
    mutating func lookaheadRaw() throws(GraphQLError) -> RawToken {
        if current.kind == .endOfFile { return current }
        if let cachedLookahead { return cachedLookahead }
        var next = try readRawToken(at: current.end)
        while next.kind == .comment {
            next = try readRawToken(at: next.end)
        }
        cachedLookahead = next
        return next
    }

    /// Reads the token that starts at or after `start`, with its value; comments included.
    func readToken(at start: Int) throws(GraphQLError) -> Token {
        let raw = try readRawToken(at: start)
        return Token(kind: raw.kind, start: raw.start, end: raw.end, value: try value(of: raw))
    }

    /// The token with its value. `raw` was read by this lexer, so reading it again cannot fail.
    func materialize(_ raw: RawToken) -> Token {
        Token(kind: raw.kind, start: raw.start, end: raw.end, value: (try? value(of: raw)) ?? nil)
    }

    /// The interpreted value of a token read by this lexer: `nil` for punctuators.
    func value(of raw: RawToken) throws(GraphQLError) -> String? {
        switch raw.kind {
        case .name, .int, .float: text(raw.start, raw.end)
        case .comment: text(raw.start + 1, raw.end)
        case .string: try readString(at: raw.start).value
        case .blockString: try readBlockString(at: raw.start).value
        default: nil
        }
    }

    /// The source text of a token.
    @inline(__always)
    func text(of raw: RawToken) -> String {
        text(raw.start, raw.end)
    }

    /// Whether a token's text is exactly `keyword` (compared as bytes, without making a String).
    func isText(of raw: RawToken, _ keyword: StaticString) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard raw.end - raw.start == length else { return false }
        let pointer = keyword.utf8Start
        for index in 0..<length where bytes[raw.start + index] != pointer[index] {
            return false
        }
        return true
    }

    /// Reads the token that starts at or after `start`, skipping ignored tokens
    /// (white space, line terminators, commas and the byte order mark).
    func readRawToken(at start: Int) throws(GraphQLError) -> RawToken {
        var position = start
        let count = bytes.count
        while position < count {
            let code = bytes[position]
            switch code {
            case 0x09, 0x20, 0x2C, 0x0A, 0x0D:  // tab, space, comma, LF, CR
                position += 1
                continue
            case 0xEF where byte(at: position + 1) == 0xBB && byte(at: position + 2) == 0xBF:  // BOM
                position += 3
                continue
            case 0x23: return readComment(at: position)
            case 0x21: return punctuator(.bang, at: position)
            case 0x24: return punctuator(.dollar, at: position)
            case 0x26: return punctuator(.ampersand, at: position)
            case 0x28: return punctuator(.parenLeft, at: position)
            case 0x29: return punctuator(.parenRight, at: position)
            case 0x2E where byte(at: position + 1) == 0x2E && byte(at: position + 2) == 0x2E:
                return RawToken(kind: .spread, start: position, end: position + 3)
            case 0x3A: return punctuator(.colon, at: position)
            case 0x3D: return punctuator(.equals, at: position)
            case 0x40: return punctuator(.at, at: position)
            case 0x5B: return punctuator(.bracketLeft, at: position)
            case 0x5D: return punctuator(.bracketRight, at: position)
            case 0x7B: return punctuator(.braceLeft, at: position)
            case 0x7C: return punctuator(.pipe, at: position)
            case 0x7D: return punctuator(.braceRight, at: position)
            case 0x22:
                if byte(at: position + 1) == 0x22 && byte(at: position + 2) == 0x22 {
                    let token = try readBlockString(at: position)
                    return RawToken(kind: .blockString, start: token.start, end: token.end)
                }
                let token = try readString(at: position)
                return RawToken(kind: .string, start: token.start, end: token.end)
            default:
                break
            }
            if Self.isDigit(code) || code == 0x2D {
                return try readNumber(at: position)
            }
            if Self.isNameStart(code) {
                return readName(at: position)
            }
            if code == 0x27 {
                throw syntaxError(
                    "Unexpected single quote character ('), did you mean to use a double quote (\")?",
                    at: position)
            }
            throw syntaxError("Unexpected character: \(describeCharacter(at: position)).", at: position)
        }
        return RawToken(kind: .endOfFile, start: count, end: count)
    }

    @inline(__always)
    private func punctuator(_ kind: TokenKind, at position: Int) -> RawToken {
        RawToken(kind: kind, start: position, end: position + 1)
    }

    /// ```
    /// Comment :: # CommentChar* [lookahead != CommentChar]
    /// CommentChar :: SourceCharacter but not LineTerminator
    /// ```
    private func readComment(at start: Int) -> RawToken {
        var position = start + 1
        while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D {
            position += 1
        }
        return RawToken(kind: .comment, start: start, end: position)
    }

    /// ```
    /// Name :: NameStart NameContinue* [lookahead != NameContinue]
    /// ```
    private func readName(at start: Int) -> RawToken {
        var position = start + 1
        while position < bytes.count, Self.isNameContinue(bytes[position]) {
            position += 1
        }
        return RawToken(kind: .name, start: start, end: position)
    }

    // MARK: - Helpers shared by the lexer's files

    /// The byte at `index`, or 0 past the end (0 matches no test that looks ahead).
    @inline(__always)
    func byte(at index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    /// The source text between two byte offsets.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func syntaxError(_ description: String, at offset: Int) -> GraphQLError {
        GraphQLError.syntax(description, source: source, offset: offset)
    }

    /// Names the character at `position` the way graphql-js does in messages:
    /// printable ASCII quoted (`"?"`, or `'"'` for a double quote), anything else
    /// as `U+XXXX`, and `<EOF>` past the end.
    func describeCharacter(at position: Int) -> String {
        guard position < bytes.count else { return TokenKind.endOfFile.description }
        let scalar = decodeScalar(at: position).value
        if scalar >= 0x20 && scalar <= 0x7E {
            return scalar == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(UInt8(scalar))))\""
        }
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Decodes the UTF-8 scalar starting at `position`; malformed bytes decode as U+FFFD.
    func decodeScalar(at position: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[position]
        let length: Int
        switch lead {
        case 0x00..<0x80: return (UInt32(lead), 1)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return (0xFFFD, 1)
        }
        guard position + length <= bytes.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for index in (position + 1)..<(position + length) {
            value = value << 6 | UInt32(bytes[index] & 0x3F)
        }
        return (value, length)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `NameStart :: Letter | _`
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    /// `NameContinue :: Letter | Digit | _`
    @inline(__always)
    static func isNameContinue(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }
}
