/// Rewrites the ECMA-262 constructs whose meaning differs in ICU (NSRegularExpression) so
/// that `pattern` behaves as JSON Schema specifies:
///
/// - `\d`, `\w` (and `\D`, `\W`) are ASCII-only in ECMA-262 but Unicode-aware in ICU, so
///   `^\d+$` would accept Bengali digits. They become explicit ASCII classes.
/// - `\s` (and `\S`) in ECMA-262 include U+FEFF and the Unicode space separators; spelled out.
/// - Inside a character class, an unescaped `[` is a literal in ECMA-262 but opens a nested
///   set in ICU; it is escaped.
///
/// Everything else (anchors, groups, quantifiers, `\p{…}`, escapes) passes through unchanged.
enum ECMARegexTranslation {
    private static let digits = "0-9"
    private static let wordCharacters = "A-Za-z0-9_"
    private static let whitespace = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF"

    static func icuPattern(from source: String) -> String {
        var result = ""
        var inClass = false
        var iterator = source.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\\":
                guard let escaped = iterator.next() else {
                    result.append("\\")
                    continue
                }
                result += translateEscape(escaped, inClass: inClass)
            case "[":
                if inClass {
                    result += "\\["
                } else {
                    inClass = true
                    result.append("[")
                }
            case "]":
                inClass = false
                result.append("]")
            default:
                result.append(character)
            }
        }
        return result
    }

    private static func translateEscape(_ escaped: Character, inClass: Bool) -> String {
        let set: String
        let negated: Bool
        switch escaped {
        case "d": (set, negated) = (digits, false)
        case "D": (set, negated) = (digits, true)
        case "w": (set, negated) = (wordCharacters, false)
        case "W": (set, negated) = (wordCharacters, true)
        case "s": (set, negated) = (whitespace, false)
        case "S": (set, negated) = (whitespace, true)
        default: return "\\" + String(escaped)
        }
        // Inside a class a positive set is spliced in; a negated one becomes an ICU nested set.
        if inClass && !negated { return set }
        return negated ? "[^" + set + "]" : "[" + set + "]"
    }
}
