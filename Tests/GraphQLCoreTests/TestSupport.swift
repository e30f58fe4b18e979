@testable import GraphQLCore

/// The first token of `text`, as the parser would see it.
func lexOne(_ text: String) throws(GraphQLError) -> Token {
    var lexer = Lexer(source: Source(text))
    return try lexer.advance()
}

/// All tokens of `text` up to end of file, comments skipped.
func lexAll(_ text: String) throws(GraphQLError) -> [Token] {
    var lexer = Lexer(source: Source(text))
    var tokens: [Token] = []
    while true {
        let token = try lexer.advance()
        if token.kind == .endOfFile { return tokens }
        tokens.append(token)
    }
}

/// The error that lexing the first token of `text` throws, if any.
func lexError(_ text: String) -> GraphQLError? {
    do {
        _ = try lexOne(text)
        return nil
    } catch {
        return error
    }
}

/// The error that parsing `text` throws, if any.
func parseError(_ text: String, options: ParseOptions = .default) -> GraphQLError? {
    do {
        _ = try parse(text, options: options)
        return nil
    } catch {
        return error
    }
}

/// The source text a node spans.
func text(of location: Location, in source: String) -> String {
    let bytes = Array(source.utf8)
    return String(decoding: bytes[location.start..<location.end], as: UTF8.self)
}
