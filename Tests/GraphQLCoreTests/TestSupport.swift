import Foundation
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

/// Runs a graphql-js reference script with node and returns its JSON output. A missing node or
/// graphql-js, a failing script or unexpected output throws: the differential tests must fail,
/// never skip, when the reference is unavailable.
func runReferenceScript(_ script: URL, arguments: [String]) throws -> [String: Any] {
    guard let node = DifferentialTests.findOnPath("node") else {
        throw DifferentialTests.ReferenceError("`node` was not found on PATH; install nodejs and node-graphql")
    }
    let process = Process()
    process.executableURL = node
    process.arguments = [script.path] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw DifferentialTests.ReferenceError("\(script.lastPathComponent) failed (\(process.terminationStatus)): \(errorText)")
    }
    guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw DifferentialTests.ReferenceError("\(script.lastPathComponent) printed unexpected output")
    }
    return json
}
