import GraphQLCore
import Testing

/// The suite's `requires.test.ts`, `provides.test.ts`, and `@external` (the fields those two
/// directives name). Router-level requests are replaced by the subgraph requests the router plans.
@Suite("Compatibility: @requires, @provides, @external")
struct RequiresProvidesTests {
    @Test("@requires: should return @requires directives in _service sdl")
    func requiresSDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(
            try matches(
                sdl, #"averageProductsCreatedPerYear:Int(@requires|@federation__requires)\(fields:"totalProductsCreated yearsOfEmployment"\)"#))
    }

    /// The router's plan for `product(id:) { createdBy { averageProductsCreatedPerYear email } }`:
    /// the product's creator from this subgraph (with the provided `totalProductsCreated`),
    /// `yearsOfEmployment` from the users subgraph (10 in its data set), then the computed field
    /// from this subgraph's `_entities` with the required fields in the representation.
    @Test("@requires: should return field with computed values from @requires field set")
    func requiresComputedField() async throws {
        let product = try await CompatClient.request(
            "query ($id: ID!) { product(id: $id) { createdBy { __typename email totalProductsCreated } } }",
            variables: GraphQLObject([("id", "apollo-federation")]))
        #expect(!hasErrors(product))
        let creator = try #require(product["data"]?["product"]?["createdBy"])
        var representation = try #require({ if case .object(let object) = creator { object } else { nil } }())
        representation["yearsOfEmployment"] = 10  // from the users subgraph
        let response = try await CompatClient.entities([.object(representation)], selection: "... on User { averageProductsCreatedPerYear }")
        #expect(!hasErrors(response))
        let average = try #require(response["data"]?["_entities"]?[0]?["averageProductsCreatedPerYear"])
        guard case .int = average else {
            Issue.record("averageProductsCreatedPerYear is not a number: \(average)")
            return
        }
        #expect(creator["email"] == "support@apollographql.com")
    }

    @Test("@requires: a representation without the required fields' owner fails at its own path")
    func requiresRejectsOtherUsers() async throws {
        let response = try await CompatClient.entities(
            [["__typename": "User", "email": "someone@example.com", "totalProductsCreated": 1, "yearsOfEmployment": 1]],
            selection: "... on User { averageProductsCreatedPerYear }")
        #expect(response["errors"]?[0]?["message"] == "user.email was not 'support@apollographql.com'")
        #expect(response["errors"]?[0]?["path"] == ["_entities", 0, "averageProductsCreatedPerYear"])
    }

    @Test("@provides: should return @provides directives in _service sdl")
    func providesSDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"createdBy:User(@provides|@federation__provides)\(fields:"totalProductsCreated"\)"#))
    }

    @Test("@provides: should return locally computed @provides field")
    func providesLocalField() async throws {
        let response = try await CompatClient.request(
            "query ($id: ID!) { product(id: $id) { createdBy { email totalProductsCreated } } }", variables: GraphQLObject([("id", "apollo-federation")]))
        #expect(!hasErrors(response))
        #expect(matchesObject(response, ["data": ["product": ["createdBy": ["email": "support@apollographql.com"]]]]))
        let total = response["data"]?["product"]?["createdBy"]?["totalProductsCreated"]
        guard case .int(let count)? = total else {
            Issue.record("totalProductsCreated is not a number: \(String(describing: total))")
            return
        }
        #expect(count != 4)
    }

    @Test("@external: the external User fields are in _service sdl")
    func externalSDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        for field in ["email:ID!", "totalProductsCreated:Int", "yearsOfEmployment:Int!"] {
            #expect(try matches(sdl, "\(field)(@external|@federation__external)"), "\(field)")
        }
    }
}
