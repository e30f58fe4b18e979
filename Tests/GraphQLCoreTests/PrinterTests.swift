import Foundation
import Testing

@testable import GraphQLCore

@Suite struct PrinterTests {
    @Test(arguments: documentPrintCases)
    func printsLikeGraphQLJS(document: String, expected: String) throws {
        #expect(GraphQLCore.print(try parse(document)) == expected)
    }

    @Test func shorthandOnlyWithoutVariablesOrDirectives() throws {
        #expect(GraphQLCore.print(try parse("query { a }")) == "{\n  a\n}")
        #expect(GraphQLCore.print(try parse("query Q { a }")) == "query Q {\n  a\n}")
        #expect(GraphQLCore.print(try parse("query ($v: Int) { a }")) == "query ($v: Int) {\n  a\n}")
        #expect(GraphQLCore.print(try parse("query @d { a }")) == "query @d {\n  a\n}")
        #expect(GraphQLCore.print(try parse("mutation { a }")) == "mutation {\n  a\n}")
    }

    @Test(arguments: blockStringPrintCases)
    func blockStrings(value: String, expected: String) {
        #expect(printBlockString(value) == expected)
    }

    @Test(arguments: stringPrintCases)
    func strings(value: String, expected: String) {
        #expect(printString(value) == expected)
    }

    @Test func printsNodesBuiltInCode() {
        let field = FieldNode(
            alias: NameNode("me"), name: NameNode("user"),
            arguments: [ArgumentNode(name: NameNode("id"), value: .int(IntValueNode(value: "4")))],
            directives: [DirectiveNode(name: NameNode("cached"))],
            selectionSet: SelectionSetNode(selections: [.field(FieldNode(name: NameNode("name")))]))
        let operation = OperationDefinitionNode(
            operation: .query, name: NameNode("Me"),
            variableDefinitions: [
                VariableDefinitionNode(
                    variable: VariableNode(name: NameNode("x")),
                    type: .nonNull(NonNullTypeNode(type: .list(ListTypeNode(type: .named(NamedTypeNode(name: NameNode("Int"))))))),
                    defaultValue: .list(ListValueNode(values: [.null(NullValueNode())])))
            ],
            selectionSet: SelectionSetNode(selections: [.field(field)]))
        let document = DocumentNode(definitions: [.operation(operation)])
        #expect(
            GraphQLCore.print(document)
                == "query Me($x: [Int]! = [null]) {\n  me: user(id: 4) @cached {\n    name\n  }\n}")
        #expect(GraphQLCore.print(ValueNode.object(ObjectValueNode(fields: [
            ObjectFieldNode(name: NameNode("s"), value: .string(StringValueNode(value: "a\"b"))),
            ObjectFieldNode(name: NameNode("e"), value: .enumValue(EnumValueNode(value: "RED"))),
        ]))) == #"{s: "a\"b", e: RED}"#)
    }

    /// Printing is a fixed point, and parsing the printed text gives the same tree.
    @Test func roundTripsTheCorpus() throws {
        let directory = DifferentialTests.corpusDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".graphql") && !$0.hasSuffix(".value.graphql") && !$0.hasSuffix(".type.graphql") }
        var roundTripped = 0
        for file in files.sorted() {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            guard let document = try? parse(String(decoding: data, as: UTF8.self), options: .unlimited) else {
                continue
            }
            let printed = GraphQLCore.print(document)
            let reparsed = try parse(printed, options: .unlimited)
            #expect(reparsed == document, "\(file)")
            #expect(GraphQLCore.print(reparsed) == printed, "\(file)")
            roundTripped += 1
        }
        #expect(roundTripped > 100)
    }
}

