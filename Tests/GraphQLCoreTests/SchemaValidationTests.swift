import Testing

@testable import GraphQLCore

/// Type-system validation: every message below is what graphql-js 16 `validateSchema`
/// reports for the same SDL (captured with node-graphql 16.6).
@Suite struct SchemaValidationTests {
    static let cases: [(String, [String])] = [
        ("type Foo { a: Int }", ["Query root type must be provided."]),
        ("schema { query: Q } interface Q { a: Int }", ["Query root type must be Object type, it cannot be Q."]),
        ("type Query { a: Int } schema { query: Query mutation: U } union U = Query", ["Mutation root type must be Object type if provided, it cannot be U."]),
        ("type Query { __a: Int } type __Bad { a: Int }", ["Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.","Name \"__Bad\" must not begin with \"__\", which is reserved by GraphQL introspection."]),
        ("type Query { a: Empty } type Empty", ["Type Empty must define one or more fields."]),
        ("type Query { a: In } input In { x: Int }", ["The type of Query.a must be Output Type but got: In."]),
        ("type Query { a(x: Query): Int }", ["The type of Query.a(x:) must be Input Type but got: Query."]),
        ("interface I { a: Int b: String } type Query implements I { a: Int }", ["Interface field I.b expected but Query does not provide it."]),
        ("interface I { a: Int } type Query implements I { a: String }", ["Interface field I.a expects type Int but Query.a is type String."]),
        ("interface I { a: I } type Query implements I { a: Query }", []),
        ("interface I { a(x: Int): Int } type Query implements I { a: Int }", ["Interface field argument I.a(x:) expected but Query.a does not provide it."]),
        ("interface I { a(x: Int): Int } type Query implements I { a(x: Int!): Int }", ["Interface field argument I.a(x:) expects type Int but Query.a(x:) is type Int!."]),
        ("interface I { a: Int } type Query implements I { a(y: Int!): Int }", ["Object field Query.a includes required argument y that is missing from the Interface field I.a."]),
        ("interface A { a: Int } interface B implements A { a: Int } type Query implements B { a: Int }", ["Type Query must implement A because it is implemented by B."]),
        ("type Query implements Other { a: Int } type Other { a: Int }", ["Type Query must only implement Interface types, it cannot implement Other."]),
        ("type Query { u: U } union U = Query | I interface I { a: Int }", ["Union type U can only include Object types, it cannot include I."]),
        ("type Query { u: U } union U = Query | Query", ["Union type U can only include type Query once."]),
        ("type Query { a(i: A): Int } input A { b: B! } input B { a: A! c: Int }", ["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\"."]),
        ("type Query { a(i: A): Int } input A { self: A! }", ["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"self\"."]),
        ("type Query { a(x: Int! @deprecated): Int } input I { f: Int! @deprecated } directive @d(x: Int! @deprecated) on FIELD", ["Required argument @d(x:) cannot be deprecated.","Required argument Query.a(x:) cannot be deprecated.","Required input field I.f cannot be deprecated."]),
        ("type Query { e: E } enum E", ["Enum type E must define one or more values."]),
        ("type Query { u: U } union U", ["Union type U must define one or more member types."]),
        ("type Query { a(i: I): Int } input I", ["Input Object type I must define one or more fields."]),
        ("interface I implements I { a: Int } type Query { a: I }", ["Type I cannot implement itself because it would create a circular reference."]),
        ("interface I { a: Int } type Query implements I & I { a: Int }", ["Type Query can only implement I once."]),
        ("type Query { a: Int } directive @d(x: Query) on FIELD", ["The type of @d(x:) must be Input Type but got: Query."]),
    ]

    @Test(arguments: cases)
    func reportsGraphQLJSMessages(sdl: String, expected: [String]) throws {
        let schema = try buildSchema(sdl)
        #expect(schema.validationErrors.map(\.message) == expected)
        #expect(validateSchema(schema).map(\.message) == expected)
    }

    @Test func executorRefusesInvalidSchema() async throws {
        let schema = try buildSchema("type Query { a: Empty } type Empty")
        let result = await graphql(schema: schema, request: "{ a { __typename } }")
        #expect(result.jsonString == #"{"errors":[{"message":"Type Empty must define one or more fields."}]}"#)
    }

    @Test func oneOfFieldsMustBeNullableWithoutDefaults() throws {
        let schema = try buildSchema(
            """
            type Query { a(i: I): Int }
            input I @oneOf { a: Int! b: Int = 3 c: String }
            """)
        #expect(schema.validationErrors.map(\.message) == [
            "OneOf input field I.a must be nullable.",
            "OneOf input field I.b cannot have a default value.",
        ])
    }

    @Test func validSchemasHaveNoErrors() throws {
        let schema = try buildSchema(
            """
            interface Node { id: ID! }
            interface Entity implements Node { id: ID! name: String }
            type Query implements Entity & Node { id: ID! name: String self: Entity }
            """)
        #expect(schema.validationErrors.isEmpty)
    }
}
