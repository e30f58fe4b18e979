import CompatSubgraph
import GraphQLCore
import Hummingbird
import HummingbirdTesting
import Testing

/// Sends requests to the compatibility subgraph the way the suite's `productsRequest` does:
/// `POST /graphql` with a JSON body, over Hummingbird's in-process test client.
enum CompatClient {
    /// The response of one request, parsed as JSON.
    static func request(
        _ query: String, variables: GraphQLObject? = nil, headers extra: [(String, String)] = []
    ) async throws -> GraphQLValue {
        var body = GraphQLObject([("query", .string(query))])
        if let variables { body["variables"] = .object(variables) }
        var headers: HTTPFields = [.contentType: "application/json", .accept: "application/json"]
        for (name, value) in extra {
            let fieldName = try #require(HTTPFields.Element.Name(name))
            headers.append(HTTPFields.Element(name: fieldName, value: value))
        }
        let app = Application(router: try makeCompatSubgraphRouter())
        let requestHeaders = headers
        let text = GraphQLValue.object(body).jsonString
        return try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/graphql", method: .post, headers: requestHeaders, body: ByteBuffer(string: text))
            #expect(response.status == .ok)
            return try parseJSON(String(buffer: response.body))
        }
    }

    /// `_service { sdl }`, as the suite normalises it with graphql-js `stripIgnoredCharacters`.
    static func normalizedServiceSDL() async throws -> String {
        let response = try await request("query { _service { sdl } }")
        guard case .string(let sdl)? = response["data"]?["_service"]?["sdl"] else {
            Issue.record("No _service.sdl in \(response.jsonString)")
            return ""
        }
        return try stripIgnoredCharacters(sdl)
    }

    /// `_entities` over the given representations, selecting `selection`.
    static func entities(_ representations: [GraphQLValue], selection: String) async throws -> GraphQLValue {
        try await request(
            "query ($representations: [_Any!]!) { _entities(representations: $representations) { \(selection) } }",
            variables: GraphQLObject([("representations", .list(representations))]))
    }
}

/// graphql-js `stripIgnoredCharacters`: the tokens of a document with no whitespace, commas or
/// comments, and one space only between two tokens that would otherwise merge.
func stripIgnoredCharacters(_ text: String) throws -> String {
    let source = Source(text)
    let bytes = Array(text.utf8)
    var lexer = Lexer(source: source)
    var output = ""
    var lastWasNonPunctuator = false
    while true {
        let token = try lexer.advance()
        if token.kind == .endOfFile { break }
        if token.kind == .comment { continue }
        let punctuator: Bool
        switch token.kind {
        case .name, .int, .float, .string, .blockString: punctuator = false
        default: punctuator = true
        }
        if lastWasNonPunctuator && (!punctuator || token.kind == .spread) { output += " " }
        output += String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        lastWasNonPunctuator = !punctuator
    }
    return output
}

/// Whether `text` matches a regular expression written as in the suite's JavaScript tests.
func matches(_ text: String, _ pattern: String) throws -> Bool {
    try Regex(pattern).firstMatch(in: text) != nil
}

/// All the matches of a pattern, each as its whole text and first capture (JavaScript `match` with `g`).
func allMatches(_ text: String, _ pattern: String) throws -> [(whole: String, first: String?)] {
    text.matches(of: try Regex(pattern)).map { match in
        (String(text[match.range]), match.output.count > 1 ? match.output[1].substring.map(String.init) : nil)
    }
}

/// Jest's `toMatchObject`: every key of an expected object matches (extra keys are allowed),
/// arrays match element by element with the same length, numbers compare by value.
func matchesObject(_ actual: GraphQLValue?, _ expected: GraphQLValue) -> Bool {
    guard let actual else { return false }
    switch (actual, expected) {
    case (.object(let object), .object(let pattern)):
        return pattern.entries.allSatisfy { key, value in matchesObject(object[key], value) }
    case (.list(let items), .list(let patterns)):
        return items.count == patterns.count && zip(items, patterns).allSatisfy { matchesObject($0, $1) }
    case (.int(let int), .double(let double)), (.double(let double), .int(let int)):
        return Double(int) == double
    default:
        return actual == expected
    }
}

/// Whether a response has an `errors` entry (the suite's `not.toHaveProperty('errors')`).
func hasErrors(_ response: GraphQLValue) -> Bool { response["errors"] != nil }

extension GraphQLValue {
    /// The item at `index` when this is a list, else `nil`.
    subscript(index: Int) -> GraphQLValue? {
        if case .list(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }
}
