import Testing

@testable import GraphQLCore

/// The built-in scalars' result and input coercion, with graphql-js 16's exact messages.
@Suite struct ScalarCoercionTests {
    func serializeError(_ coercing: any ScalarCoercing, _ value: GraphQLValue) -> String? {
        do {
            _ = try coercing.serialize(value)
            return nil
        } catch {
            return error.message
        }
    }

    func parseValueError(_ coercing: any ScalarCoercing, _ value: GraphQLValue) -> String? {
        do {
            _ = try coercing.parseValue(value)
            return nil
        } catch {
            return error.message
        }
    }

    func parseLiteral(_ coercing: any ScalarCoercing, _ literal: String) throws -> GraphQLValue {
        try coercing.parseLiteral(parseValue(literal), variables: GraphQLObject())
    }

    @Test func intSerialize() throws {
        let int = IntScalarCoercing()
        #expect(try int.serialize(.int(5)) == .int(5))
        #expect(try int.serialize(.double(1e3)) == .int(1000))
        #expect(try int.serialize(.bool(true)) == .int(1))
        #expect(try int.serialize(.string("12")) == .int(12))
        #expect(serializeError(int, .int(2_147_483_648)) == "Int cannot represent non 32-bit signed integer value: 2147483648")
        #expect(serializeError(int, .int(-2_147_483_649)) == "Int cannot represent non 32-bit signed integer value: -2147483649")
        #expect(serializeError(int, .double(1.5)) == "Int cannot represent non-integer value: 1.5")
        #expect(serializeError(int, .string("")) == "Int cannot represent non-integer value: \"\"")
        #expect(serializeError(int, ["a": 1]) == "Int cannot represent non-integer value: { a: 1 }")
    }

    @Test func intInput() throws {
        let int = IntScalarCoercing()
        #expect(try int.parseValue(.double(3.0)) == .int(3))
        #expect(parseValueError(int, .string("3")) == "Int cannot represent non-integer value: \"3\"")
        #expect(parseValueError(int, .int(2_147_483_648)) == "Int cannot represent non 32-bit signed integer value: 2147483648")
        #expect(try parseLiteral(int, "-2147483648") == .int(-2_147_483_648))
        #expect(throws: GraphQLError(message: "Int cannot represent non 32-bit signed integer value: 2147483648")) {
            try parseLiteral(int, "2147483648")
        }
        #expect(throws: GraphQLError(message: "Int cannot represent non-integer value: 1.0")) {
            try parseLiteral(int, "1.0")
        }
    }

    @Test func floatCoercion() throws {
        let float = FloatScalarCoercing()
        #expect(try float.serialize(.int(2)) == .int(2))
        #expect(try float.serialize(.string("1.5e2")) == .double(150))
        #expect(serializeError(float, .string("abc")) == "Float cannot represent non numeric value: \"abc\"")
        #expect(parseValueError(float, .bool(true)) == "Float cannot represent non numeric value: true")
        #expect(try parseLiteral(float, "1") == .double(1))
        #expect(throws: GraphQLError(message: "Float cannot represent non numeric value: \"1\"")) {
            try parseLiteral(float, "\"1\"")
        }
    }

    @Test func stringCoercion() throws {
        let string = StringScalarCoercing()
        #expect(try string.serialize(.double(1e21)) == .string("1e+21"))
        #expect(try string.serialize(.bool(false)) == .string("false"))
        #expect(serializeError(string, [1, [2, [3]]]) == "String cannot represent value: [1, [2, [Array]]]")
        #expect(parseValueError(string, .int(1)) == "String cannot represent a non string value: 1")
        #expect(throws: GraphQLError(message: "String cannot represent a non string value: ENUM")) {
            try parseLiteral(string, "ENUM")
        }
    }

    @Test func booleanAndIDCoercion() throws {
        let boolean = BooleanScalarCoercing()
        #expect(try boolean.serialize(.double(0.5)) == .bool(true))
        #expect(serializeError(boolean, .string("true")) == "Boolean cannot represent a non boolean value: \"true\"")
        #expect(parseValueError(boolean, .int(0)) == "Boolean cannot represent a non boolean value: 0")
        let id = IDScalarCoercing()
        #expect(try id.serialize(.int(7)) == .string("7"))
        #expect(try id.parseValue(.double(8)) == .string("8"))
        #expect(serializeError(id, .double(1.5)) == "ID cannot represent value: 1.5")
        #expect(try parseLiteral(id, "42") == .string("42"))
        #expect(throws: GraphQLError(message: "ID cannot represent a non-string and non-integer value: 1.5")) {
            try parseLiteral(id, "1.5")
        }
    }

    @Test func customScalarsPassThroughByDefault() throws {
        let pass = PassThroughScalarCoercing()
        #expect(try pass.serialize(["a": [1, 2]]) == ["a": [1, 2]])
        #expect(try parseLiteral(pass, "{a: [1, 2.5, X, null]}") == ["a": [1, 2.5, "X", nil]])
    }

    @Test func customScalarClosures() async throws {
        var schema = try buildSchema("type Query { even(n: Even): Even } scalar Even")
        schema.setScalarCoercing(
            typeName: "Even",
            ClosureScalarCoercing(
                serialize: { value throws(GraphQLError) in
                    guard let int = value.integer, int % 2 == 0 else {
                        throw GraphQLError(message: "Even cannot represent \(value.inspected).")
                    }
                    return .int(int)
                },
                parseValue: { value throws(GraphQLError) in
                    guard let int = value.integer, int % 2 == 0 else { throw GraphQLError(message: "Not even.") }
                    return .int(int)
                }))
        schema.setResolver(typeName: "Query", fieldName: "even") { _, arguments, _ in
            .value(arguments["n"] ?? .int(3))
        }
        let odd = await graphql(schema: schema, request: "{ even }")
        #expect(odd.jsonString == #"{"errors":[{"message":"Even cannot represent 3.","locations":[{"line":1,"column":3}],"path":["even"]}],"data":{"even":null}}"#)
        let variable = await graphql(
            schema: schema, request: "query ($n: Even) { even(n: $n) }", variableValues: GraphQLObject([("n", 5)]))
        #expect(variable.jsonString == #"{"errors":[{"message":"Variable \"$n\" got invalid value 5; Not even.","locations":[{"line":1,"column":8}]}]}"#)
    }

    @Test func javaScriptNumberFormatting() {
        #expect(JSNumber.format(1) == "1")
        #expect(JSNumber.format(-0.0) == "0")
        #expect(JSNumber.format(1.5) == "1.5")
        #expect(JSNumber.format(1e21) == "1e+21")
        #expect(JSNumber.format(1e20) == "100000000000000000000")
        #expect(JSNumber.format(1e-7) == "1e-7")
        #expect(JSNumber.format(0.000001) == "0.000001")
        #expect(JSNumber.format(1.2345e-10) == "1.2345e-10")
        #expect(JSNumber.format(-3.5e30) == "-3.5e+30")
        #expect(JSNumber.format(123456.789) == "123456.789")
    }

    @Test func inspectMatchesGraphQLJS() {
        let long: GraphQLValue = .list((0..<12).map { .int($0) })
        #expect(long.inspected == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 2 more items]")
        #expect(GraphQLValue.object(GraphQLObject()).inspected == "{}")
        let nested: GraphQLValue = ["a": ["b": ["c": 1]]]
        #expect(nested.inspected == "{ a: { b: [Object] } }")
        #expect(GraphQLValue.string("q\"").inspected == #""q\"""#)
    }
}