let blockStringPrintCases: [(String, String)] = [
    ("", "\"\"\"\"\"\""),
    ("simple", "\"\"\"simple\"\"\""),
    (" leading space", "\"\"\" leading space\"\"\""),
    ("multi\nline", "\"\"\"\nmulti\nline\n\"\"\""),
    ("\nleading newline", "\"\"\"\n\nleading newline\n\"\"\""),
    ("trailing newline\n", "\"\"\"\ntrailing newline\n\n\"\"\""),
    ("ends with \"", "\"\"\"\nends with \"\n\"\"\""),
    ("ends with \\", "\"\"\"\nends with \\\n\"\"\""),
    ("has \"\"\" triple", "\"\"\"has \\\"\"\" triple\"\"\""),
    ("ends with \"\"\"", "\"\"\"\nends with \\\"\"\"\n\"\"\""),
    ("first\n  indented", "\"\"\"\nfirst\n  indented\n\"\"\""),
    ("  both\n  indented", "\"\"\"\n  both\n  indented\n\"\"\""),
    ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\"\"\"\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\"\"\""),
    ("tab\tinside", "\"\"\"tab\tinside\"\"\""),
    ("crlf\r\nline", "\"\"\"\ncrlf\r\nline\n\"\"\""),
    ("unicode é😀", "\"\"\"unicode é😀\"\"\""),
]

let stringPrintCases: [(String, String)] = [
    ("", "\"\""),
    ("plain", "\"plain\""),
    ("quote \" and backslash \\", "\"quote \\\" and backslash \\\\\""),
    ("ctrl \u{0}\u{1}\u{8}\t\n\u{C}\r\u{1F}", "\"ctrl \\u0000\\u0001\\b\\t\\n\\f\\r\\u001F\""),
    ("del \u{7F} c1 \u{80}\u{9F} nbsp \u{A0}", "\"del \\u007F c1 \\u0080\\u009F nbsp \u{A0}\""),
    ("emoji 😀", "\"emoji 😀\""),
    ("line sep \u{2028}", "\"line sep \u{2028}\""),
]

let documentPrintCases: [(String, String)] = [
    ("query Q($a: Int = 1, $b: [String!]! @d) @dir { alias: f(x: $a) @skip(if: true) { ...F ... on T { y } ... @i { z } } }", "query Q($a: Int = 1, $b: [String!]! @d) @dir {\n  alias: f(x: $a) @skip(if: true) {\n    ...F\n    ... on T {\n      y\n    }\n    ... @i {\n      z\n    }\n  }\n}"),
    ("{ a(veryLongArgumentNameNumberOne: \"some string value\", veryLongArgumentNameNumberTwo: [1, 2, 3]) { b } }", "{\n  a(\n    veryLongArgumentNameNumberOne: \"some string value\"\n    veryLongArgumentNameNumberTwo: [1, 2, 3]\n  ) {\n    b\n  }\n}"),
    ("\"\"\"\nDescribed.\n\"\"\"\ntype T implements A & B @k { \"f\" f(a: Int = 1, b: [In!]! = [{c: ENUM}]): String! @deprecated(reason: \"no\") }", "\"\"\"Described.\"\"\"\ntype T implements A & B @k {\n  \"f\"\n  f(a: Int = 1, b: [In!]! = [{c: ENUM}]): String! @deprecated(reason: \"no\")\n}"),
    ("type T { f(\"\"\"\n  Block arg.\n  \"\"\" a: Int, b: Int): Int }", "type T {\n  f(\n    \"\"\"Block arg.\"\"\"\n    a: Int\n    b: Int\n  ): Int\n}"),
    ("directive @d(\"x\" a: Int = 1) repeatable on FIELD | QUERY", "directive @d(\n  \"x\"\n  a: Int = 1\n) repeatable on FIELD | QUERY"),
    ("schema @s { query: Q } extend schema @e { mutation: M } union U @d = A | B enum E { A \"b\" B @d } input I { a: Int = 1 @d } scalar S @d", "schema @s {\n  query: Q\n}\n\nextend schema @e {\n  mutation: M\n}\n\nunion U @d = A | B\n\nenum E {\n  A\n  \"b\"\n  B @d\n}\n\ninput I {\n  a: Int = 1 @d\n}\n\nscalar S @d"),
    ("extend type T implements I @d { f: Int } extend interface I implements J { f: Int } extend union U = C extend enum E { C } extend input I { b: Int } extend scalar S @x", "extend type T implements I @d {\n  f: Int\n}\n\nextend interface I implements J {\n  f: Int\n}\n\nextend union U = C\n\nextend enum E {\n  C\n}\n\nextend input I {\n  b: Int\n}\n\nextend scalar S @x"),
    ("{ a { b(s: \"\"\"\n  x\n    y\n\"\"\") } }", "{\n  a {\n    b(s: \"\"\"\n    x\n      y\n    \"\"\")\n  }\n}"),
]
