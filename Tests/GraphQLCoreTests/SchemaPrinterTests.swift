import Testing

@testable import GraphQLCore

/// `printSchema`, `printSchemaWithDirectives` and `printIntrospectionSchema`.
@Suite struct SchemaPrinterTests {
    @Test func omitsSchemaDefinitionForCommonRootNames() throws {
        let schema = try buildSchema("type Query { a: String } type Mutation { b: Int }")
        #expect(printSchema(schema) == "type Query {\n  a: String\n}\n\ntype Mutation {\n  b: Int\n}")
    }

    @Test func printsSchemaDefinitionForOtherRootNamesOrDescription() throws {
        let renamed = try buildSchema("schema { query: Root } type Root { a: String }")
        #expect(printSchema(renamed) == "schema {\n  query: Root\n}\n\ntype Root {\n  a: String\n}")
        let described = try buildSchema(#""""Hi""" schema { query: Query } type Query { a: String }"#)
        #expect(printSchema(described).hasPrefix("\"\"\"Hi\"\"\"\nschema {\n  query: Query\n}"))
    }

    @Test func printsDescriptionsAsBlockStringsWhenPossible() throws {
        let schema = try buildSchema(
            #"""
            "One" type Query { "Two\nlines" a: String b: Int "  indented" c: ID }
            """#)
        #expect(
            printSchema(schema) == #"""
                """One"""
                type Query {
                  """
                  Two
                  lines
                  """
                  a: String
                  b: Int

                  """  indented"""
                  c: ID
                }
                """#)
    }

    @Test func printsDeprecationOnlyWithNonDefaultReason() throws {
        let schema = try buildSchema(
            #"type Query { a: Int @deprecated b: Int @deprecated(reason: "No longer supported") c: Int @deprecated(reason: "Use a") }"#)
        #expect(
            printSchema(schema)
                == "type Query {\n  a: Int @deprecated\n  b: Int @deprecated\n  c: Int @deprecated(reason: \"Use a\")\n}")
    }

    @Test func printsSpecifiedByAndDirectiveDefinitions() throws {
        let schema = try buildSchema(
            """
            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT
            scalar UUID @specifiedBy(url: "https://example.com/uuid")
            type Query { id: UUID @tag(name: "x") }
            """)
        #expect(
            printSchema(schema) == """
                directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT

                scalar UUID @specifiedBy(url: "https://example.com/uuid")

                type Query {
                  id: UUID
                }
                """)
    }

    @Test func printsDefaultValuesAsCoerced() throws {
        let schema = try buildSchema(
            "input I { a: Int = 1 b: [Int] } type Query { f(x: Float = 2, i: I = {b: 3}, e: ID = 7, s: String = \"q\"): Int }")
        #expect(printSchema(schema).contains(#"f(x: Float = 2, i: I = {a: 1, b: [3]}, e: ID = 7, s: String = "q"): Int"#))
    }

    @Test func argumentsWithDescriptionsGoOnePerLine() throws {
        let schema = try buildSchema(#"type Query { f("The x" x: Int, y: Int): Int }"#)
        #expect(
            printSchema(schema) == #"""
                type Query {
                  f(
                    """The x"""
                    x: Int
                    y: Int
                  ): Int
                }
                """#)
    }

    @Test func withDirectivesKeepsAppliedDirectives() throws {
        let schema = try buildSchema(
            """
            directive @key(fields: String!) repeatable on OBJECT
            directive @tag(name: String!) repeatable on FIELD_DEFINITION | ENUM_VALUE | ARGUMENT_DEFINITION | UNION | SCHEMA
            extend schema @tag(name: "s")
            type Product @key(fields: "id") @key(fields: "sku") {
              id: ID! @tag(name: "a")
              old(x: Int @tag(name: "b")): Int @deprecated @tag(name: "c")
            }
            enum E { A @tag(name: "e") }
            union U @tag(name: "u") = Product
            type Query { p: Product e: E u: U }
            """)
        let printed = printSchemaWithDirectives(schema)
        #expect(printed.hasPrefix("extend schema @tag(name: \"s\")\n\ndirective @key"))
        #expect(printed.contains("type Product @key(fields: \"id\") @key(fields: \"sku\") {"))
        #expect(printed.contains("  id: ID! @tag(name: \"a\")"))
        #expect(printed.contains("  old(x: Int @tag(name: \"b\")): Int @deprecated @tag(name: \"c\")"))
        #expect(printed.contains("  A @tag(name: \"e\")"))
        #expect(printed.contains("union U @tag(name: \"u\") = Product"))
        // The output is SDL that builds the same schema again.
        let rebuilt = try buildSchema(printed)
        #expect(printSchemaWithDirectives(rebuilt) == printed)
        #expect(!printSchema(schema).contains("@tag(name: \""))
    }

    @Test func withDirectivesEqualsPlainPrintWithoutCustomDirectives() throws {
        let sdl = #"type Query { a: Int @deprecated(reason: "x") } scalar D @specifiedBy(url: "u")"#
        let schema = try buildSchema(sdl)
        #expect(printSchemaWithDirectives(schema) == printSchema(schema))
    }

    @Test func printIsStableUnderRebuilding() throws {
        let sdl = """
            interface Node { id: ID! }
            type User implements Node { id: ID! name(format: String = "full"): String }
            enum Role { A B @deprecated }
            input Filter { role: Role = A, ids: [ID!] }
            union Any = User
            type Query { users(filter: Filter): [User!]! any: Any node: Node }
            """
        let printed = printSchema(try buildSchema(sdl))
        #expect(printSchema(try buildSchema(printed)) == printed)
    }

    @Test func introspectionSchemaPrintsBuiltInsOnly() throws {
        let printed = printIntrospectionSchema(try buildSchema("type Query { a: Int }"))
        #expect(printed.hasPrefix("\"\"\"\nDirects the executor to include this field"))
        #expect(printed.contains("directive @specifiedBy("))
        #expect(printed.contains("type __Schema {"))
        #expect(printed.contains("enum __DirectiveLocation {"))
        #expect(!printed.contains("type Query"))
    }

    @Test func printsOneOfInputObjects() throws {
        let schema = try buildSchema("input By @oneOf { id: ID name: String } type Query { f(by: By): Int }")
        #expect(printSchema(schema).contains("input By @oneOf {\n  id: ID\n  name: String\n}"))
        #expect(!printSchema(schema).contains("directive @oneOf"))
    }

    @Test func blockStringPrintability() {
        #expect(isPrintableAsBlockString(""))
        #expect(isPrintableAsBlockString("plain"))
        #expect(isPrintableAsBlockString("two\n  lines"))
        #expect(!isPrintableAsBlockString("\nleading"))
        #expect(!isPrintableAsBlockString("trailing\n"))
        #expect(!isPrintableAsBlockString("  common\n  indent"))
        #expect(isPrintableAsBlockString("  single line"))
        #expect(!isPrintableAsBlockString("carriage\rreturn"))
        #expect(!isPrintableAsBlockString("bell\u{7}"))
    }
}
