import Testing

@testable import GraphQLCore

/// `buildSchema`: types, extensions, built-ins, directives and the errors for meaningless SDL.
@Suite struct BuildSchemaTests {
    @Test func buildsEveryKindOfType() throws {
        let schema = try buildSchema(
            """
            "The root."
            type Query { hero(episode: Episode = JEDI): Character search: [Result!]! }
            interface Character { name: String! }
            type Human implements Character { name: String! height(unit: Unit = METER): Float }
            type Droid implements Character { name: String! }
            union Result = Human | Droid
            enum Episode { NEWHOPE JEDI @deprecated(reason: "Old.") }
            enum Unit { METER FOOT }
            input Filter { text: String = "x" limit: Int! }
            scalar Date @specifiedBy(url: "https://example.com/date")
            """)
        #expect(schema.queryType == "Query")
        #expect(schema.mutationType == nil)
        #expect(schema.type(named: "Query")?.description == "The root.")
        #expect(schema.type(named: "Character")?.kind == .interface)
        #expect(schema.type(named: "Result")?.unionMembers == ["Human", "Droid"])
        #expect(schema.possibleTypes(of: "Character") == ["Human", "Droid"])
        #expect(schema.type(named: "Episode")?.enumValue(named: "JEDI")?.deprecationReason == "Old.")
        #expect(schema.type(named: "Date")?.specifiedByURL == "https://example.com/date")
        let hero = try #require(schema.type(named: "Query")?.field(named: "hero"))
        #expect(hero.arguments.first?.defaultValue == .string("JEDI"))
        #expect(schema.type(named: "Query")?.field(named: "search")?.type.description == "[Result!]!")
        let filter = try #require(schema.type(named: "Filter"))
        #expect(filter.inputFields.map(\.name) == ["text", "limit"])
        #expect(filter.inputFields.first?.defaultValue == .string("x"))
        #expect(schema.validationErrors.isEmpty)
    }

