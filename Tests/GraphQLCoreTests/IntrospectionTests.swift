import Testing

@testable import GraphQLCore

/// Introspection beyond the differential corpus (which covers the standard introspection
/// query on five schemas): meta-fields, `includeDeprecated`, `@oneOf`.
@Suite struct IntrospectionTests {
    @Test func introspectionSDLParses() {
        let plain = IntrospectionSchema.definitions(oneOf: false)
        #expect(plain.types.map(\.name) == [
            "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive",
            "__DirectiveLocation",
        ])
        #expect(plain.directives.map(\.name) == ["include", "skip", "deprecated", "specifiedBy"])
        let withOneOf = IntrospectionSchema.definitions(oneOf: true)
        #expect(withOneOf.directives.map(\.name) == ["include", "skip", "deprecated", "specifiedBy", "oneOf"])
        #expect(withOneOf.types.first { $0.name == "__Type" }?.fields.last?.name == "isOneOf")
    }

    @Test func typenameWorksOnEveryObjectButSchemaOnlyOnQuery() async throws {
        let schema = try buildSchema("type Query { m: M } type M { a: Int }")
        let result = await graphql(
            schema: schema, request: "{ __typename m { __typename __schema { description } } }",
            rootValue: .value(["m": ["a": 1]]), validationRules: [])
        // `__schema` is unknown on M, so execution leaves it out (validation, skipped here, rejects it).
        #expect(result.jsonString == #"{"data":{"__typename":"Query","m":{"__typename":"M"}}}"#)
    }

    @Test func metaFieldDefinitionsFollowGetFieldDef() throws {
        let schema = try buildSchema("type Query { m: M u: U } type M { a: Int } union U = M")
        #expect(schema.fieldDefinition(typeName: "Query", fieldName: "__schema")?.type.description == "__Schema!")
        #expect(schema.fieldDefinition(typeName: "Query", fieldName: "__type")?.arguments.map(\.name) == ["name"])
        #expect(schema.fieldDefinition(typeName: "M", fieldName: "__schema") == nil)
        #expect(schema.fieldDefinition(typeName: "U", fieldName: "__typename")?.type.description == "String!")
        #expect(schema.fieldDefinition(typeName: "M", fieldName: "a")?.type.description == "Int")
    }

    @Test func oneOfIsIntrospectable() async throws {
        let schema = try buildSchema("type Query { a(i: I): Int } input I @oneOf { x: Int y: String } input J { z: Int }")
        let result = await graphql(
            schema: schema,
            request: #"{ i: __type(name: "I") { isOneOf } j: __type(name: "J") { isOneOf } q: __type(name: "Query") { isOneOf } }"#)
        #expect(result.jsonString == #"{"data":{"i":{"isOneOf":true},"j":{"isOneOf":false},"q":{"isOneOf":null}}}"#)
    }

    @Test func defaultValuesPrintAsLiterals() async throws {
        let schema = try buildSchema(
            """
            type Query { f(a: Int = 1, b: Float = 2, c: [E!] = [X], d: In = {s: "q\\"", n: null}, e: ID = 7, g: String): Int }
            enum E { X }
            input In { s: String n: Int l: [Int] = 3 }
            """)
        let result = await graphql(schema: schema, request: #"{ __type(name: "Query") { fields { args { name defaultValue } } } }"#)
        #expect(result.jsonString == #"{"data":{"__type":{"fields":[{"args":[{"name":"a","defaultValue":"1"},{"name":"b","defaultValue":"2"},{"name":"c","defaultValue":"[X]"},{"name":"d","defaultValue":"{s: \"q\\\"\", n: null, l: [3]}"},{"name":"e","defaultValue":"7"},{"name":"g","defaultValue":null}]}]}}}"#)
    }

    @Test func wrappersHaveNoName() async throws {
        let schema = try buildSchema("type Query { m: [[Int!]]! }")
        let result = await graphql(
            schema: schema,
            request: #"{ __type(name: "Query") { fields { type { kind name description ofType { kind ofType { kind ofType { kind ofType { name kind } } } } } } } }"#)
        #expect(result.jsonString == #"{"data":{"__type":{"fields":[{"type":{"kind":"NON_NULL","name":null,"description":null,"ofType":{"kind":"LIST","ofType":{"kind":"LIST","ofType":{"kind":"NON_NULL","ofType":{"name":"Int","kind":"SCALAR"}}}}}}]}}}"#)
    }
}
