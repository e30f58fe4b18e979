/// A JSON Pointer (RFC 6901): a sequence of reference tokens such as `/items/0/sku`.
///
/// Tokens are stored unescaped, so evaluating a pointer never re-splits or re-decodes text;
/// `description` escapes `~` as `~0` and `/` as `~1`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    public private(set) var tokens: [String]

    /// The pointer to the whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    /// A pointer made of already-unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the string form. Returns nil unless the text is empty or starts with `/`, or if it
    /// contains a `~` not followed by `0` or `1`.
    public init?(_ text: some StringProtocol) {
        guard !text.isEmpty else {
            self.tokens = []
            return
        }
        guard text.first == "/" else { return nil }
        var tokens: [String] = []
        for rawToken in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(rawToken) else { return nil }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// The escaped string form, e.g. `/a~1b/0`.
    public var description: String {
        var text = ""
        for token in tokens {
            text.append("/")
            text.append(JSONPointer.escape(token))
        }
        return text
    }

    /// This pointer with one more token.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// This pointer with one more array index token.
    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The value this pointer designates inside `document`, or nil if there is none.
    /// Array tokens must be canonical decimal indices (`0`, `12`; not `01` or `-`).
    public func evaluate(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = JSONPointer.arrayIndex(token), index < array.count else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Escapes one token: `~` → `~0`, `/` → `~1`.
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        var result = ""
        for character in token {
            switch character {
            case "~": result.append("~0")
            case "/": result.append("~1")
            default: result.append(character)
            }
        }
        return result
    }

    /// Unescapes one token, or nil if it contains an invalid `~` sequence.
    public static func unescape(_ token: some StringProtocol) -> String? {
        guard token.contains("~") else { return String(token) }
        var result = ""
        var iterator = token.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: return nil
            }
        }
        return result
    }

    private static func arrayIndex(_ token: String) -> Int? {
        guard let first = token.utf8.first, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if first == UInt8(ascii: "0") && token.utf8.count > 1 { return nil }
        return Int(token)
    }
}