    @Test func typeOrderFollowsGraphQLJS() throws {
        let schema = try buildSchema("type Query { b: B a: Int } type B { s: String }")
        // graphql-js re-adds each configured type after deleting it, so `Int` (seen while
        // walking Query) lands before `B`; this is what `Object.keys(getTypeMap())` prints.
        #expect(schema.typeNames == [
            "Query", "Int", "B", "String", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field",
            "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation",
        ])
        #expect(!schema.typeNames.contains("Float"), "unused built-in scalars are left out, as in graphql-js")
    }

    @Test func extensionsMergeIntoTheirBase() throws {
        let schema = try buildSchema(
            """
            type Query { a: Int }
            extend type Query { b: String }
            enum E { X }
            extend enum E { Y }
            union U = Query
            extend union U = Other
            type Other { o: Int }
            input I { a: Int }
            extend input I { b: Int }
            interface Named { name: String }
            extend type Other implements Named { name: String }
            extend schema { mutation: Other }
            """)
        #expect(schema.type(named: "Query")?.fields.map(\.name) == ["a", "b"])
        #expect(schema.type(named: "E")?.enumValues.map(\.name) == ["X", "Y"])
        #expect(schema.type(named: "U")?.unionMembers == ["Query", "Other"])
        #expect(schema.type(named: "I")?.inputFields.map(\.name) == ["a", "b"])
        #expect(schema.type(named: "Other")?.interfaces == ["Named"])
        #expect(schema.mutationType == "Other")
    }

    @Test func extensionWithoutBaseIsAnErrorUnlessAllowed() throws {
        let sdl = "extend type Query { a: Int }"
        #expect(throws: GraphQLError(message: "Cannot extend type \"Query\" because it is not defined.")) {
            try buildSchema(sdl)
        }
        let schema = try buildSchema(sdl, options: BuildSchemaOptions(allowExtensionsWithoutBase: true))
        #expect(schema.queryType == "Query")
        #expect(schema.type(named: "Query")?.fields.map(\.name) == ["a"])
    }

    @Test func meaninglessSDLThrows() {
        #expect(throws: GraphQLError(message: "Unknown type \"Strin\". Did you mean \"String\"?")) {
            try buildSchema("type Query { a: Strin }")
        }
        #expect(throws: GraphQLError(message: "There can be only one type named \"Query\".")) {
            try buildSchema("type Query { a: Int } type Query { b: Int }")
        }
        #expect(throws: GraphQLError(message: "Must provide only one schema definition.")) {
            try buildSchema("type Query { a: Int } schema { query: Query } schema { query: Query }")
        }
        #expect(throws: GraphQLError(message: "Cannot extend non-enum type \"Query\".")) {
            try buildSchema("type Query { a: Int } extend enum Query { A }")
        }
    }

    @Test(arguments: [
        ("type Query { a: Int @nope }", "Unknown directive \"@nope\"."),
        ("type Query @deprecated { a: Int }", "Directive \"@deprecated\" may not be used on OBJECT."),
        ("type Query { a: Int @deprecated @deprecated }", "The directive \"@deprecated\" can only be used once at this location."),
        ("type Query { a(x: Int @skip(if: true)): Int }", "Directive \"@skip\" may not be used on ARGUMENT_DEFINITION."),
        ("schema @specifiedBy(url: \"x\") { query: Query } type Query { a: Int }", "Directive \"@specifiedBy\" may not be used on SCHEMA."),
    ])
    func appliedDirectivesAreChecked(sdl: String, message: String) {
        #expect(throws: GraphQLError(message: message)) { try buildSchema(sdl) }
    }

    @Test func directivesIncludeCustomAndSpecified() throws {
        let schema = try buildSchema(
            """
            type Query { a: Int @cache(seconds: 5) @cache }
            directive @cache(seconds: Int = 60) repeatable on FIELD_DEFINITION
            """)
        #expect(schema.directives.map(\.name) == ["cache", "include", "skip", "deprecated", "specifiedBy"])
        let cache = try #require(schema.directive(named: "cache"))
        #expect(cache.isRepeatable)
        #expect(cache.locations == [.fieldDefinition])
        #expect(cache.arguments.first?.defaultValue == .int(60))
        #expect(schema.type(named: "Query")?.field(named: "a")?.appliedDirectives.count == 2)
    }

    @Test func oneOfIsExposedOnlyWhenUsed() throws {
        let plain = try buildSchema("type Query { a: Int }")
        #expect(!plain.exposesOneOf)
        #expect(plain.directive(named: "oneOf") == nil)
        #expect(plain.type(named: "__Type")?.field(named: "isOneOf") == nil)

        let withOneOf = try buildSchema("type Query { a(i: I): Int } input I @oneOf { x: Int y: String }")
        #expect(withOneOf.exposesOneOf)
        #expect(withOneOf.type(named: "I")?.isOneOf == true)
        #expect(withOneOf.directive(named: "oneOf")?.locations == [.inputObject])
        #expect(withOneOf.type(named: "__Type")?.field(named: "isOneOf") != nil)

        let forced = try buildSchema("type Query { a: Int }", options: BuildSchemaOptions(exposeOneOf: true))
        #expect(forced.directive(named: "oneOf") != nil)
    }

    @Test func deprecationDefaultsItsReason() throws {
        let schema = try buildSchema(
            """
            type Query { a: Int @deprecated b(x: Int @deprecated(reason: "No x.")): Int }
            input I { f: Int @deprecated }
            """)
        let query = try #require(schema.type(named: "Query"))
        #expect(query.field(named: "a")?.deprecationReason == "No longer supported")
        #expect(query.field(named: "b")?.arguments.first?.deprecationReason == "No x.")
        #expect(schema.type(named: "I")?.inputFields.first?.deprecationReason == "No longer supported")
    }

    @Test func interfacesMayImplementInterfaces() throws {
        let schema = try buildSchema(
            """
            interface Node { id: ID! }
            interface Resource implements Node { id: ID! url: String }
            type Query implements Resource & Node { id: ID! url: String }
            """)
        #expect(schema.type(named: "Resource")?.interfaces == ["Node"])
        #expect(schema.isSubType("Resource", of: "Node"))
        #expect(schema.isSubType("Query", of: "Node"))
        #expect(schema.possibleTypes(of: "Node") == ["Query"])
    }

    @Test func resolversAndScalarCoercionCanBeInstalled() throws {
        var schema = try buildSchema("type Query { a: Int } scalar Money")
        let known = schema.setResolver(typeName: "Query", fieldName: "a") { _, _, _ in .value(1) }
        let unknown = schema.setResolver(typeName: "Query", fieldName: "missing") { _, _, _ in .null }
        #expect(known && !unknown)
        let installed = schema.setScalarCoercing(typeName: "Money", ClosureScalarCoercing())
        let refused = schema.setScalarCoercing(typeName: "Query", ClosureScalarCoercing())
        #expect(installed && !refused)
    }
}
