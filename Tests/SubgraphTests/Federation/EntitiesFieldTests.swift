import GraphQLCore
import Subgraph
import Testing

/// `_entities`, executed in process: one resolver call per type (the batching), input order,
/// nulls, errors at `["_entities", i]`, interface objects and entity interfaces, the limit.
@Suite("Federation _entities")
struct EntitiesFieldTests {
    /// Counts the calls of each entity resolver.
    actor CallLog {
        var calls: [String: [Int]] = [:]
        func record(_ type: String, _ count: Int) { calls[type, default: []].append(count) }
    }

    func shopSchema(log: CallLog) throws -> GraphQLSchema {
        var builder = try FederatedSchemaBuilder(sdl: FederationFixtures.shopSDL)
        builder.setEntityResolver(typeName: "Book") { representations, _ in
            await log.record("Book", representations.count)
            return representations.map { representation in
                guard case .string(let isbn)? = representation["isbn"], isbn != "unknown" else { return .null }
                return .value(["isbn": .string(isbn), "title": .string("Title \(isbn)")])
            }
        }
        builder.setEntityResolver(typeName: "Pen") { representations, _ in
            await log.record("Pen", representations.count)
            // An asynchronous item, resolved later.
            return representations.map { representation in
                .async { .value(["id": representation["id"] ?? "p?", "brand": "Acme"]) }
            }
        }
        return try builder.build()
    }

