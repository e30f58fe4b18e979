import Testing

@testable import GraphQLCore

/// Hostile input: huge or deeply nested documents and garbage must give syntax errors,
/// never a crash, a stack overflow or unbounded work.
@Suite struct ParserLimitTests {
    static let depthMessage = "Syntax Error: Document is nested more than 200 levels deep. Parsing aborted."

    @Test func tokenLimit() {
        let text = "{ " + Array(repeating: "a", count: 20).joined(separator: " ") + " }"
        #expect(parseError(text, options: ParseOptions(maxTokens: 22)) == nil)
        let error = parseError(text, options: ParseOptions(maxTokens: 21))
        #expect(error?.message == "Syntax Error: Document contains more than 21 tokens. Parsing aborted.")
        #expect(error?.locations == [SourceLocation(line: 1, column: 43)])
        #expect(parseError(text, options: ParseOptions(maxTokens: nil)) == nil)
    }

    @Test func defaultTokenLimitStopsHugeDocuments() {
        let text = "{ " + String(repeating: "a ", count: 60_000) + "}"
        #expect(parseError(text)?.message == "Syntax Error: Document contains more than 50000 tokens. Parsing aborted.")
    }

    @Test func depthLimitBoundary() {
        func nestedSelections(_ depth: Int) -> String {
            String(repeating: "{ a ", count: depth) + String(repeating: "}", count: depth)
        }
        #expect(parseError(nestedSelections(200)) == nil)
        let error = parseError(nestedSelections(201))
        #expect(error?.message == Self.depthMessage)
        #expect(error?.locations == [SourceLocation(line: 1, column: 801)])
    }

    @Test func deeplyNestedSelectionsFail() {
        let text = String(repeating: "{ a ", count: 10_000) + String(repeating: "}", count: 10_000)
        #expect(parseError(text)?.message == Self.depthMessage)
    }

    @Test func deeplyNestedListValuesFail() {
        let text = "{ f(a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ") }"
        #expect(parseError(text)?.message == Self.depthMessage)
        #expect(throws: GraphQLError.self) { try parseValue(String(repeating: "[", count: 10_000)) }
    }

    @Test func deeplyNestedObjectValuesFail() {
        let text = "{ f(a: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + ") }"
        #expect(parseError(text)?.message == Self.depthMessage)
    }

    @Test func deeplyNestedListTypesFail() {
        let text = "query ($v: " + String(repeating: "[", count: 10_000) + "Int" + String(repeating: "]", count: 10_000) + ") { a }"
        #expect(parseError(text)?.message == Self.depthMessage)
        #expect(throws: GraphQLError.self) { try parseType(String(repeating: "[", count: 10_000)) }
    }

    @Test func nestingCountsAcrossKinds() {
        // 150 selection sets plus 60 nested lists in an argument pass 200 levels together.
        let text = String(repeating: "{ a ", count: 149) + "{ f(x: " + String(repeating: "[", count: 60)
            + String(repeating: "]", count: 60) + ") }" + String(repeating: "}", count: 149)
        #expect(parseError(text)?.message == Self.depthMessage)
        #expect(parseError(text, options: ParseOptions(maxDepth: 250)) == nil)
    }

    @Test func unlimitedOptionsStillBoundDepth() {
        let text = String(repeating: "{ a ", count: 1_000) + String(repeating: "}", count: 1_000)
        #expect(parseError(text, options: .unlimited) == nil)
        #expect(parseError("{ a " + text + " }", options: .unlimited) != nil)
    }

    /// Every prefix and many single-byte corruptions of a rich document either parse or
    /// throw a `GraphQLError`; none may crash.
    @Test func truncatedAndCorruptedDocumentsNeverCrash() {
        let document = #"""
            query Q($a: [Int!]! = [1, 2] @d) @o { f(a: $a, b: {c: "s\u00e9\uD83D\uDE00", d: """
              block \""" text
            """}) { ... on T { x } ...F } }
            "desc" type T implements A & B @k(fields: "id") { f(a: Int = -1.5e3): [T!]! }
            extend schema @x directive @d repeatable on FIELD | QUERY
            """#
        let bytes = Array(document.utf8)
        var outcomes = 0
        for end in 0...bytes.count {
            let prefix = String(decoding: bytes[0..<end], as: UTF8.self)
            if (try? parse(prefix)) != nil { outcomes += 1 }
        }
        let replacements: [UInt8] = Array("{}[]()\"\\$@!.:=|&#\n -1eu".utf8) + [0, 0xFF]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            var corrupted = bytes
            let index = Int(generator.next() % UInt64(bytes.count))
            corrupted[index] = replacements[Int(generator.next() % UInt64(replacements.count))]
            if (try? parse(String(decoding: corrupted, as: UTF8.self))) != nil { outcomes += 1 }
        }
        #expect(outcomes >= 1)  // the full document parses
    }
}

/// A tiny deterministic random number generator, so corruption tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
