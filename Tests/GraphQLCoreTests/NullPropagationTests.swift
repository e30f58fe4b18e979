import Testing

@testable import GraphQLCore

/// Null propagation with async resolvers (the differential corpus covers synchronous data).
@Suite struct NullPropagationTests {
    static let sdl = """
        type Query { outer: Outer other: String }
        type Outer { inner: Inner! name: String }
        type Inner { value: String! items: [String!] }
        """

    func schema(value: GraphQLValue, items: GraphQLValue) throws -> GraphQLSchema {
        var schema = try buildSchema(Self.sdl)
        schema.setResolver(typeName: "Inner", fieldName: "value") { _, _, _ in .async { .value(value) } }
        schema.setResolver(typeName: "Inner", fieldName: "items") { _, _, _ in .async { .value(items) } }
        return schema
    }

    let root: ResolvedValue = .value(["outer": ["inner": [:], "name": "n"], "other": "o"])

    @Test func asyncNonNullNullBubblesToNearestNullable() async throws {
        let result = await graphql(
            schema: try schema(value: nil, items: []), request: "{ outer { name inner { value } } other }", rootValue: root)
        #expect(result.jsonString == #"{"errors":[{"message":"Cannot return null for non-nullable field Inner.value.","locations":[{"line":1,"column":24}],"path":["outer","inner","value"]}],"data":{"outer":null,"other":"o"}}"#)
    }

    @Test func asyncListItemNullStopsAtTheList() async throws {
        let result = await graphql(
            schema: try schema(value: "v", items: ["a", nil]), request: "{ outer { inner { value items } } }", rootValue: root)
        #expect(result.jsonString == #"{"errors":[{"message":"Cannot return null for non-nullable field Inner.items.","locations":[{"line":1,"column":25}],"path":["outer","inner","items",1]}],"data":{"outer":{"inner":{"value":"v","items":null}}}}"#)
    }

    @Test func rootNonNullFailureNullsData() async throws {
        var schema = try buildSchema("type Query { must: String! also: String }")
        schema.setResolver(typeName: "Query", fieldName: "must") { _, _, _ in .async { .null } }
        let result = await graphql(schema: schema, request: "{ also must }", rootValue: .value(["also": "x"]))
        #expect(result.jsonString == #"{"errors":[{"message":"Cannot return null for non-nullable field Query.must.","locations":[{"line":1,"column":8}],"path":["must"]}],"data":null}"#)
    }
}
