/// Limits and switches for parsing.
///
/// The limits are part of the API: a request document comes from outside, and neither a
/// huge token count nor deep nesting may cost unbounded memory or overflow the stack.
public struct ParseOptions: Sendable, Equatable {
    /// The most tokens (comments excluded) a document may contain; `nil` for no limit.
    public var maxTokens: Int?
    /// The deepest nesting of selection sets, list and object values and list types
    /// together, counted from the top of the document.
    public var maxDepth: Int

    /// Creates options; the defaults suit request documents.
    public init(maxTokens: Int? = 50_000, maxDepth: Int = 200) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
    }

    /// The defaults for request documents.
    public static let `default` = ParseOptions()

    /// For trusted documents such as our own SDL: no token limit, and a nesting limit
    /// that still keeps the stack safe.
    public static let unlimited = ParseOptions(maxTokens: nil, maxDepth: 1_000)
}

/// Parses a GraphQL document (executable definitions, type system definitions or both).
///
/// - Throws: a `GraphQLError` whose message starts with `Syntax Error:` and whose single
///   location is where the problem was found.
public func parse(_ source: Source, options: ParseOptions = .default) throws(GraphQLError) -> DocumentNode {
    var parser = Parser(source: source, options: options)
    return try parser.parseDocument()
}

/// Parses a GraphQL document from a string; see `parse(_:options:)`.
public func parse(_ text: String, options: ParseOptions = .default) throws(GraphQLError) -> DocumentNode {
    try parse(Source(text), options: options)
}

/// Parses a single input value, such as `[1, {a: $b}]`; variables are allowed.
public func parseValue(_ text: String, options: ParseOptions = .default) throws(GraphQLError) -> ValueNode {
    var parser = Parser(source: Source(text), options: options)
    try parser.expectToken(.startOfFile)
    let value = try parser.parseValueLiteral(isConst: false)
    try parser.expectToken(.endOfFile)
    return value
}

/// Parses a single constant input value; variables are a syntax error.
public func parseConstValue(_ text: String, options: ParseOptions = .default) throws(GraphQLError) -> ValueNode {
    var parser = Parser(source: Source(text), options: options)
    try parser.expectToken(.startOfFile)
    let value = try parser.parseValueLiteral(isConst: true)
    try parser.expectToken(.endOfFile)
    return value
}

/// Parses a type reference, such as `[String!]!`.
public func parseType(_ text: String, options: ParseOptions = .default) throws(GraphQLError) -> TypeNode {
    var parser = Parser(source: Source(text), options: options)
    try parser.expectToken(.startOfFile)
    let type = try parser.parseTypeReference()
    try parser.expectToken(.endOfFile)
    return type
}

/// A recursive-descent parser with one method per grammar production.
///
/// The production each method parses is quoted above it. The grammar helpers below
/// (`many`, `optionalMany`, ...) mirror the spec's list notations, so methods read like
/// the productions they implement. Error messages match graphql-js 16 word for word.
struct Parser {
    var lexer: Lexer
    let options: ParseOptions
    private var tokenCount = 0
    private var depth = 0

    init(source: Source, options: ParseOptions) {
        self.lexer = Lexer(source: source)
        self.options = options
    }

    // MARK: - Locations

    /// The location from `start` to the end of the last token consumed.
    @inline(__always)
    func loc(from start: RawToken) -> Location {
        Location(start: start.start, end: lexer.last.end)
    }

    // MARK: - Limits

    /// Moves to the next token, enforcing `maxTokens`.
    mutating func advance() throws(GraphQLError) {
        let token = try lexer.advanceRaw()
        guard token.kind != .endOfFile, let maxTokens = options.maxTokens else { return }
        tokenCount += 1
        if tokenCount > maxTokens {
            throw syntaxError("Document contains more than \(maxTokens) tokens. Parsing aborted.", at: token.start)
        }
    }

