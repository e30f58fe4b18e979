import GraphQLCore
import Testing

/// The suite's `key.test.ts`: `@key single` (required), `@key multiple`, `@key composite`,
/// `repeatable @key`; each checks the SDL and resolves `_entities` by that key.
@Suite("Compatibility: @key")
struct KeyTests {
    @Test("@key single: applies single field @key on User")
    func singleKeySDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"type User(@extends|@federation__extends)?(@key|@federation__key)\(fields:"email"( resolvable:true)?\)"#))
    }

    @Test("@key single: resolves single field @key on User")
    func singleKeyEntities() async throws {
        let response = try await CompatClient.entities(
            [["__typename": "User", "email": "support@apollographql.com"]], selection: "...on User { email name }")
        #expect(matchesObject(response, ["data": ["_entities": [["email": "support@apollographql.com", "name": "Jane Smith"]]]]))
    }

    @Test("@key multiple: applies multiple field @key on DeprecatedProduct")
    func multipleKeySDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"type DeprecatedProduct(@key|@federation__key)\(fields:"sku package""#))
    }

    @Test("@key multiple: resolves multiple field @key on DeprecatedProduct")
    func multipleKeyEntities() async throws {
        let response = try await CompatClient.entities(
            [["__typename": "DeprecatedProduct", "sku": "apollo-federation-v1", "package": "@apollo/federation-v1"]],
            selection: "...on DeprecatedProduct { sku package reason }")
        #expect(
            matchesObject(
                response,
                [
                    "data": [
                        "_entities": [["sku": "apollo-federation-v1", "package": "@apollo/federation-v1", "reason": "Migrate to Federation V2"]]
                    ]
                ]))
    }

    @Test("@key composite: applies composite object @key on ProductResearch")
    func compositeKeySDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"type ProductResearch(@key|@federation__key)\(fields:"study { caseNumber }""#))
    }

    @Test("@key composite: resolves composite object @key on ProductResearch")
    func compositeKeyEntities() async throws {
        let response = try await CompatClient.entities(
            [["__typename": "ProductResearch", "study": ["caseNumber": "1234"]]],
            selection: "...on ProductResearch { study { caseNumber description } }")
        #expect(
            matchesObject(response, ["data": ["_entities": [["study": ["caseNumber": "1234", "description": "Federation Study"]]]]]))
    }

    @Test("repeatable @key: applies repeatable @key directive on Product")
    func repeatableKeySDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"type Product.*(@key|@federation__key)\(fields:"id"( resolvable:true)?\).*\{"#))
        #expect(try matches(sdl, #"type Product.*(@key|@federation__key)\(fields:"sku package"( resolvable:true)?\).*variation"#))
        #expect(try matches(sdl, #"type Product.*(@key|@federation__key)\(fields:"sku variation { id }"( resolvable:true)?\).*\{"#))
    }

    @Test("repeatable @key: resolves multiple @key directives on Product")
    func repeatableKeyEntities() async throws {
        let response = try await CompatClient.entities(
            [
                ["__typename": "Product", "id": "apollo-federation"],
                ["__typename": "Product", "sku": "federation", "package": "@apollo/federation"],
                ["__typename": "Product", "sku": "studio", "variation": ["id": "platform"]],
            ], selection: "...on Product { id sku }")
        #expect(
            matchesObject(
                response,
                [
                    "data": [
                        "_entities": [
                            ["id": "apollo-federation", "sku": "federation"], ["id": "apollo-federation", "sku": "federation"],
                            ["id": "apollo-studio", "sku": "studio"],
                        ]
                    ]
                ]))
    }
}
