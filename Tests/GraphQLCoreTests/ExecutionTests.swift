import Testing

@testable import GraphQLCore

/// Counts how many async resolvers are in flight at once.
actor InFlight {
    private(set) var current = 0
    private(set) var maximum = 0
    private(set) var order: [String] = []

    func enter(_ name: String) {
        current += 1
        maximum = max(maximum, current)
        order.append(name)
    }

    func leave() { current -= 1 }
}

/// The executor: resolver API, async concurrency, serial mutations, operation selection and
/// robustness on documents that validation would have rejected.
@Suite struct ExecutionTests {
    static let sdl = """
        type Query { a: String b: String c: String list: [Item] item: Item ctx: String fail: String failGraphQL: String }
        type Mutation { first: String second: String third: String }
        type Item { name: String double(n: Int = 2): Int }
        """

    static func slowSchema(_ flight: InFlight) throws -> GraphQLSchema {
        var schema = try buildSchema(sdl)
        for (type, field) in [("Query", "a"), ("Query", "b"), ("Query", "c"), ("Mutation", "first"), ("Mutation", "second"), ("Mutation", "third")] {
            schema.setResolver(typeName: type, fieldName: field) { _, _, _ in
                .async {
                    await flight.enter(field)
                    try await Task.sleep(for: .milliseconds(30))
                    await flight.leave()
                    return .value(.string(field))
                }
            }
        }
        return schema
    }

    @Test func asyncQueryFieldsRunConcurrently() async throws {
        let flight = InFlight()
        let result = await graphql(schema: try Self.slowSchema(flight), request: "{ c a b }")
        #expect(result.jsonString == #"{"data":{"c":"c","a":"a","b":"b"}}"#)
        #expect(await flight.maximum >= 2)
    }

    @Test func asyncFieldsUnderListItemsRunConcurrently() async throws {
        var schema = try buildSchema(Self.sdl)
        let flight = InFlight()
        schema.setResolver(typeName: "Item", fieldName: "name") { source, _, _ in
            .async {
                await flight.enter("name")
                try await Task.sleep(for: .milliseconds(20))
                await flight.leave()
                return .value(source.plainValue?["name"] ?? .null)
            }
        }
        let root: GraphQLValue = ["list": [["name": "a"], ["name": "b"], ["name": "c"], nil]]
        let result = await graphql(schema: schema, request: "{ list { name } a }", rootValue: .value(root))
        #expect(result.jsonString == #"{"data":{"list":[{"name":"a"},{"name":"b"},{"name":"c"},null],"a":null}}"#)
        #expect(await flight.maximum >= 2)
    }

    @Test func mutationFieldsRunSerially() async throws {
        let flight = InFlight()
        let result = await graphql(schema: try Self.slowSchema(flight), request: "mutation { third first second }")
        #expect(result.jsonString == #"{"data":{"third":"third","first":"first","second":"second"}}"#)
        #expect(await flight.maximum == 1)
        #expect(await flight.order == ["third", "first", "second"])
    }

    @Test func synchronousResolversRunOnTheCallersTask() async throws {
        var schema = try buildSchema(Self.sdl)
        let callerTask = withUnsafeCurrentTask { $0?.hashValue }
        schema.setResolver(typeName: "Query", fieldName: "list") { _, _, _ in
            .list((0..<3).map { .source(ItemBox(name: "item\($0)")) })
        }
        schema.setResolver(typeName: "Item", fieldName: "name") { source, _, _ in
            let sameTask = withUnsafeCurrentTask { $0?.hashValue } == callerTask
            guard case .source(let box) = source, let item = box as? ItemBox, sameTask else { return .null }
            return .value(.string(item.name))
        }
        schema.setResolver(typeName: "Item", fieldName: "double") { _, arguments, _ in
            .value(.int((arguments["n"]?.integer ?? 0) * 2))
        }
        let result = await graphql(schema: schema, request: "{ list { name double d3: double(n: 3) } }")
        #expect(result.jsonString == #"{"data":{"list":[{"name":"item0","double":4,"d3":6},{"name":"item1","double":4,"d3":6},{"name":"item2","double":4,"d3":6}]}}"#)
    }

    @Test func resolverErrorsBecomeFieldErrors() async throws {
        var schema = try buildSchema(Self.sdl)
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        schema.setResolver(typeName: "Query", fieldName: "fail") { _, _, _ in throw Boom() }
        schema.setResolver(typeName: "Query", fieldName: "failGraphQL") { _, _, _ in
            .async { throw GraphQLError(message: "Not allowed.", extensions: [.init("code", .string("FORBIDDEN"))]) }
        }
        let result = await graphql(schema: schema, request: "{ fail failGraphQL a }", rootValue: .value(["a": "ok"]))
        #expect(result.jsonString == #"{"errors":[{"message":"boom","locations":[{"line":1,"column":3}],"path":["fail"]},{"message":"Not allowed.","locations":[{"line":1,"column":8}],"path":["failGraphQL"],"extensions":{"code":"FORBIDDEN"}}],"data":{"fail":null,"failGraphQL":null,"a":"ok"}}"#)
    }

