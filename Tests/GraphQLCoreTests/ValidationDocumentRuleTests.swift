import Testing

@testable import GraphQLCore

/// Expected errors (message @ line:column) come from graphql-js 16 running only the rule under test,
/// on the graphql-js validation harness schema (`Corpus/validation/harness/schema.graphql`).
@Suite struct ValidationDocumentRuleTests {
    @Test(arguments: [
        ("query Foo { dog { name } }", []),
        ("query Foo { dog { name } }\ntype Cow { name: String }\nextend schema @onQuery", ["The \"Cow\" definition is not executable. @ 2:1", "The schema definition is not executable. @ 3:1"]),
    ] as [(String, [String])])
    func executableDefinitions(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "ExecutableDefinitionsRule") == expected)
    }

    @Test(arguments: [
        ("query Foo { dog { name } }\nquery Bar { dog { name } }", []),
        ("query Foo { dog { name } }\nmutation Foo { addPet(name: \"a\") { name } }", ["There can be only one operation named \"Foo\". @ 1:7,2:10"]),
    ] as [(String, [String])])
    func uniqueOperationNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "UniqueOperationNamesRule") == expected)
    }

    @Test(arguments: [
        ("{ dog { name } }", []),
        ("{ dog { name } }\n{ cat { name } }", ["This anonymous operation must be the only defined operation. @ 1:1", "This anonymous operation must be the only defined operation. @ 2:1"]),
    ] as [(String, [String])])
    func loneAnonymousOperation(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "LoneAnonymousOperationRule") == expected)
    }

    @Test(arguments: [
        ("subscription S { importantEmails }", []),
        ("subscription S { importantEmails ...F }\nfragment F on SubscriptionRoot { spamEmails spamEmails }", ["Subscription \"S\" must select only one top level field. @ 2:34,2:45"]),
        ("subscription { __typename }", ["Anonymous Subscription must not select an introspection top level field. @ 1:16"]),
    ] as [(String, [String])])
    func singleFieldSubscriptions(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "SingleFieldSubscriptionsRule") == expected)
    }
}
