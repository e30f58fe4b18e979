import GraphQLCore
import Subgraph
import Testing

/// The federation layer's schema side on small SDLs: the schema additions, `@link` naming
/// (imports, renames, namespaces, versions, unknown specs) and `_service`.
@Suite("Federation schema builder")
struct FederatedSchemaBuilderTests {
    // MARK: - Schema additions

    @Test func addsTheSubgraphDefinitions() throws {
        let schema = try FederatedSchemaBuilder(sdl: FederationFixtures.shopSDL).build()
        let entity = try #require(schema.type(named: "_Entity"))
        #expect(entity.kind == .union)
        #expect(entity.unionMembers == ["Book", "Pen", "Shelf"])
        #expect(schema.type(named: "_Any")?.kind == .scalar)
        #expect(schema.type(named: "_Service")?.field(named: "sdl")?.type.description == "String!")
        #expect(schema.fieldDefinition(typeName: "Query", fieldName: "_entities")?.type.description == "[_Entity]!")
        #expect(schema.fieldDefinition(typeName: "Query", fieldName: "_entities")?.arguments.first?.type.description == "[_Any!]!")
        #expect(schema.fieldDefinition(typeName: "Query", fieldName: "_service")?.type.description == "_Service!")
        #expect(schema.type(named: "link__Purpose")?.enumValues.map(\.name) == ["SECURITY", "EXECUTION"])
        #expect(schema.type(named: "link__Import")?.kind == .scalar)
        #expect(schema.type(named: "federation__FieldSet")?.kind == .scalar)
        #expect(schema.directive(named: "key")?.isRepeatable == true)
        #expect(schema.directive(named: "interfaceObject") != nil)
        // Not imported: namespaced.
        #expect(schema.directive(named: "federation__requires") != nil)
        #expect(schema.directive(named: "federation__composeDirective") != nil)
        #expect(schema.directive(named: "requires") == nil)
        // Not in v2.3.
        #expect(schema.directive(named: "federation__authenticated") == nil)
        #expect(schema.type(named: "federation__Scope") == nil)
    }

