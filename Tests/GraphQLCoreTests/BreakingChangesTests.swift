import Testing

@testable import GraphQLCore

/// `findBreakingChanges` / `findDangerousChanges` / `findSchemaChanges`: one case per change type,
/// with graphql-js 16's descriptions.
@Suite struct BreakingChangesTests {
    /// An old and a new schema and the one change expected between them.
    struct Case: Sendable, CustomTestStringConvertible {
        let type: String
        let old: String
        let new: String
        let description: String
        var testDescription: String { type }
    }

    static let query = "type Query { a: String }\n"

    static let breakingCases: [Case] = [
        Case(type: "TYPE_REMOVED", old: query + "type T { x: String }", new: query, description: "T was removed."),
        Case(
            type: "TYPE_CHANGED_KIND", old: query + "type T { x: Int }", new: query + "interface T { x: Int }",
            description: "T changed from an Object type to an Interface type."),
        Case(
            type: "TYPE_REMOVED_FROM_UNION", old: query + "type A { x: Int } type B { x: Int } union U = A | B",
            new: query + "type A { x: Int } type B { x: Int } union U = A", description: "B was removed from union type U."),
        Case(
            type: "VALUE_REMOVED_FROM_ENUM", old: query + "enum E { A B }", new: query + "enum E { A }",
            description: "B was removed from enum type E."),
        Case(
            type: "REQUIRED_INPUT_FIELD_ADDED", old: query + "input I { a: Int }", new: query + "input I { a: Int b: Int! }",
            description: "A required field b on input type I was added."),
        Case(
            type: "IMPLEMENTED_INTERFACE_REMOVED", old: query + "interface N { x: Int } type T implements N { x: Int }",
            new: query + "interface N { x: Int } type T { x: Int }", description: "T no longer implements interface N."),
        Case(
            type: "FIELD_REMOVED", old: "type Query { a: String name: String }", new: query,
            description: "Query.name was removed."),
        Case(
            type: "FIELD_CHANGED_KIND", old: "type Query { name: String! }", new: "type Query { name: String }",
            description: "Query.name changed type from String! to String."),
        Case(
            type: "REQUIRED_ARG_ADDED", old: "type Query { f: Int }", new: "type Query { f(x: Int!): Int }",
            description: "A required arg x on Query.f was added."),
        Case(
            type: "ARG_REMOVED", old: "type Query { f(x: Int): Int }", new: "type Query { f: Int }",
            description: "Query.f arg x was removed."),
        Case(
            type: "ARG_CHANGED_KIND", old: "type Query { f(x: Int): Int }", new: "type Query { f(x: Int!): Int }",
            description: "Query.f arg x has changed type from Int to Int!."),
        Case(type: "DIRECTIVE_REMOVED", old: "directive @d on FIELD " + query, new: query, description: "d was removed."),
        Case(
            type: "DIRECTIVE_ARG_REMOVED", old: "directive @d(x: String) on FIELD " + query,
            new: "directive @d on FIELD " + query, description: "x was removed from d."),
        Case(
            type: "REQUIRED_DIRECTIVE_ARG_ADDED", old: "directive @d on FIELD " + query,
            new: "directive @d(x: Int!) on FIELD " + query, description: "A required arg x on directive d was added."),
        Case(
            type: "DIRECTIVE_REPEATABLE_REMOVED", old: "directive @d repeatable on FIELD " + query,
            new: "directive @d on FIELD " + query, description: "Repeatable flag was removed from d."),
        Case(
            type: "DIRECTIVE_LOCATION_REMOVED", old: "directive @d on FIELD | QUERY " + query,
            new: "directive @d on FIELD " + query, description: "QUERY was removed from d."),
    ]

    static let dangerousCases: [Case] = [
        Case(
            type: "VALUE_ADDED_TO_ENUM", old: query + "enum E { A }", new: query + "enum E { A B }",
            description: "B was added to enum type E."),
        Case(
            type: "TYPE_ADDED_TO_UNION", old: query + "type A { x: Int } type B { x: Int } union U = A",
            new: query + "type A { x: Int } type B { x: Int } union U = A | B", description: "B was added to union type U."),
        Case(
            type: "OPTIONAL_INPUT_FIELD_ADDED", old: query + "input I { a: Int }", new: query + "input I { a: Int b: Int }",
            description: "An optional field b on input type I was added."),
        Case(
            type: "OPTIONAL_ARG_ADDED", old: "type Query { f: Int }", new: "type Query { f(x: Int! = 1): Int }",
            description: "An optional arg x on Query.f was added."),
        Case(
            type: "IMPLEMENTED_INTERFACE_ADDED", old: query + "interface N { x: Int } type T { x: Int }",
            new: query + "interface N { x: Int } type T implements N { x: Int }",
            description: "N added to interfaces implemented by T."),
        Case(
            type: "ARG_DEFAULT_VALUE_CHANGE", old: "type Query { f(x: Int = 1): Int }", new: "type Query { f(x: Int = 2): Int }",
            description: "Query.f arg x has changed defaultValue from 1 to 2."),
    ]

