import Testing

@testable import GraphQLCore

/// Expected errors (message @ line:column) come from graphql-js 16 running only the rule under test,
/// on the graphql-js validation harness schema (`Corpus/validation/harness/schema.graphql`).
@Suite struct ValidationValueRuleTests {
    @Test(arguments: [
        ("{ complicatedArgs { intArgField(intArg: 1) complexArgField(complexArg: {requiredField: true}) enumArgField(enumArg: TAN) } }", []),
        ("{ complicatedArgs { intArgField(intArg: \"1\") enumArgField(enumArg: TAM) stringListNonNullArgField(stringListNonNullArg: [null]) } }", ["Int cannot represent non-integer value: \"1\" @ 1:41", "Value \"TAM\" does not exist in \"FurColor\" enum. Did you mean the enum value \"TAN\"? @ 1:68", "Expected value of type \"String!\", found null. @ 1:122"]),
        ("{ complicatedArgs { complexArgField(complexArg: {intField: 1, requiredFeld: true}) e: enumArgField(enumArg: \"TAN\") } }", ["Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 1:49", "Field \"requiredFeld\" is not defined by type \"ComplexInput\". Did you mean \"requiredField\"? @ 1:63", "Enum \"FurColor\" cannot represent non-enum value: \"TAN\". Did you mean the enum value \"TAN\"? @ 1:109"]),
        ("{ complicatedArgs { intArgField(intArg: 3000000000) floatArgField(floatArg: \"x\") idArgField(idArg: true) } }", ["Int cannot represent non 32-bit signed integer value: 3000000000 @ 1:41", "Float cannot represent non numeric value: \"x\" @ 1:77", "ID cannot represent a non-string and non-integer value: true @ 1:100"]),
    ] as [(String, [String])])
    func valuesOfCorrectType(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "ValuesOfCorrectTypeRule") == expected)
    }

    @Test(arguments: [
        ("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) } }", []),
        ("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, requiredField: false, requiredField: true}) } }", ["There can be only one input field named \"requiredField\". @ 1:50,1:71", "There can be only one input field named \"requiredField\". @ 1:50,1:93"]),
    ] as [(String, [String])])
    func uniqueInputFieldNames(document: String, expected: [String]) throws {
        #expect(try harnessErrors(document, rule: "UniqueInputFieldNamesRule") == expected)
    }
}
