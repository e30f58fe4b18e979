import Testing

@testable import GraphQLCore

/// Our JSON reader and writer: key order kept, output identical to `JSON.stringify`.
@Suite struct JSONTests {
    @Test func roundTripKeepsKeyOrder() throws {
        let text = #"{"z":1,"a":[true,false,null,1.5,-2,"s"],"m":{"y":{},"x":[]}}"#
        #expect(try parseJSON(text).jsonString == text)
    }

    @Test func duplicateKeysKeepTheLastValueInTheFirstPosition() throws {
        #expect(try parseJSON(#"{"a":1,"b":2,"a":3}"#).jsonString == #"{"a":3,"b":2}"#)
    }

    @Test func stringsEscapeLikeJavaScript() throws {
        let value = try parseJSON(#""q\" \\ \n \t \u0001 \u00e9 \ud83d\ude00 /""#)
        #expect(value == .string("q\" \\ \n \t \u{01} é 😀 /"))
        #expect(value.jsonString == #""q\" \\ \n \t \u0001 é 😀 /""#)
    }

    @Test func numbersPrintLikeJavaScript() throws {
        #expect(try parseJSON("[1.0, 1e2, 2.5e-7, 12345678901234567890, -0]").jsonString == "[1,100,2.5e-7,12345678901234567000,0]")
        #expect(GraphQLValue.double(.nan).jsonString == "null")
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "1 2", "{\"a\":1,}"])
    func malformedJSONThrows(_ text: String) {
        #expect(throws: GraphQLError.self) { try parseJSON(text) }
    }

    @Test func resultsSerializeErrorsFirst() {
        let result = GraphQLResult(
            data: ["a": nil],
            errors: [GraphQLError(message: "m", locations: [SourceLocation(line: 1, column: 2)], path: [.key("a"), .index(0)])])
        #expect(result.jsonString == #"{"errors":[{"message":"m","locations":[{"line":1,"column":2}],"path":["a",0]}],"data":{"a":null}}"#)
        #expect(GraphQLResult(data: nil, errors: [GraphQLError(message: "x")]).jsonString == #"{"errors":[{"message":"x"}]}"#)
    }
}