    @Test func laterVersionsAddTheirElements() throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@requiresScopes", "Scope", "@policy"])
            type Query { a: Int }
            """
        let schema = try FederatedSchemaBuilder(sdl: sdl).build()
        #expect(schema.type(named: "Scope")?.kind == .scalar)
        #expect(schema.type(named: "federation__Policy")?.kind == .scalar)
        #expect(schema.directive(named: "requiresScopes")?.arguments.first?.type.description == "[[Scope!]!]!")
        #expect(schema.directive(named: "policy")?.arguments.first?.type.description == "[[federation__Policy!]!]!")
        #expect(schema.directive(named: "federation__override")?.arguments.map(\.name) == ["from", "label"])
        #expect(schema.directive(named: "federation__context") == nil)
    }

    @Test func addsQueryWhenTheSDLHasNone() async throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
            type Thing @key(fields: "id") { id: ID! }
            """
        let schema = try FederatedSchemaBuilder(sdl: sdl).build()
        #expect(schema.queryType == "Query")
        #expect(schema.type(named: "Query")?.fields.map(\.name) == ["_entities", "_service"])
    }

    @Test func withoutEntitiesThereIsNoEntityField() throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
            type Query { a: Int }
            """
        let schema = try FederatedSchemaBuilder(sdl: sdl).build()
        #expect(schema.type(named: "_Entity") == nil)
        #expect(schema.type(named: "Query")?.fields.map(\.name) == ["a", "_service"])
    }

    // MARK: - @link naming

    @Test func renamedImportsDefineEntitiesUnderTheirNewName() async throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [{name: "@key", as: "@primaryKey"}, "@shareable", {name: "FieldSet", as: "Fields"}])
            type Query { a: Int }
            type Item @primaryKey(fields: "id") { id: ID! }
            type Other @key(fields: "id") { id: ID! }
            directive @key(fields: String) on OBJECT
            """
        let builder = try FederatedSchemaBuilder(sdl: sdl)
        #expect(builder.entityTypeNames == ["Item"])
        #expect(builder.localName(of: "@key") == "primaryKey")
        #expect(builder.localName(of: "@tag") == "federation__tag")
        let schema = try builder.build()
        #expect(schema.directive(named: "primaryKey")?.arguments.first?.type.description == "Fields!")
        // The SDL's own @key is left alone.
        #expect(schema.directive(named: "key")?.arguments.first?.type.description == "String")
        #expect(schema.type(named: "federation__FieldSet") == nil)
    }

    @Test func namespaceAliasPrefixesNonImportedElements() throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", as: "fed", import: ["@key"])
            type Query { a: Int }
            type Item @key(fields: "id") @fed__shareable { id: ID! }
            """
        let builder = try FederatedSchemaBuilder(sdl: sdl)
        #expect(builder.localName(of: "@shareable") == "fed__shareable")
        let schema = try builder.build()
        #expect(schema.directive(named: "fed__shareable") != nil)
        #expect(schema.type(named: "fed__FieldSet") != nil)
        #expect(schema.type(named: "Item")?.appliedDirectives.map(\.name.value) == ["key", "fed__shareable"])
    }

    @Test func unknownLinksLeaveTheirDirectivesToTheSDL() throws {
        let sdl = """
            extend schema
              @link(url: "https://specs.apollo.dev/federation/v2.1", import: ["@key", "@composeDirective"])
              @link(url: "https://myspecs.dev/myCustomDirective/v1.0", import: ["@custom"])
              @composeDirective(name: "@custom")
            directive @custom on OBJECT
            type Query { a: Int }
            type Item @custom @key(fields: "id") { id: ID! }
            """
        let schema = try FederatedSchemaBuilder(sdl: sdl).build()
        #expect(schema.directive(named: "custom")?.locations == [.object])
        #expect(schema.directive(named: "myCustomDirective__custom") == nil)
    }

    @Test func rejectsMalformedLinks() {
        #expect(throws: FederationError.self) {
            try FederatedSchemaBuilder(sdl: "extend schema @link(import: [\"@key\"]) type Query { a: Int }")
        }
        #expect(throws: FederationError.self) {
            try FederatedSchemaBuilder(sdl: "extend schema @link(url: \"https://specs.apollo.dev/federation/v3.0\") type Query { a: Int }")
        }
        #expect(throws: FederationError.self) {
            try FederatedSchemaBuilder(sdl: "type Query { a: Int ")
        }
    }

    @Test func federationOneSDLUsesPlainNames() throws {
        let sdl = """
            type Query { a: Int }
            extend type Item @key(fields: "id") { id: ID! @external }
            """
        let builder = try FederatedSchemaBuilder(sdl: sdl)
        #expect(builder.entityTypeNames == ["Item"])
        let schema = try builder.build()
        #expect(schema.directive(named: "external") != nil)
        #expect(schema.type(named: "_FieldSet")?.kind == .scalar)
    }

    // MARK: - _service

    @Test func serviceSDLIsTheAuthoredSDLPrinted() async throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@tag"])
            # A comment the printer drops.
            type Query { item(id: ID!): Item @deprecated(reason: "no") }
            type Item @key(fields: "id") { id: ID!, name: String @tag(name: "public") }
            """
        let builder = try FederatedSchemaBuilder(sdl: sdl)
        let expected = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@tag"])

            type Query {
              item(id: ID!): Item @deprecated(reason: "no")
            }

            type Item @key(fields: "id") {
              id: ID!
              name: String @tag(name: "public")
            }
            """
        #expect(builder.serviceSDL == expected)
        // Printing is stable: the printed SDL prints to itself.
        #expect(try FederatedSchemaBuilder(sdl: builder.serviceSDL).serviceSDL == expected)
        let result = await FederationFixtures.run(try builder.build(), "{ _service { sdl } }")
        #expect(result == ["data": ["_service": ["sdl": .string(expected)]]])
    }

    @Test func hiddenDirectivesAreLeftOutOfTheServiceSDL() throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
            directive @rest(method: HTTPMethod!, path: String!, options: RestOptions) on FIELD_DEFINITION
            directive @audit(level: Level) on FIELD_DEFINITION
            enum HTTPMethod { GET POST }
            input RestOptions { cache: CachePolicy }
            enum CachePolicy { NONE ALL }
            enum Level { LOW HIGH }
            type Query {
              item(id: ID!): Item @rest(method: GET, path: "/items/{id}") @audit(level: LOW)
              level: Level
            }
            type Item @key(fields: "id") { id: ID! }
            """
        let builder = try FederatedSchemaBuilder(sdl: sdl, hiddenDirectives: ["rest", "audit"])
        let printed = builder.serviceSDL
        for hidden in ["@rest", "@audit", "HTTPMethod", "RestOptions", "CachePolicy"] {
            #expect(!printed.contains(hidden), "\(hidden) should be hidden")
        }
        // A type also used by the visible schema stays.
        #expect(printed.contains("enum Level"))
        #expect(printed.contains("item(id: ID!): Item\n"))
        // The executable schema keeps them.
        let schema = try builder.build()
        #expect(schema.directive(named: "rest") != nil)
        #expect(schema.fieldDefinition(typeName: "Query", fieldName: "item")?.appliedDirectives.map(\.name.value) == ["rest", "audit"])
    }

    @Test func aSchemaExtensionLeftEmptyByHiddenDirectivesIsDropped() throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
            extend schema @private(team: "core")
            directive @private(team: String) on SCHEMA
            type Query { a: Int }
            """
        let builder = try FederatedSchemaBuilder(sdl: sdl, hiddenDirectives: ["private"])
        #expect(builder.serviceSDL == """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])

            type Query {
              a: Int
            }
            """)
    }
}

extension FederatedSchemaBuilderTests {
    @Test func readsBackASchemaThatAlreadyHasTheAdditions() async throws {
        let printed = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
            scalar _Any
            type _Service { sdl: String }
            union _Entity = Item
            type Query { a: Int, _entities(representations: [_Any!]!): [_Entity]!, _service: _Service! }
            type Item @key(fields: "id") { id: ID! }
            """
        let builder = try FederatedSchemaBuilder(sdl: printed)
        #expect(!builder.serviceSDL.contains("_Any") && !builder.serviceSDL.contains("_service"))
        let schema = try builder.build()
        #expect(schema.type(named: "Query")?.fields.map(\.name) == ["a", "_entities", "_service"])
        #expect(schema.type(named: "_Service")?.field(named: "sdl")?.type.description == "String!")
    }
}
