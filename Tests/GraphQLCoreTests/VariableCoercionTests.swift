import Testing

@testable import GraphQLCore

/// Variable and argument coercion beyond the differential corpus: `@oneOf` inputs (newer
/// than the graphql-js 16.6 we compare with) and the error cap.
@Suite struct VariableCoercionTests {
    static let schema: GraphQLSchema? = {
        guard var schema = try? buildSchema(
            """
            type Query { find(by: By): String many(values: [Int]): String }
            input By @oneOf { id: ID name: String }
            """)
        else { return nil }
        for field in ["find", "many"] {
            schema.setResolver(typeName: "Query", fieldName: field) { _, arguments, _ in
                .value(.string(GraphQLValue.object(arguments).jsonString))
            }
        }
        return schema
    }()

    func run(
        _ request: String, _ variables: GraphQLObject = GraphQLObject(), validationRules: [ValidationRule] = specifiedRules
    ) async throws -> String {
        let schema = try #require(Self.schema)
        return await graphql(
            schema: schema, request: request, variableValues: variables, validationRules: validationRules
        ).jsonString
    }

    @Test func oneOfLiterals() async throws {
        #expect(try await run(#"{ find(by: {id: 1}) }"#) == #"{"data":{"find":"{\"by\":{\"id\":\"1\"}}"}}"#)
        // Validation rejects bad literals first; the executor still copes when validation is skipped.
        #expect(try await run(#"{ find(by: {id: 1, name: "x"}) }"#)
            == #"{"errors":[{"message":"OneOf Input Object \"By\" must specify exactly one key.","locations":[{"line":1,"column":12}]}]}"#)
        #expect(try await run(#"{ find(by: {id: 1, name: "x"}) }"#, validationRules: [])
            == #"{"errors":[{"message":"Argument \"by\" has invalid value {id: 1, name: \"x\"}.","locations":[{"line":1,"column":12}],"path":["find"]}],"data":{"find":null}}"#)
        #expect(try await run(#"{ find(by: {name: null}) }"#)
            == #"{"errors":[{"message":"Field \"By.name\" must be non-null.","locations":[{"line":1,"column":12}]}]}"#)
        #expect(try await run(#"{ find(by: {name: null}) }"#, validationRules: [])
            == #"{"errors":[{"message":"Argument \"by\" has invalid value {name: null}.","locations":[{"line":1,"column":12}],"path":["find"]}],"data":{"find":null}}"#)
    }

    @Test func oneOfVariables() async throws {
        let request = "query ($by: By) { find(by: $by) }"
        #expect(try await run(request, GraphQLObject([("by", ["name": "n"])])) == #"{"data":{"find":"{\"by\":{\"name\":\"n\"}}"}}"#)
        #expect(try await run(request, GraphQLObject([("by", ["name": "n", "id": "i"])]))
            == #"{"errors":[{"message":"Variable \"$by\" got invalid value { name: \"n\", id: \"i\" }; Exactly one key must be specified for OneOf type \"By\".","locations":[{"line":1,"column":8}]}]}"#)
        #expect(try await run(request, GraphQLObject([("by", ["id": nil])]))
            == #"{"errors":[{"message":"Variable \"$by\" got invalid value { id: null }; Field \"id\" must be non-null.","locations":[{"line":1,"column":8}]}]}"#)
    }

    @Test func variableErrorsStopAtFifty() async throws {
        let values: [GraphQLValue] = (0..<60).map { .string("x\($0)") }
        let result = try await run("query ($v: [Int]) { many(values: $v) }", GraphQLObject([("v", .list(values))]))
        let parsed = try parseJSON(result)
        guard case .list(let errors)? = parsed["errors"] else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.count == 51)
        #expect(errors.last?["message"] == "Too many errors processing variables, error limit reached. Execution aborted.")
    }

    @Test func coerceInputValueReportsPaths() throws {
        let schema = try #require(Self.schema)
        var issues: [String] = []
        let value = coerceInputValue(
            [1, "two", nil], type: .list(.nonNull(.named("Int"))), types: schema.types
        ) { issue in
            issues.append(printPath(issue.path) + " " + issue.error.message)
        }
        #expect(value == [1, nil, nil])
        #expect(issues == [
            "[1] Int cannot represent non-integer value: \"two\"",
            "[2] Expected non-nullable type \"Int!\" not to be null.",
        ])
    }

    @Test func valueFromASTHandlesVariablesAndLists() throws {
        let schema = try #require(Self.schema)
        let list = try parseValue("[1, $a, $missing]")
        let variables = GraphQLObject([("a", 2)])
        #expect(valueFromAST(list, type: .list(.named("Int")), types: schema.types, variables: variables) == [1, 2, nil])
        #expect(valueFromAST(list, type: .list(.nonNull(.named("Int"))), types: schema.types, variables: variables) == nil)
        #expect(valueFromAST(try parseValue("3"), type: .list(.named("Int")), types: schema.types, variables: nil) == [3])
    }
}
