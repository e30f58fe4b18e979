import Testing

@testable import GraphQLCore

/// Expected errors (message @ line:column) come from graphql-js 16 running only the rule under test,
/// on the graphql-js validation harness schema (`Corpus/validation/harness/schema.graphql`).
@Suite struct ValidationTypeRuleTests {
    @Test(arguments: [
        ("query Foo($a: String, $b: [ComplexInput!]) { dog { name } }", []),
        ("query Foo($a: Strng) { dog { ... on Dgo { name } } }\nfragment F on Peat { name }", ["Unknown type \"Strng\". Did you mean \"String\"? @ 1:15", "Unknown type \"Dgo\". Did you mean \"Dog\"? @ 1:37", "Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"? @ 2:15"]),
    ] as [(String, [String])])
    func knownTypeNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "KnownTypeNamesRule") == expected)
    }

    @Test(arguments: [
        ("fragment F on CatOrDog { __typename }", []),
        ("fragment F on FurColor { x }\n{ dog { ... on Boolean { y } } }", ["Fragment \"F\" cannot condition on non composite type \"FurColor\". @ 1:15", "Fragment cannot condition on non composite type \"Boolean\". @ 2:16"]),
    ] as [(String, [String])])
    func fragmentsOnCompositeTypes(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "FragmentsOnCompositeTypesRule") == expected)
    }

    @Test(arguments: [
        ("query Q($a: [ComplexInput!]!) { dog { name } }", []),
        ("query Q($a: Dog, $b: [[Pet!]]!) { dog { name } }", ["Variable \"$a\" cannot be non-input type \"Dog\". @ 1:13", "Variable \"$b\" cannot be non-input type \"[[Pet!]]!\". @ 1:22"]),
    ] as [(String, [String])])
    func variablesAreInputTypes(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "VariablesAreInputTypesRule") == expected)
    }

    @Test(arguments: [
        ("{ dog { name } }", []),
        ("{ human { pets } dog { barks { x } } }", ["Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"? @ 1:11", "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. @ 1:30"]),
    ] as [(String, [String])])
    func scalarLeafs(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "ScalarLeafsRule") == expected)
    }

    @Test(arguments: [
        ("{ dog { name __typename } catOrDog { __typename } }", []),
        ("{ dog { nme } pet { nickname } catOrDog { name } }", ["Cannot query field \"nme\" on type \"Dog\". Did you mean \"name\"? @ 1:9", "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? @ 1:21", "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? @ 1:43"]),
    ] as [(String, [String])])
    func fieldsOnCorrectType(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "FieldsOnCorrectTypeRule") == expected)
    }
}
