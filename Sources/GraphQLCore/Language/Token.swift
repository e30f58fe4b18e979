/// The kinds of lexical token, from the spec's "Lexical Tokens" section.
public enum TokenKind: UInt8, Sendable, Equatable, CustomStringConvertible {
    case startOfFile
    case endOfFile
    case bang
    case dollar
    case ampersand
    case parenLeft
    case parenRight
    case spread
    case colon
    case equals
    case at
    case bracketLeft
    case bracketRight
    case braceLeft
    case pipe
    case braceRight
    case name
    case int
    case float
    case string
    case blockString
    case comment

    /// The spelling graphql-js uses for this kind in error messages.
    public var description: String {
        switch self {
        case .startOfFile: "<SOF>"
        case .endOfFile: "<EOF>"
        case .bang: "!"
        case .dollar: "$"
        case .ampersand: "&"
        case .parenLeft: "("
        case .parenRight: ")"
        case .spread: "..."
        case .colon: ":"
        case .equals: "="
        case .at: "@"
        case .bracketLeft: "["
        case .bracketRight: "]"
        case .braceLeft: "{"
        case .pipe: "|"
        case .braceRight: "}"
        case .name: "Name"
        case .int: "Int"
        case .float: "Float"
        case .string: "String"
        case .blockString: "BlockString"
        case .comment: "Comment"
        }
    }

    /// Whether this kind is a punctuator; punctuators are quoted in error messages.
    var isPunctuator: Bool {
        switch self {
        case .bang, .dollar, .ampersand, .parenLeft, .parenRight, .spread, .colon, .equals, .at,
            .bracketLeft, .bracketRight, .braceLeft, .pipe, .braceRight:
            true
        default:
            false
        }
    }

    /// How error messages name a kind: punctuators quoted (`"}"`), others bare (`Name`).
    var messageDescription: String {
        isPunctuator ? "\"\(description)\"" : description
    }
}

/// One lexical token: its kind, its UTF-8 byte range in the source, and its value.
public struct Token: Sendable, Equatable {
    /// What kind of token this is.
    public let kind: TokenKind
    /// UTF-8 offset of the token's first byte.
    public let start: Int
    /// UTF-8 offset just past the token's last byte.
    public let end: Int
    /// The interpreted value for names, numbers, strings and comments; `nil` for punctuators.
    public let value: String?

    /// Creates a token.
    public init(kind: TokenKind, start: Int, end: Int, value: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
    }

    /// How error messages name this token, e.g. `Name "foo"` or `"}"`.
    var messageDescription: String {
        guard let value else { return kind.messageDescription }
        return kind.messageDescription + " \"" + value + "\""
    }
}