    @Test func batchesPerTypeAndKeepsTheOrder() async throws {
        let log = CallLog()
        let schema = try shopSchema(log: log)
        let result = await FederationFixtures.run(
            schema, FederationFixtures.entitiesQuery,
            FederationFixtures.representations([
                ["__typename": "Book", "isbn": "1"], ["__typename": "Pen", "id": "p1"], ["__typename": "Book", "isbn": "2"],
                ["__typename": "Pen", "id": "p2"], ["__typename": "Book", "isbn": "3"],
            ]))
        #expect(
            result == [
                "data": [
                    "_entities": [
                        ["__typename": "Book", "isbn": "1", "title": "Title 1"], ["__typename": "Pen", "id": "p1", "brand": "Acme"],
                        ["__typename": "Book", "isbn": "2", "title": "Title 2"], ["__typename": "Pen", "id": "p2", "brand": "Acme"],
                        ["__typename": "Book", "isbn": "3", "title": "Title 3"],
                    ]
                ]
            ])
        #expect(await log.calls == ["Book": [3], "Pen": [2]])
    }

    @Test func unknownRepresentationsResolveToNull() async throws {
        let schema = try shopSchema(log: CallLog())
        let result = await FederationFixtures.run(
            schema, FederationFixtures.entitiesQuery,
            FederationFixtures.representations([["__typename": "Book", "isbn": "unknown"], ["__typename": "Book", "isbn": "9"]]))
        #expect(result == ["data": ["_entities": [nil, ["__typename": "Book", "isbn": "9", "title": "Title 9"]]]])
    }

    @Test func badRepresentationsFailAtTheirOwnPath() async throws {
        let schema = try shopSchema(log: CallLog())
        let outcome = await graphql(
            schema: schema, request: FederationFixtures.entitiesQuery,
            variableValues: FederationFixtures.representations([
                ["__typename": "Book", "isbn": "1"], ["__typename": "Nope"], ["__typename": "Note"], ["__typename": "Shelf", "id": "s"],
                ["__typename": "Review", "id": "r"], ["isbn": "1"],
            ]))
        #expect(outcome.data == ["_entities": [["__typename": "Book", "isbn": "1", "title": "Title 1"], nil, nil, nil, nil, nil]])
        let errors = outcome.errors.sorted { FederationFixtures.index($0) < FederationFixtures.index($1) }
        #expect(errors.map(\.path) == (1...5).map { [.key("_entities"), .index($0)] })
        #expect(errors.map(\.message) == [
            "Representation 1 names type \"Nope\", which this subgraph does not define.",
            "Representation 2 names type \"Note\", which is not an entity of this subgraph (it has no resolvable @key).",
            "No entity resolver is registered for type \"Shelf\".",
            "Representation 4 names type \"Review\", which is not an entity of this subgraph (it has no resolvable @key).",
            "Representation 5 is not an object with a \"__typename\" string.",
        ])
    }

    @Test func aThrowingResolverFailsOnlyItsOwnItems() async throws {
        var builder = try FederatedSchemaBuilder(sdl: FederationFixtures.shopSDL)
        builder.setEntityResolver(typeName: "Book") { _, _ in throw GraphQLError(message: "Books are down.") }
        builder.setEntityResolver(typeName: "Pen") { representations, _ in
            representations.map { .value(["id": $0["id"] ?? .null, "brand": "Acme"]) }
        }
        builder.setEntityResolver(typeName: "Shelf") { representations, _ in [.null] }  // wrong count
        let outcome = await graphql(
            schema: try builder.build(), request: FederationFixtures.entitiesQuery + " ",
            variableValues: FederationFixtures.representations([
                ["__typename": "Book", "isbn": "1"], ["__typename": "Pen", "id": "p1"], ["__typename": "Book", "isbn": "2"],
                ["__typename": "Shelf", "id": "a"], ["__typename": "Shelf", "id": "b"],
            ]))
        #expect(outcome.data == ["_entities": [nil, ["__typename": "Pen", "id": "p1", "brand": "Acme"], nil, nil, nil]])
        let errors = outcome.errors.sorted { FederationFixtures.index($0) < FederationFixtures.index($1) }
        #expect(errors.map(\.path) == [0, 2, 3, 4].map { [.key("_entities"), .index($0)] })
        #expect(errors.first?.message == "Books are down.")
        #expect(errors.last?.message == "The entity resolver of type \"Shelf\" returned 1 values for 2 representations.")
    }

    @Test func interfaceObjectsAndEntityInterfacesResolve() async throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
            type Query { a: Int }
            type Media @interfaceObject @key(fields: "id") { id: ID!, rating: Int }
            interface Animal @key(fields: "name") { name: String! }
            type Cat implements Animal @key(fields: "name") { name: String!, lives: Int }
            """
        var builder = try FederatedSchemaBuilder(sdl: sdl)
        #expect(builder.entityTypeNames == ["Media", "Cat"])
        #expect(builder.entityInterfaceNames == ["Animal"])
        builder.setEntityResolver(typeName: "Media") { representations, _ in
            representations.map { .value(["id": $0["id"] ?? .null, "rating": 5]) }
        }
        builder.setEntityResolver(typeName: "Animal") { representations, _ in
            representations.map { .value(["__typename": "Cat", "name": $0["name"] ?? .null, "lives": 9]) }
        }
        let result = await FederationFixtures.run(
            try builder.build(),
            "query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Media { rating } ... on Cat { lives } } }",
            FederationFixtures.representations([["__typename": "Media", "id": "m"], ["__typename": "Animal", "name": "Tom"]]))
        #expect(result == ["data": ["_entities": [["rating": 5], ["lives": 9]]]])
    }

    /// An opaque record, as real resolvers return (`.source`).
    struct Record: Sendable { let id: String }

    /// Book and Pen resolvers that both return `.source(Record)`, and field resolvers reading it.
    func recordSchema(_ configure: (inout FederatedSchemaBuilder) -> Void = { _ in }) throws -> GraphQLSchema {
        var builder = try FederatedSchemaBuilder(sdl: FederationFixtures.shopSDL)
        configure(&builder)
        for (typeName, key) in [("Book", "isbn"), ("Pen", "id")] {
            builder.setEntityResolver(typeName: typeName) { representations, _ in
                representations.map { representation in
                    guard case .string(let id)? = representation[key] else { return .null }
                    return .source(Record(id: id))
                }
            }
        }
        var schema = try builder.build()
        for (typeName, field) in [("Book", "isbn"), ("Pen", "id")] {
            schema.setResolver(typeName: typeName, fieldName: field) { source, _, _ in
                guard case .source(let record as Record) = source else { return .null }
                return .value(.string(record.id))
            }
        }
        return schema
    }

    @Test func opaqueValuesResolveByTheTypeTheyWereReturnedFor() async throws {
        var builder = try FederatedSchemaBuilder(sdl: FederationFixtures.shopSDL)
        builder.setEntityResolver(typeName: "Book") { representations, _ in
            representations.map { .source(Record(id: $0["isbn"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "")) }
        }
        var schema = try builder.build()
        schema.setResolver(typeName: "Book", fieldName: "isbn") { source, _, _ in
            guard case .source(let record as Record) = source else { return .null }
            return .value(.string(record.id))
        }
        let result = await FederationFixtures.run(
            schema, "query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Book { isbn } } }",
            FederationFixtures.representations([["__typename": "Book", "isbn": "42"], ["__typename": "Book", "isbn": "43"]]))
        #expect(result == ["data": ["_entities": [["__typename": "Book", "isbn": "42"], ["__typename": "Book", "isbn": "43"]]]])
    }

    @Test func oneSwiftTypeForTwoEntitiesNeedsTheEntityTypeResolver() async throws {
        let query = "query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }"
        let variables = FederationFixtures.representations([["__typename": "Book", "isbn": "1"], ["__typename": "Pen", "id": "p"]])
        // Without help the second type makes Record ambiguous: items fail at their own path.
        let ambiguous = await graphql(schema: try recordSchema(), request: query, variableValues: variables)
        #expect(ambiguous.errors.contains { $0.path.first == .key("_entities") })
        // With an entity type resolver, each record names its type.
        let schema = try recordSchema { builder in
            builder.entityTypeResolver = { value, _ in
                guard case .source(let record as Record) = value else { return nil }
                return record.id.hasPrefix("p") ? "Pen" : "Book"
            }
        }
        let result = await FederationFixtures.run(schema, query, variables)
        #expect(result == ["data": ["_entities": [["__typename": "Book"], ["__typename": "Pen"]]]])
    }

    @Test func representationsMayBeInlineLiterals() async throws {
        let schema = try shopSchema(log: CallLog())
        let result = await FederationFixtures.run(schema, #"{ _entities(representations: [{__typename: "Book", isbn: "7"}]) { ... on Book { title } } }"#)
        #expect(result == ["data": ["_entities": [["title": "Title 7"]]]])
    }

    @Test func tooManyRepresentationsFailTheField() async throws {
        var builder = try FederatedSchemaBuilder(sdl: FederationFixtures.shopSDL)
        builder.maxRepresentations = 2
        builder.setEntityResolver(typeName: "Book") { representations, _ in representations.map { _ in .null } }
        let outcome = await graphql(
            schema: try builder.build(), request: FederationFixtures.entitiesQuery,
            variableValues: FederationFixtures.representations(Array(repeating: ["__typename": "Book", "isbn": "1"], count: 3)))
        #expect(outcome.data == .null)
        #expect(outcome.errors.map(\.message) == ["_entities accepts at most 2 representations; 3 were sent."])
        #expect(outcome.errors.first?.path == [.key("_entities")])
    }
}
