import Testing

@testable import GraphQLCore

/// Expected errors (message @ line:column) come from graphql-js 16 running only the rule under test,
/// on the graphql-js validation harness schema (`Corpus/validation/harness/schema.graphql`).
@Suite struct ValidationDirectiveArgumentRuleTests {
    @Test(arguments: [
        ("query Q @onQuery { dog @include(if: true) { name @onField } }", []),
        ("query Q @onField { dog @unknown { name @onQuery } ... @onField { cat { name } } }", ["Directive \"@onField\" may not be used on QUERY. @ 1:9", "Unknown directive \"@unknown\". @ 1:24", "Directive \"@onQuery\" may not be used on FIELD. @ 1:40", "Directive \"@onField\" may not be used on INLINE_FRAGMENT. @ 1:55"]),
    ] as [(String, [String])])
    func knownDirectives(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "KnownDirectivesRule") == expected)
    }

    @Test(arguments: [
        ("{ dog @repeatable @repeatable { name @onField @skip(if: true) } }", []),
        ("{ dog @onField @onField { name @skip(if: true) @skip(if: false) @skip(if: true) } }", ["The directive \"@onField\" can only be used once at this location. @ 1:7,1:16", "The directive \"@skip\" can only be used once at this location. @ 1:32,1:48", "The directive \"@skip\" can only be used once at this location. @ 1:32,1:65"]),
    ] as [(String, [String])])
    func uniqueDirectivesPerLocation(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "UniqueDirectivesPerLocationRule") == expected)
    }

    @Test(arguments: [
        ("{ dog { doesKnowCommand(dogCommand: SIT) } }", []),
        ("{ dog @skip(iff: true) { doesKnowCommand(dogcommand: SIT) name(unknown: 1) } }", ["Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"? @ 1:13", "Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? @ 1:42", "Unknown argument \"unknown\" on field \"Dog.name\". @ 1:64"]),
    ] as [(String, [String])])
    func knownArgumentNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "KnownArgumentNamesRule") == expected)
    }

    @Test(arguments: [
        ("{ dog { isAtLocation(x: 1, y: 2) } }", []),
        ("{ dog @skip(if: true, if: false) { isAtLocation(x: 1, x: 2, y: 1, x: 3) } }", ["There can be only one argument named \"if\". @ 1:13,1:23", "There can be only one argument named \"x\". @ 1:49,1:55,1:67"]),
    ] as [(String, [String])])
    func uniqueArgumentNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "UniqueArgumentNamesRule") == expected)
    }

    @Test(arguments: [
        ("{ complicatedArgs { multipleReqs(req1: 1, req2: 2) nonNullFieldWithDefault } }", []),
        ("{ dog @skip { name } complicatedArgs { multipleReqs nonNullIntArgField } }", ["Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @ 1:7", "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided. @ 1:40", "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. @ 1:40", "Field \"nonNullIntArgField\" argument \"nonNullIntArg\" of type \"Int!\" is required, but it was not provided. @ 1:53"]),
    ] as [(String, [String])])
    func providedRequiredArguments(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "ProvidedRequiredArgumentsRule") == expected)
    }
}
