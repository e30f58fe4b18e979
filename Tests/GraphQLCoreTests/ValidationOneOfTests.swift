import Testing

@testable import GraphQLCore

/// `@oneOf` input object literals, with graphql-js 16.9+ messages (the differential reference,
/// graphql-js 16.6, predates `@oneOf`, so these are checked here only).
@Suite struct ValidationOneOfTests {
    static let sdl = """
        input OneOfInput @oneOf { stringField: String intField: Int }
        type Query { oneOfArgField(oneOfArg: OneOfInput): String }
        """

    @Test(arguments: [
        (#"{ oneOfArgField(oneOfArg: { stringField: "abc" }) }"#, []),
        (#"query ($s: String!) { oneOfArgField(oneOfArg: { stringField: $s }) }"#, []),
        (
            #"{ oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 }) }"#,
            [#"OneOf Input Object "OneOfInput" must specify exactly one key. @ 1:27"#]
        ),
        (#"{ oneOfArgField(oneOfArg: {}) }"#, [#"OneOf Input Object "OneOfInput" must specify exactly one key. @ 1:27"#]),
        (#"{ oneOfArgField(oneOfArg: { stringField: null }) }"#, [#"Field "OneOfInput.stringField" must be non-null. @ 1:27"#]),
        (
            #"query ($s: String) { oneOfArgField(oneOfArg: { stringField: $s }) }"#,
            [#"Variable "s" must be non-nullable to be used for OneOf Input Object "OneOfInput". @ 1:46"#]
        ),
    ] as [(String, [String])])
    func oneOfLiterals(document: String, expected: [String]) throws {
        let schema = try buildSchema(Self.sdl)
        let source = Source(document)
        let rules = specifiedRules.filter { $0.name == "ValuesOfCorrectTypeRule" }
        #expect(describeErrors(validate(schema: schema, document: try parse(source), source: source, rules: rules)) == expected)
    }
}
