/// Parses template text into `Template.Part`s.
///
/// Grammar (whitespace inside the braces is ignored):
/// ```
/// template   = *( literal / "{{" reference "}}" )
/// reference  = "secret:" secret-path / root *( "." name / "[" digits "]" / "[" quoted "]" )
/// root       = "input" / "steps" / "env" / "item" / "index"
/// name       = ( ALPHA / "_" ) *( ALPHA / DIGIT / "_" / "-" )
/// secret-path = segment *( "/" segment ), segment = 1*( ALPHA / DIGIT / "_" / "." / "-" ), not "." or ".."
/// ```
/// `steps` must continue with `.<id>.output`; `env` with exactly one `.NAME`; `index` with nothing.
enum TemplateParser {
    static func parseParts(_ text: String) throws(TemplateSyntaxError) -> [Template.Part] {
        let characters = Array(text)
        var parts: [Template.Part] = []
        var literal = ""
        var index = 0
        while index < characters.count {
            guard characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" else {
                literal.append(characters[index])
                index += 1
                continue
            }
            var close = index + 2
            while close + 1 < characters.count && !(characters[close] == "}" && characters[close + 1] == "}") { close += 1 }
            guard close + 1 < characters.count else {
                throw TemplateSyntaxError(template: text, reason: "\"{{\" is never closed with \"}}\"", position: index + 1)
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            var scanner = ReferenceScanner(characters: characters[(index + 2)..<close], template: text)
            parts.append(.reference(try scanner.parse()))
            index = close + 2
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// `[A-Za-z_][A-Za-z0-9_-]*`: keys that can be written after a dot.
    static func isIdentifier(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first, isIdentifierStart(first) else { return false }
        return text.unicodeScalars.allSatisfy(isIdentifierContinue)
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
    }

    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || (scalar >= "0" && scalar <= "9") || scalar == "-"
    }

    /// Checks a vault path such as `payments/api-key`; returns the reason it is invalid, or nil.
    static func secretPathProblem(_ path: String) -> String? {
        guard !path.isEmpty else { return "a secret reference needs a path, e.g. {{secret:payments/api-key}}" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, segment != ".", segment != ".." else {
                return "secret path \"\(path)\" has an empty, \".\" or \"..\" segment"
            }
            let allowed = segment.unicodeScalars.allSatisfy { isIdentifierContinue($0) || $0 == "." }
            guard allowed else { return "secret path \"\(path)\" may only use letters, digits, \"_\", \".\", \"-\" and \"/\"" }
        }
        return nil
    }
}

/// Reads the text between one pair of braces; indices are positions in the whole template.
private struct ReferenceScanner {
    let characters: ArraySlice<Character>
    let template: String
    private var position: Int
    private let end: Int

    init(characters: ArraySlice<Character>, template: String) {
        var start = characters.startIndex, end = characters.endIndex
        while start < end && characters[start].isWhitespace { start += 1 }
        while end > start && characters[end - 1].isWhitespace { end -= 1 }
        self.characters = characters
        self.template = template
        self.position = start
        self.end = end
    }

    private func failure(_ reason: String, at index: Int? = nil) -> TemplateSyntaxError {
        TemplateSyntaxError(template: template, reason: reason, position: (index ?? position) + 1)
    }

    mutating func parse() throws(TemplateSyntaxError) -> TemplateReference {
        guard position < end else { throw failure("empty reference \"{{}}\"") }
        let text = String(characters[position..<end])
        if text.hasPrefix("secret:") {
            let path = String(text.dropFirst("secret:".count))
            if let problem = TemplateParser.secretPathProblem(path) { throw failure(problem, at: position + 7) }
            return TemplateReference(root: .secret(path))
        }
        let rootStart = position
        let root = try name()
        var path: [TemplatePathComponent] = []
        while position < end { path.append(try component()) }
        return try interpret(root: root, path: path, at: rootStart)
    }

    private mutating func interpret(root: String, path: [TemplatePathComponent], at start: Int) throws(TemplateSyntaxError) -> TemplateReference {
        switch root {
        case "input": return TemplateReference(root: .input, path: path)
        case "item": return TemplateReference(root: .item, path: path)
        case "index":
            guard path.isEmpty else { throw failure("\"index\" is a number and has no members", at: start) }
            return TemplateReference(root: .index)
        case "env":
            guard path.count == 1, case .key(let name) = path[0], !name.contains("-") else {
                throw failure("expected env.NAME, where NAME uses letters, digits and \"_\"", at: start)
            }
            return TemplateReference(root: .env(name))
        case "steps":
            guard path.count >= 2, case .key(let id) = path[0], path[1] == .key("output") else {
                throw failure("expected steps.<id>.output, e.g. {{steps.quote.output.price}}", at: start)
            }
            return TemplateReference(root: .step(id), path: Array(path.dropFirst(2)))
        case "secret":
            throw failure("secret references are written with a colon, e.g. {{secret:payments/api-key}}", at: start)
        default:
            throw failure("unknown reference \"\(root)\"; expected input, steps, env, secret:, item or index", at: start)
        }
    }

    private mutating func name() throws(TemplateSyntaxError) -> String {
        let start = position
        guard position < end, let first = characters[position].unicodeScalars.first,
              characters[position].unicodeScalars.count == 1, TemplateParser.isIdentifierStart(first) else {
            throw failure(position < end ? "unexpected character \"\(characters[position])\"" : "expected a name")
        }
        position += 1
        while position < end, characters[position].unicodeScalars.count == 1,
              let scalar = characters[position].unicodeScalars.first, TemplateParser.isIdentifierContinue(scalar) {
            position += 1
        }
        return String(characters[start..<position])
    }

    private mutating func component() throws(TemplateSyntaxError) -> TemplatePathComponent {
        switch characters[position] {
        case ".":
            position += 1
            guard position < end else { throw failure("expected a name after \".\"") }
            return .key(try name())
        case "[":
            position += 1
            let component = try bracketContent()
            guard position < end, characters[position] == "]" else { throw failure("expected \"]\"") }
            position += 1
            return component
        default:
            throw failure("unexpected character \"\(characters[position])\"; expected \".\" or \"[\"")
        }
    }

    private mutating func bracketContent() throws(TemplateSyntaxError) -> TemplatePathComponent {
        guard position < end else { throw failure("expected an index or a quoted key after \"[\"") }
        if characters[position] == "\"" {
            position += 1
            var key = ""
            while position < end && characters[position] != "\"" {
                if characters[position] == "\\" && position + 1 < end { position += 1 }
                key.append(characters[position])
                position += 1
            }
            guard position < end else { throw failure("unterminated quoted key") }
            position += 1
            return .key(key)
        }
        let start = position
        while position < end, characters[position].isASCII, characters[position].isNumber { position += 1 }
        let digits = String(characters[start..<position])
        guard !digits.isEmpty, digits == "0" || !digits.hasPrefix("0"), let index = Int(digits) else {
            throw failure("expected an index such as [0] or a quoted key such as [\"name\"]", at: start)
        }
        return .index(index)
    }
}
