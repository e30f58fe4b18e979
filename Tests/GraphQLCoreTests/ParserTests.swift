import Testing

@testable import GraphQLCore

@Suite struct ParserTests {
    @Test func simpleQueryWithLocations() throws {
        let source = "{\n  node(id: 4) {\n    id,\n    name\n  }\n}\n"
        let document = try parse(source)
        #expect(document.loc == Location(start: 0, end: 41))  // to the end of file, as in graphql-js
        guard case .operation(let operation) = document.definitions.first else {
            Issue.record("expected an operation")
            return
        }
        #expect(operation.operation == .query)
        #expect(operation.name == nil)
        #expect(text(of: operation.loc, in: source) == "{\n  node(id: 4) {\n    id,\n    name\n  }\n}")
        guard case .field(let node) = operation.selectionSet.selections.first else {
            Issue.record("expected a field")
            return
        }
        #expect(node.name.value == "node")
        #expect(node.name.loc == Location(start: 4, end: 8))
        #expect(node.arguments.count == 1)
        #expect(node.arguments[0].name.value == "id")
        #expect(node.arguments[0].value == .int(IntValueNode(value: "4")))
        #expect(text(of: node.arguments[0].loc, in: source) == "id: 4")
        let subfields = node.selectionSet?.selections.compactMap { selection -> String? in
            if case .field(let field) = selection { return field.name.value }
            return nil
        }
        #expect(subfields == ["id", "name"])
    }

    @Test func equalityIgnoresLocations() throws {
        #expect(try parse("{ a(b: [1, {c: $d}]) }") == parse("{\n  a(\n    b: [1 {c: $d}]\n  )\n}"))
        #expect(try parse("{ a }") != parse("{ b }"))
    }