    /// Deferred work runs in waves, so batch loaders see every key of a level before the first
    /// batch of the next level is requested: no `inner` work starts before every `outer` is done.
    @Test func deferredWorkRunsLevelByLevel() async throws {
        var schema = try buildSchema("""
            type Query { items: [Item!]! }
            type Item { outer: Inner! }
            type Inner { inner: Int! }
            """)
        actor Log {
            var entries: [String] = []
            func add(_ entry: String) { entries.append(entry) }
        }
        let log = Log()
        schema.setResolver(typeName: "Query", fieldName: "items") { _, _, _ in .list((0..<6).map { .value(.int($0)) }) }
        schema.setResolver(typeName: "Item", fieldName: "outer") { source, _, _ in
            .async {
                let index = source.plainValue.flatMap { if case .int(let value) = $0 { value } else { nil } } ?? 0
                // Uneven durations: without waves, fast items' inner work would start first.
                try await Task.sleep(for: .milliseconds(5 * (6 - index)))
                await log.add("outer")
                return .value(.int(index))
            }
        }
        schema.setResolver(typeName: "Inner", fieldName: "inner") { source, _, _ in
            .async {
                await log.add("inner")
                return .value(source.plainValue ?? .null)
            }
        }
        let result = await graphql(schema: schema, request: "{ items { outer { inner } } }")
        #expect(result.jsonString == #"{"data":{"items":[{"outer":{"inner":0}},{"outer":{"inner":1}},{"outer":{"inner":2}},{"outer":{"inner":3}},{"outer":{"inner":4}},{"outer":{"inner":5}}]}}"#)
        #expect(await log.entries == Array(repeating: "outer", count: 6) + Array(repeating: "inner", count: 6))
    }

    @Test func contextValueReachesResolvers() async throws {
        var schema = try buildSchema(Self.sdl)
        schema.setResolver(typeName: "Query", fieldName: "ctx") { _, _, info in
            .value(.string((info.contextValue as? String) ?? "none"))
        }
        let result = await graphql(schema: schema, request: "{ ctx }", contextValue: "tenant-1")
        #expect(result.jsonString == #"{"data":{"ctx":"tenant-1"}}"#)
    }

    @Test(arguments: [
        ("{ a } { b }", nil, #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#),
        ("query A { a } query B { b }", "C", #"{"errors":[{"message":"Unknown operation named \"C\"."}]}"#),
        ("fragment F on Query { a }", nil, #"{"errors":[{"message":"Must provide an operation."}]}"#),
        ("query A { a } query B { b }", "B", #"{"data":{"b":"2"}}"#),
        ("subscription { a }", nil, #"{"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}],"data":null}"#),
        ("{ a(", nil, #"{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":5}]}]}"#),
    ] as [(String, String?, String)])
    func operationSelection(request: String, operationName: String?, expected: String) async throws {
        let schema = try buildSchema(Self.sdl)
        // Request errors of the executor itself, so validation (which would catch some first) is skipped.
        let result = await graphql(
            schema: schema, request: request, rootValue: .value(["a": "1", "b": "2"]), operationName: operationName,
            validationRules: [])
        #expect(result.jsonString == expected)
    }

    @Test func invalidDocumentsNeverCrash() async throws {
        let schema = try buildSchema(Self.sdl)
        let requests = [
            "{ unknown a { x } }",
            "{ ...Missing item { ...OnWrongType } }\nfragment OnWrongType on Mutation { first }",
            "{ item { double(n: \"x\") double(n: $undefined) name(extra: 1) } }",
            "query ($v: Item) { a }",
            "query ($v: Int!) { a @skip(if: $v) b @include(if: 3) }",
            "{ a { b } list }",
            "{ __schema { types { name(x: 1) } } __type { name } }",
        ]
        for request in requests {
            let result = await graphql(
                schema: schema, request: request, rootValue: .value(["a": "1", "item": ["name": "n"], "list": "nope"]),
                validationRules: [])
            #expect(!result.jsonString.isEmpty)
        }
        let unknown = await graphql(
            schema: schema, request: "{ unknown a }", rootValue: .value(["a": "1"]), validationRules: [])
        #expect(unknown.jsonString == #"{"data":{"a":"1"}}"#)
        let badArgument = await graphql(
            schema: schema, request: "{ item { double(n: \"x\") } }", rootValue: .value(["item": ["name": "n"]]),
            validationRules: [])
        #expect(badArgument.jsonString == #"{"errors":[{"message":"Argument \"n\" has invalid value \"x\".","locations":[{"line":1,"column":20}],"path":["item","double"]}],"data":{"item":{"double":null}}}"#)
    }

    @Test func jsonRootHelperUsesTypenameForAbstractTypes() async throws {
        let schema = try buildSchema(
            """
            type Query { pets: [Pet] }
            union Pet = Dog | Cat
            type Dog { barks: Boolean }
            type Cat { lives: Int }
            """)
        let source = Source("{ pets { __typename ... on Dog { barks } ... on Cat { lives } } }")
        let root = try parseJSON(#"{"pets":[{"__typename":"Cat","lives":9},{"__typename":"Dog","barks":true}]}"#)
        let result = await executeWithJSONRoot(schema: schema, document: try parse(source), source: source, rootJSON: root)
        #expect(result.jsonString == #"{"data":{"pets":[{"__typename":"Cat","lives":9},{"__typename":"Dog","barks":true}]}}"#)
    }

    @Test func typeResolverCanBeInstalled() async throws {
        var schema = try buildSchema("type Query { pet: Pet } interface Pet { name: String } type Dog implements Pet { name: String }")
        schema.setTypeResolver(typeName: "Pet") { _, _ in "Dog" }
        let result = await graphql(schema: schema, request: "{ pet { __typename name } }", rootValue: .value(["pet": ["name": "Rex"]]))
        #expect(result.jsonString == #"{"data":{"pet":{"__typename":"Dog","name":"Rex"}}}"#)
    }
}

/// An opaque resolver source.
struct ItemBox: Sendable {
    let name: String
}
