import GraphQLCore
import Testing

/// The suite's Federation 2 checks: `@link` (required), `@shareable`, `@tag`, `@override`,
/// `@inaccessible`, `@composeDirective`, `@interfaceObject`. Router-level requests are replaced
/// by the subgraph requests the router plans for them.
@Suite("Compatibility: Federation 2 directives")
struct FederationTwoTests {
    /// The `@link(...)` applications of a normalized SDL whose url matches `urlPattern`, with
    /// their imports (the suite's `import:\[(.+?)\]` split on spaces, quotes removed).
    static func links(in sdl: String, urlPattern: String) throws -> [(url: String, imports: [String]?)] {
        try allMatches(sdl, #"@link\(([\s\S]+?)\)"#).compactMap { link -> (String, [String]?)? in
            guard let url = try allMatches(link.whole, #"url:(\".+?\")"#).first?.first,
                try matches(url, urlPattern)
            else { return nil }
            let imports = try allMatches(link.whole, #"import:\[(.+?)\]"#).first?.first.map { list in
                list.split(separator: " ").map { $0.replacingOccurrences(of: "\"", with: "") }
            }
            return (url, imports)
        }
    }

    @Test("@link: one federation v2.0-2.7 link whose imports are all federation elements")
    func link() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(sdl.contains("@link"))
        let federationLinks = try Self.links(in: sdl, urlPattern: #"https://specs.apollo.dev/federation/v(.+)"#)
        #expect(federationLinks.count == 1, "exactly one federation spec @link")
        let allowed: Set<String> = [
            "@authenticated", "@composeDirective", "@extends", "@external", "@inaccessible", "@interfaceObject", "@key", "@override",
            "@policy", "@provides", "@requires", "@requiresScopes", "@shareable", "@tag", "FieldSet", "Scope", "Policy",
        ]
        for link in federationLinks {
            #expect(try matches(link.url, #"federation/v(2\.0|2\.1|2\.2|2\.3|2\.4|2\.5|2\.6|2\.7)""#), "\(link.url)")
            for element in link.imports ?? [] {
                #expect(allowed.contains(element), "unexpected federation import \(element)")
            }
        }
    }

    @Test("@shareable: should return @shareable directives in _service sdl")
    func shareableSDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"type ProductDimension(@shareable|@federation__shareable)"#))
    }

    @Test("@shareable: should be able to resolve @shareable ProductDimension types")
    func shareableResolves() async throws {
        let response = try await CompatClient.request(
            "query GetProduct($id: ID!) { product(id: $id) { dimensions { size weight } } }",
            variables: GraphQLObject([("id", "apollo-federation")]))
        #expect(!hasErrors(response))
        #expect(matchesObject(response, ["data": ["product": ["dimensions": ["size": "small", "weight": 1]]]]))
    }

    @Test("@tag: @tag(name: \"internal\") in _service sdl, not namespaced")
    func tag() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(!sdl.contains("@federation__tag"))
        #expect(sdl.contains(#"@tag(name:"internal")"#))
    }

    @Test("@override: should return @override directives in _service sdl")
    func overrideSDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"(@override|@federation__override)\(from:"users"\)"#))
    }

    @Test("@override: should return overridden user name")
    func overrideResolves() async throws {
        let response = try await CompatClient.request(
            "query GetProduct($id: ID!) { product(id: $id) { createdBy { name } } }", variables: GraphQLObject([("id", "apollo-federation")]))
        #expect(matchesObject(response, ["data": ["product": ["createdBy": ["name": "Jane Smith"]]]]))
    }

    @Test("@inaccessible: should return @inaccessible directives in _service sdl")
    func inaccessibleSDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(!sdl.contains("@federation__inaccessible"))
        #expect(sdl.contains("unit:String@inaccessible"))
    }

    @Test("@inaccessible: should be able to query @inaccessible fields via the products schema directly")
    func inaccessibleResolves() async throws {
        let response = try await CompatClient.request(
            "query GetProduct($id: ID!) { product(id: $id) { dimensions { unit } } }", variables: GraphQLObject([("id", "apollo-federation")]))
        #expect(!hasErrors(response))
        #expect(matchesObject(response, ["data": ["product": ["dimensions": ["unit": "kg"]]]]))
    }

    @Test("@composeDirective: @custom linked, composed, defined and applied")
    func composeDirective() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        let customLinks = try Self.links(in: sdl, urlPattern: #"https://myspecs.dev/myCustomDirective/v(.+)"#)
        #expect(customLinks.count == 1)
        for link in customLinks {
            for element in link.imports ?? [] { #expect(element == "@custom", "unexpected @composeDirective import \(element)") }
        }
        #expect(try matches(sdl, #"schema.*(@composeDirective|@federation__composeDirective)\(name:.*"@custom"\)"#))
        #expect(try matches(sdl, #"directive.*@custom on OBJECT"#))
        #expect(try matches(sdl, #"type Product.*@custom.*\{"#))
    }

    @Test("@interfaceObject: verifies schema contains entity type marked as @interfaceObject")
    func interfaceObjectSDL() async throws {
        let sdl = try await CompatClient.normalizedServiceSDL()
        #expect(try matches(sdl, #"type Inventory.*(@interfaceObject|@federation__interfaceObject)"#))
        #expect(try matches(sdl, #"type Inventory.*(@key|@federation__key)\(fields:"id"( resolvable:true)?\)"#))
    }

    /// The router's plan for `inventory(id: "apollo-oss") { deprecatedProducts { sku reason } }`:
    /// the inventory subgraph answers `OpenSourceInventory { id }`, then this subgraph resolves the
    /// `Inventory` interface object by key.
    @Test("@interfaceObject: verifies @interfaceObject entity returns new fields")
    func interfaceObjectResolves() async throws {
        let response = try await CompatClient.entities(
            [["__typename": "Inventory", "id": "apollo-oss"]], selection: "... on Inventory { deprecatedProducts { sku reason } }")
        #expect(!hasErrors(response))
        #expect(
            matchesObject(
                response,
                ["data": ["_entities": [["deprecatedProducts": [["sku": "apollo-federation-v1", "reason": "Migrate to Federation V2"]]]]]]))
    }
}
