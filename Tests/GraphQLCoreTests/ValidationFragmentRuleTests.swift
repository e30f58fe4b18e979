import Testing

@testable import GraphQLCore

/// Expected errors (message @ line:column) come from graphql-js 16 running only the rule under test,
/// on the graphql-js validation harness schema (`Corpus/validation/harness/schema.graphql`).
@Suite struct ValidationFragmentRuleTests {
    @Test(arguments: [
        ("fragment A on Dog { name }\nfragment B on Dog { name }", []),
        ("fragment A on Dog { name }\nfragment A on Dog { barks }", ["There can be only one fragment named \"A\". @ 1:10,2:10"]),
    ] as [(String, [String])])
    func uniqueFragmentNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "UniqueFragmentNamesRule") == expected)
    }

    @Test(arguments: [
        ("{ dog { ...A } }\nfragment A on Dog { name }", []),
        ("{ dog { ...Missing ... on Dog { ...AlsoMissing } } }", ["Unknown fragment \"Missing\". @ 1:12", "Unknown fragment \"AlsoMissing\". @ 1:36"]),
    ] as [(String, [String])])
    func knownFragmentNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "KnownFragmentNamesRule") == expected)
    }

    @Test(arguments: [
        ("{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }", []),
        ("{ dog { name } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }", ["Fragment \"A\" is never used. @ 2:1", "Fragment \"B\" is never used. @ 3:1"]),
    ] as [(String, [String])])
    func noUnusedFragments(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "NoUnusedFragmentsRule") == expected)
    }

    @Test(arguments: [
        ("{ pet { ... on Dog { barks } } catOrDog { ...P } }\nfragment P on Pet { name }", []),
        ("{ cat { ... on Dog { barks } ...D } human { ...P } }\nfragment D on Dog { name }\nfragment P on Pet { name }", ["Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". @ 1:9", "Fragment \"D\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". @ 1:30", "Fragment \"P\" cannot be spread here as objects of type \"Human\" can never be of type \"Pet\". @ 1:45"]),
    ] as [(String, [String])])
    func possibleFragmentSpreads(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "PossibleFragmentSpreadsRule") == expected)
    }

    @Test(arguments: [
        ("fragment A on Dog { ...B }\nfragment B on Dog { name }", []),
        ("fragment A on Dog { ...A }\nfragment B on Dog { ...C }\nfragment C on Dog { mother { ...D } }\nfragment D on Dog { ...B }", ["Cannot spread fragment \"A\" within itself. @ 1:21", "Cannot spread fragment \"B\" within itself via \"C\", \"D\". @ 2:21,3:30,4:21"]),
    ] as [(String, [String])])
    func noFragmentCycles(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "NoFragmentCyclesRule") == expected)
    }
}