    @Test func executableKitchenSink() throws {
        let document = try parse(
            """
            query Q($id: ID! = "1" @d, $list: [[Int]!] = [[1]]) @op {
              alias: field(a: $id, b: {c: [true, null, ENUM, 1.5, "s"]}) @include(if: $x) {
                ...Spread @skip(if: false)
                ... on Type { inline }
                ... @dir { untyped }
              }
            }
            fragment Spread on Type @frag { x }
            mutation { m }
            subscription S { s }
            """)
        #expect(document.definitions.count == 4)
        guard case .operation(let query) = document.definitions[0],
            case .fragment(let fragment) = document.definitions[1],
            case .operation(let mutation) = document.definitions[2],
            case .operation(let subscription) = document.definitions[3]
        else {
            Issue.record("unexpected definitions")
            return
        }
        #expect(query.name?.value == "Q")
        #expect(query.variableDefinitions.map(\.variable.name.value) == ["id", "list"])
        #expect(query.variableDefinitions[0].type == .nonNull(NonNullTypeNode(type: .named(NamedTypeNode(name: NameNode("ID"))))))
        #expect(query.variableDefinitions[0].defaultValue == .string(StringValueNode(value: "1")))
        #expect(query.variableDefinitions[0].directives.map(\.name.value) == ["d"])
        #expect(query.directives.map(\.name.value) == ["op"])
        guard case .field(let field) = query.selectionSet.selections[0] else {
            Issue.record("expected a field")
            return
        }
        #expect(field.alias?.value == "alias")
        #expect(field.name.value == "field")
        #expect(field.arguments[0].value == .variable(VariableNode(name: NameNode("id"))))
        #expect(
            field.arguments[1].value
                == .object(
                    ObjectValueNode(fields: [
                        ObjectFieldNode(
                            name: NameNode("c"),
                            value: .list(
                                ListValueNode(values: [
                                    .boolean(BooleanValueNode(value: true)), .null(NullValueNode()),
                                    .enumValue(EnumValueNode(value: "ENUM")), .float(FloatValueNode(value: "1.5")),
                                    .string(StringValueNode(value: "s")),
                                ])))
                    ])))
        let selections = field.selectionSet?.selections ?? []
        #expect(selections.count == 3)
        if case .fragmentSpread(let spread) = selections[0] {
            #expect(spread.name.value == "Spread")
            #expect(spread.directives.map(\.name.value) == ["skip"])
        } else {
            Issue.record("expected a fragment spread")
        }
        if case .inlineFragment(let inline) = selections[1] {
            #expect(inline.typeCondition?.name.value == "Type")
        } else {
            Issue.record("expected an inline fragment")
        }
        if case .inlineFragment(let inline) = selections[2] {
            #expect(inline.typeCondition == nil)
            #expect(inline.directives.map(\.name.value) == ["dir"])
        } else {
            Issue.record("expected an inline fragment")
        }
        #expect(fragment.name.value == "Spread" && fragment.typeCondition.name.value == "Type")
        #expect(mutation.operation == .mutation && mutation.name == nil)
        #expect(subscription.operation == .subscription && subscription.name?.value == "S")
    }

    @Test func typeSystemKitchenSink() throws {
        let document = try parse(
            """
            "The schema" schema @s { query: Q mutation: M }
            \"\"\"
            A type.
            \"\"\"
            type T implements & A & B @d {
              "field" f("arg" a: Int = 1 @x): [String!]! @deprecated
            }
            interface I implements A { a: Int }
            union U = | A | B
            enum E { "one" ONE @d TWO }
            input In @oneOf { a: Int = 2 }
            scalar Date @specifiedBy(url: "https://example.com")
            directive @d(a: Int) repeatable on FIELD | OBJECT
            extend schema @e
            extend type X implements Y
            extend interface I @x
            extend union U = C
            extend enum E { THREE }
            extend input In { b: Int }
            extend scalar Date @y
            """)
        #expect(document.definitions.count == 15)
        guard case .schema(let schema) = document.definitions[0],
            case .objectType(let type) = document.definitions[1],
            case .interfaceType(let interface) = document.definitions[2],
            case .unionType(let union) = document.definitions[3],
            case .enumType(let enumType) = document.definitions[4],
            case .inputObjectType(let input) = document.definitions[5],
            case .scalarType(let scalar) = document.definitions[6],
            case .directive(let directive) = document.definitions[7],
            case .schemaExtension(let schemaExtension) = document.definitions[8],
            case .objectTypeExtension(let typeExtension) = document.definitions[9],
            case .interfaceTypeExtension = document.definitions[10],
            case .unionTypeExtension(let unionExtension) = document.definitions[11],
            case .enumTypeExtension(let enumExtension) = document.definitions[12],
            case .inputObjectTypeExtension(let inputExtension) = document.definitions[13],
            case .scalarTypeExtension = document.definitions[14]
        else {
            Issue.record("unexpected definitions: \(document.definitions.map(\.loc))")
            return
        }
        #expect(schema.description == StringValueNode(value: "The schema"))
        #expect(schema.operationTypes.map(\.operation) == [.query, .mutation])
        #expect(type.description == StringValueNode(value: "A type.", block: true))
        #expect(type.interfaces.map(\.name.value) == ["A", "B"])
        #expect(type.fields[0].description?.value == "field")
        #expect(type.fields[0].arguments[0].defaultValue == .int(IntValueNode(value: "1")))
        #expect(type.fields[0].arguments[0].description?.value == "arg")
        #expect(print(type.fields[0].type) == "[String!]!")
        #expect(interface.interfaces.map(\.name.value) == ["A"])
        #expect(union.types.map(\.name.value) == ["A", "B"])
        #expect(enumType.values.map(\.name.value) == ["ONE", "TWO"])
        #expect(input.fields.map(\.name.value) == ["a"])
        #expect(scalar.directives.map(\.name.value) == ["specifiedBy"])
        #expect(directive.repeatable)
        #expect(directive.locations.map(\.value) == ["FIELD", "OBJECT"])
        #expect(schemaExtension.operationTypes.isEmpty && schemaExtension.directives.count == 1)
        #expect(typeExtension.name.value == "X" && typeExtension.interfaces.map(\.name.value) == ["Y"])
        #expect(unionExtension.types.map(\.name.value) == ["C"])
        #expect(enumExtension.values.map(\.name.value) == ["THREE"])
        #expect(inputExtension.fields.map(\.name.value) == ["b"])
        #expect(!document.definitions[0].isExecutable)
    }

    @Test func standaloneValuesAndTypes() throws {
        #expect(try parseValue("[123 \"abc\"]") == .list(ListValueNode(values: [
            .int(IntValueNode(value: "123")), .string(StringValueNode(value: "abc")),
        ])))
        #expect(try parseValue("$var") == .variable(VariableNode(name: NameNode("var"))))
        #expect(try parseValue(#"{a: """x"""}"#) == .object(ObjectValueNode(fields: [
            ObjectFieldNode(name: NameNode("a"), value: .string(StringValueNode(value: "x", block: true)))
        ])))
        #expect(throws: GraphQLError(
            message: "Syntax Error: Unexpected variable \"$var\" in constant value.",
            locations: [SourceLocation(line: 1, column: 1)])
        ) {
            try parseConstValue("$var")
        }
        #expect(try parseType("[MyType!]") == .list(ListTypeNode(type: .nonNull(NonNullTypeNode(
            type: .named(NamedTypeNode(name: NameNode("MyType"))))))))
        #expect(try parseType("[[a]]!").namedType.name.value == "a")
        #expect(throws: GraphQLError.self) { try parseType("Int!!") }
        #expect(throws: GraphQLError.self) { try parseValue("1 2") }
    }

    @Test(arguments: parserErrorCases)
    func syntaxErrors(text: String, message: String, line: Int, column: Int) {
        let error = parseError(text)
        #expect(error?.message == message, "\(text)")
        #expect(error?.locations == [SourceLocation(line: line, column: column)], "\(text)")
        #expect(error?.path == [] && error?.extensions == [])
    }

    @Test func errorDescriptionIncludesLocation() {
        #expect(parseError("{")?.description == "Syntax Error: Expected Name, found <EOF>. (1:2)")
    }
}

