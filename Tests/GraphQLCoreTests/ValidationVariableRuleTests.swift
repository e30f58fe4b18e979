import Testing

@testable import GraphQLCore

/// Expected errors (message @ line:column) come from graphql-js 16 running only the rule under test,
/// on the graphql-js validation harness schema (`Corpus/validation/harness/schema.graphql`).
@Suite struct ValidationVariableRuleTests {
    @Test(arguments: [
        ("query Q($a: Int, $b: Int) { dog { name } }", []),
        ("query Q($a: Int, $a: String, $b: Int, $a: Int) { dog { name } }", ["There can be only one variable named \"$a\". @ 1:10,1:19,1:40"]),
    ] as [(String, [String])])
    func uniqueVariableNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "UniqueVariableNamesRule") == expected)
    }

    @Test(arguments: [
        ("query Q($a: Boolean) { dog @include(if: $a) { name } }", []),
        ("query Q { dog @include(if: $a) { name } ...F }\n{ ...F }\nfragment F on QueryRoot { cat @skip(if: $b) { name } }", ["Variable \"$a\" is not defined by operation \"Q\". @ 1:28,1:1", "Variable \"$b\" is not defined by operation \"Q\". @ 3:41,1:1", "Variable \"$b\" is not defined. @ 3:41,2:1"]),
    ] as [(String, [String])])
    func noUndefinedVariables(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "NoUndefinedVariablesRule") == expected)
    }

    @Test(arguments: [
        ("query Q($a: Boolean) { ...F }\nfragment F on QueryRoot { dog @include(if: $a) { name } }", []),
        ("query Q($a: Boolean, $b: Int) { dog { name } }\nquery ($c: Int) { dog { name } }", ["Variable \"$a\" is never used in operation \"Q\". @ 1:9", "Variable \"$b\" is never used in operation \"Q\". @ 1:22", "Variable \"$c\" is never used. @ 2:8"]),
    ] as [(String, [String])])
    func noUnusedVariables(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "NoUnusedVariablesRule") == expected)
    }

    @Test(arguments: [
        ("query Q($a: Int = 1, $b: Boolean!) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $a) } dog @include(if: $b) { name } }", []),
        ("query Q($a: Int, $b: String, $c: [String]) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $a) intArgField(intArg: $b) stringListNonNullArgField(stringListNonNullArg: $c) } }", ["Variable \"$a\" of type \"Int\" used in position expecting type \"Int!\". @ 1:9,1:98", "Variable \"$b\" of type \"String\" used in position expecting type \"Int\". @ 1:18,1:122", "Variable \"$c\" of type \"[String]\" used in position expecting type \"[String!]\". @ 1:30,1:174"]),
    ] as [(String, [String])])
    func variablesInAllowedPosition(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "VariablesInAllowedPositionRule") == expected)
    }
}
