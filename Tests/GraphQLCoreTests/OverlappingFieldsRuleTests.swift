import Testing

@testable import GraphQLCore

/// Expected errors (message @ line:column) come from graphql-js 16 running only the rule under test,
/// on the graphql-js validation harness schema (`Corpus/validation/harness/schema.graphql`).
@Suite struct OverlappingFieldsRuleTests {
    @Test(arguments: [
        ("{ dog { name name n: name } }", []),
        ("{ dog { name: nickname name } }", ["Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:9,1:24"]),
        ("{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }", ["Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 1:9,1:42"]),
        ("{ catOrDog { ... on Dog { x: barks } ... on Cat { x: meowsVolume } } }", ["Fields \"x\" conflict because they return conflicting types \"Boolean\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional. @ 1:27,1:51"]),
        ("{ dog { ...A ...B } }\nfragment A on Dog { x: name }\nfragment B on Dog { x: barks }", ["Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 2:21,3:21"]),
        ("{ f: dog { mother { x: name } } f: dog { mother { x: nickname } } }", ["Fields \"f\" conflict because subfields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:3,1:12,1:21,1:33,1:42,1:51"]),
    ] as [(String, [String])])
    func overlappingFieldsCanBeMerged(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "OverlappingFieldsCanBeMergedRule") == expected)
    }
}