    /// Runs `body` one nesting level deeper, failing cleanly beyond `maxDepth` instead of
    /// letting hostile input exhaust the stack.
    mutating func nested<T>(_ body: (inout Parser) throws(GraphQLError) -> T) throws(GraphQLError) -> T {
        depth += 1
        if depth > options.maxDepth {
            throw syntaxError(
                "Document is nested more than \(options.maxDepth) levels deep. Parsing aborted.",
                at: lexer.current.start)
        }
        let result = try body(&self)
        depth -= 1
        return result
    }

    // MARK: - Token expectations

    func peek(_ kind: TokenKind) -> Bool {
        lexer.current.kind == kind
    }

    /// Consumes a token of `kind` and returns it, or fails with `Expected …, found ….`
    @discardableResult
    mutating func expectToken(_ kind: TokenKind) throws(GraphQLError) -> RawToken {
        let token = lexer.current
        guard token.kind == kind else {
            throw syntaxError(
                "Expected \(kind.messageDescription), found \(describe(token)).", at: token.start)
        }
        try advance()
        return token
    }

    /// Consumes a token of `kind` if it is next, and says whether it did.
    mutating func expectOptionalToken(_ kind: TokenKind) throws(GraphQLError) -> Bool {
        guard lexer.current.kind == kind else { return false }
        try advance()
        return true
    }

    /// Consumes the keyword `value` (a name token), or fails with `Expected "…", found ….`
    mutating func expectKeyword(_ value: StaticString) throws(GraphQLError) {
        let token = lexer.current
        guard token.kind == .name, lexer.isText(of: token, value) else {
            throw syntaxError("Expected \"\(value)\", found \(describe(token)).", at: token.start)
        }
        try advance()
    }

    /// Consumes the keyword `value` if it is next, and says whether it did.
    mutating func expectOptionalKeyword(_ value: StaticString) throws(GraphQLError) -> Bool {
        guard lexer.current.kind == .name, lexer.isText(of: lexer.current, value) else { return false }
        try advance()
        return true
    }

    /// The error for a token that no production allows here.
    func unexpected(_ token: RawToken? = nil) -> GraphQLError {
        let token = token ?? lexer.current
        return syntaxError("Unexpected \(describe(token)).", at: token.start)
    }

    /// Whether the token's value is `keyword`: a name spelled so, or a string whose value it is.
    func hasValue(_ token: RawToken, _ keyword: StaticString) -> Bool {
        switch token.kind {
        case .name: lexer.isText(of: token, keyword)
        case .string, .blockString: (try? lexer.value(of: token)) == keyword.description
        default: false  // numbers cannot spell a keyword, and punctuators have no value
        }
    }

    /// How error messages name a token, e.g. `Name "foo"` or `"}"`.
    func describe(_ token: RawToken) -> String {
        lexer.materialize(token).messageDescription
    }

    func syntaxError(_ description: String, at offset: Int) -> GraphQLError {
        GraphQLError.syntax(description, source: lexer.source, offset: offset)
    }

    // MARK: - List notations

    /// `open item* close`: possibly empty, delimiters required.
    mutating func zeroOrMore<T>(
        _ open: TokenKind, _ close: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        try expectToken(open)
        var nodes: [T] = []
        while try !expectOptionalToken(close) {
            nodes.append(try item(&self))
        }
        return nodes
    }

    /// `(open item+ close)?`: absent, or delimited and non-empty.
    mutating func optionalMany<T>(
        _ open: TokenKind, _ close: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        guard try expectOptionalToken(open) else { return [] }
        var nodes: [T] = []
        repeat {
            nodes.append(try item(&self))
        } while try !expectOptionalToken(close)
        return nodes
    }

    /// `open item+ close`: delimited and non-empty.
    mutating func many<T>(
        _ open: TokenKind, _ close: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        try expectToken(open)
        var nodes: [T] = []
        repeat {
            nodes.append(try item(&self))
        } while try !expectOptionalToken(close)
        return nodes
    }

    /// `delimiter? item (delimiter item)*`, as in `implements & A & B` or `= | A | B`.
    mutating func delimitedMany<T>(
        _ delimiter: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        _ = try expectOptionalToken(delimiter)
        var nodes: [T] = []
        repeat {
            nodes.append(try item(&self))
        } while try expectOptionalToken(delimiter)
        return nodes
    }
}