    static let safeCases: [Case] = [
        Case(type: "TYPE_ADDED", old: query, new: query + "type T { x: Int }", description: "T was added."),
        Case(type: "FIELD_ADDED", old: query, new: "type Query { a: String b: Int }", description: "Query.b was added."),
        Case(
            type: "FIELD_CHANGED_KIND_SAFELY", old: query, new: "type Query { a: String! }",
            description: "Query.a changed type from String to String!."),
        Case(
            type: "ARG_CHANGED_KIND_SAFELY", old: "type Query { f(x: Int!): Int }", new: "type Query { f(x: Int): Int }",
            description: "Query.f arg x has changed type from Int! to Int."),
        Case(
            type: "ARG_DEFAULT_VALUE_ADDED", old: "type Query { f(x: Int): Int }", new: "type Query { f(x: Int = 3): Int }",
            description: "Query.f arg x defaultValue was added."),
        Case(type: "DIRECTIVE_ADDED", old: query, new: "directive @d on FIELD " + query, description: "d was added."),
        Case(
            type: "OPTIONAL_DIRECTIVE_ARG_ADDED", old: "directive @d on FIELD " + query,
            new: "directive @d(x: Int) on FIELD " + query, description: "An optional arg x on directive d was added."),
        Case(
            type: "DIRECTIVE_REPEATABLE_ADDED", old: "directive @d on FIELD " + query,
            new: "directive @d repeatable on FIELD " + query, description: "Repeatable flag was added to d."),
        Case(
            type: "DIRECTIVE_LOCATION_ADDED", old: "directive @d on FIELD " + query,
            new: "directive @d on FIELD | QUERY " + query, description: "QUERY was added to d."),
        Case(
            type: "DESCRIPTION_CHANGED", old: query, new: "type Query { \"Now described.\" a: String }",
            description: "Description of Query.a changed."),
        Case(
            type: "DEPRECATION_ADDED", old: query, new: "type Query { a: String @deprecated }",
            description: "Query.a was deprecated."),
        Case(
            type: "DEPRECATION_REMOVED", old: query + "enum E { A @deprecated }", new: query + "enum E { A }",
            description: "E.A is no longer deprecated."),
        Case(
            type: "DEPRECATION_REASON_CHANGED", old: "type Query { f(x: Int @deprecated): Int }",
            new: "type Query { f(x: Int @deprecated(reason: \"Use y.\")): Int }",
            description: "Deprecation reason of Query.f(x:) changed."),
        Case(
            type: "SPECIFIED_BY_URL_CHANGED", old: query + "scalar S @specifiedBy(url: \"a\")",
            new: query + "scalar S @specifiedBy(url: \"b\")", description: "Specified-by URL of S changed."),
    ]

    @Test(arguments: breakingCases) func breakingChange(_ testCase: Case) throws {
        let changes = findSchemaChanges(try buildSchema(testCase.old), try buildSchema(testCase.new))
        #expect(changes.map(\.kind.name) == [testCase.type])
        #expect(changes.map(\.description) == [testCase.description])
        let breaking = try findBreakingChanges(buildSchema(testCase.old), buildSchema(testCase.new))
        #expect(breaking.map(\.type.rawValue) == [testCase.type])
        #expect(try findDangerousChanges(buildSchema(testCase.old), buildSchema(testCase.new)).isEmpty)
    }

    @Test(arguments: dangerousCases) func dangerousChange(_ testCase: Case) throws {
        let changes = findSchemaChanges(try buildSchema(testCase.old), try buildSchema(testCase.new))
        #expect(changes.map(\.kind.name) == [testCase.type])
        #expect(changes.map(\.description) == [testCase.description])
        let dangerous = try findDangerousChanges(buildSchema(testCase.old), buildSchema(testCase.new))
        #expect(dangerous.map(\.type.rawValue) == [testCase.type])
        #expect(try findBreakingChanges(buildSchema(testCase.old), buildSchema(testCase.new)).isEmpty)
    }

    @Test(arguments: safeCases) func safeChange(_ testCase: Case) throws {
        let changes = findSchemaChanges(try buildSchema(testCase.old), try buildSchema(testCase.new))
        #expect(changes.map(\.kind) == [.safe(try #require(SafeChangeType(rawValue: testCase.type)))])
        #expect(changes.map(\.description) == [testCase.description])
    }

    @Test func everyChangeTypeHasACase() {
        #expect(Set(Self.breakingCases.map(\.type)) == Set(BreakingChangeType.allCases.map(\.rawValue)))
        #expect(Set(Self.dangerousCases.map(\.type)) == Set(DangerousChangeType.allCases.map(\.rawValue)))
        #expect(Set(Self.safeCases.map(\.type)) == Set(SafeChangeType.allCases.map(\.rawValue)))
    }

    @Test func identicalSchemasHaveNoChanges() throws {
        let sdl = "interface N { id: ID! } type T implements N { id: ID! f(x: Int = 1): [T] } type Query { t: T }"
        #expect(findSchemaChanges(try buildSchema(sdl), try buildSchema(sdl)).isEmpty)
    }

    @Test func standardScalarRemovalHasItsOwnWording() throws {
        let changes = try findBreakingChanges(buildSchema("type Query { a: Int }"), buildSchema("type Query { a: String }"))
        #expect(changes.first?.description == "Standard scalar Int was removed because it is not referenced anymore.")
    }

    @Test func defaultValuesCompareWithSortedObjectFields() throws {
        let old = try buildSchema("input I { a: Int b: Int } type Query { f(i: I = {a: 1, b: 2}): Int }")
        let reordered = try buildSchema("input I { b: Int a: Int } type Query { f(i: I = {b: 2, a: 1}): Int }")
        let changed = try buildSchema("input I { a: Int b: Int } type Query { f(i: I = {a: 1, b: 3}): Int }")
        #expect(findDangerousChanges(old, reordered).isEmpty)
        #expect(
            findDangerousChanges(old, changed).map(\.description)
                == ["Query.f arg i has changed defaultValue from {a: 1, b: 2} to {a: 1, b: 3}."])
    }

    @Test func sortValueNodeUsesNaturalOrder() throws {
        let node = try parseValue("{a10: 1, a9: {z: 1, b: 2}, a: [{y: 1, x: 2}]}")
        #expect(print(sortValueNode(node)) == "{a: [{x: 2, y: 1}], a9: {b: 2, z: 1}, a10: 1}")
    }
}