/// Malformed documents, with graphql-js 16's message, line and column.
let parserErrorCases: [(String, String, Int, Int)] = [
        ("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2),
        ("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20),
        ("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10),
        ("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1),
        ("...", "Syntax Error: Unexpected \"...\".", 1, 1),
        ("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3),
        ("query", "Syntax Error: Expected \"{\", found <EOF>.", 1, 6),
        ("query Foo($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 21),
        ("query Foo($a: Int = $) { a }", "Syntax Error: Unexpected \"$\".", 1, 21),
        ("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10),
        ("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9),
        ("{ a(b: [1, 2) }", "Syntax Error: Unexpected \")\".", 1, 13),
        ("type A {}", "Syntax Error: Expected Name, found \"}\".", 1, 9),
        ("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10),
        ("enum E { A null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 12),
        ("directive @d on FOO", "Syntax Error: Unexpected Name \"FOO\".", 1, 17),
        ("directive @d on", "Syntax Error: Expected Name, found <EOF>.", 1, 16),
        ("\"desc\" query { a }", "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1),
        ("extend type A", "Syntax Error: Unexpected <EOF>.", 1, 14),
        ("extend schema", "Syntax Error: Unexpected <EOF>.", 1, 14),
        ("extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16),
        ("extend foo", "Syntax Error: Unexpected Name \"foo\".", 1, 8),
        ("schema { foo: Query }", "Syntax Error: Unexpected Name \"foo\".", 1, 10),
        ("union U = A |", "Syntax Error: Expected Name, found <EOF>.", 1, 14),
        ("type T { f: [Int }", "Syntax Error: Expected \"]\", found \"}\".", 1, 18),
        ("type T { f: Int!! }", "Syntax Error: Expected Name, found \"!\".", 1, 17),
        ("{ a(b) }", "Syntax Error: Expected \":\", found \")\".", 1, 6),
        ("{ a() }", "Syntax Error: Expected Name, found \")\".", 1, 5),
        ("query Q($v: Int @d(x: $y)) { a }", "Syntax Error: Unexpected variable \"$y\" in constant value.", 1, 23),
        ("type A implements { f: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 19),
        ("", "Syntax Error: Unexpected <EOF>.", 1, 1),
        ("# only a comment", "Syntax Error: Unexpected <EOF>.", 1, 17),
        ("input I { a: Int = $v }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 20),
        ("query Q {\n  a\n  b(c: {d: ]})\n}", "Syntax Error: Unexpected \"]\".", 3, 12),
        ("{ a } }", "Syntax Error: Unexpected \"}\".", 1, 7),
        ("query Q @ { a }", "Syntax Error: Expected Name, found \"{\".", 1, 11),
        ("fragment F on { a }", "Syntax Error: Expected Name, found \"{\".", 1, 15),
        ("fragment F T { a }", "Syntax Error: Expected \"on\", found Name \"T\".", 1, 12),
        ("directive d on FIELD", "Syntax Error: Expected \"@\", found Name \"d\".", 1, 11),
        ("directive @d(a: Int) repeatable FIELD", "Syntax Error: Expected \"on\", found Name \"FIELD\".", 1, 33),
]
