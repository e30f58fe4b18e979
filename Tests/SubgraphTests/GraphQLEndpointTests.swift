import Foundation
import GraphQLCore
import Hummingbird
import HummingbirdTesting
import Subgraph
import Testing

/// GraphQL over HTTP, per the GraphQL-over-HTTP specification, on a small schema.
@Suite("GraphQL over HTTP")
struct GraphQLEndpointTests {
    func makeApp(limits: OperationLimits = OperationLimits(), maxBodyBytes: Int = 1 << 20, timeout: Double = 5) throws -> some ApplicationProtocol {
        var schema = try buildSchema("""
            type Query { greeting(name: String!): String!, slow: String, nested: Node }
            type Node { child: Node, value: Int }
            type Mutation { bump: Int! }
            """)
        _ = schema.setResolver(typeName: "Query", fieldName: "greeting") { _, arguments, _ in
            guard case .string(let name)? = arguments["name"] else { return .null }
            return .value(.string("Hello, \(name)!"))
        }
        _ = schema.setResolver(typeName: "Query", fieldName: "slow") { _, _, _ in
            .async {
                try await Task.sleep(for: .seconds(3))
                return .value(.string("late"))
            }
        }
        _ = schema.setResolver(typeName: "Mutation", fieldName: "bump") { _, _, _ in .value(.int(1)) }
        let endpoint = GraphQLEndpoint(schema: schema, limits: limits, maxBodyBytes: maxBodyBytes, timeout: timeout)
        let router = Router()
        endpoint.register(on: router)
        return Application(router: router)
    }

    let graphQLResponse = "application/graphql-response+json"

    func post(_ body: String, accept: String? = "application/graphql-response+json", contentType: String = "application/json") -> (HTTPFields, ByteBuffer) {
        var headers: HTTPFields = [.contentType: contentType]
        if let accept { headers[.accept] = accept }
        return (headers, ByteBuffer(string: body))
    }

    @Test func postExecutesAndAnswersInTheAcceptedMediaType() async throws {
        try await makeApp().test(.router) { client in
            let (headers, body) = post(#"{"query": "query G($n: String!) { greeting(name: $n) }", "variables": {"n": "Ada"}}"#)
            try await client.execute(uri: "/graphql", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/graphql-response+json; charset=utf-8")
                #expect(String(buffer: response.body) == #"{"data":{"greeting":"Hello, Ada!"}}"#)
            }
            // No Accept header: application/json.
            let (plain, again) = post(#"{"query": "{ greeting(name: \"Bo\") }"}"#, accept: nil)
            try await client.execute(uri: "/graphql", method: .post, headers: plain, body: again) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == #"{"data":{"greeting":"Hello, Bo!"}}"#)
            }
        }
    }

    @Test func getRunsQueriesButNotMutations() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/graphql?query=%7Bgreeting(name:%22Cy%22)%7D", method: .get, headers: [.accept: graphQLResponse]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"data":{"greeting":"Hello, Cy!"}}"#)
            }
            try await client.execute(uri: "/graphql?query=mutation%7Bbump%7D", method: .get, headers: [.accept: graphQLResponse]) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
        }
    }

    @Test func documentErrorsAre400WithGraphQLResponseJSONAnd200WithJSON() async throws {
        try await makeApp().test(.router) { client in
            for (query, message) in [("{ greeting(name: \\\"x\\\") ", "Syntax Error"), ("{ nope }", "Cannot query field \\\"nope\\\" on type \\\"Query\\\".")] {
                let (headers, body) = post(#"{"query": "\#(query)"}"#)
                try await client.execute(uri: "/graphql", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains(message))
                    #expect(!String(buffer: response.body).contains("\"data\""))
                }
                let (legacy, again) = post(#"{"query": "\#(query)"}"#, accept: "application/json")
                try await client.execute(uri: "/graphql", method: .post, headers: legacy, body: again) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test func malformedRequestsAre400InEveryMediaType() async throws {
        try await makeApp().test(.router) { client in
            for (body, accept) in [("{not json", "application/json"), (#"{"query": 5}"#, graphQLResponse), (#"{"variables": {}}"#, "application/json"), (#"{"query": "{ greeting(name: \"a\") }", "variables": [1]}"#, graphQLResponse)] {
                let (headers, buffer) = post(body, accept: accept)
                try await client.execute(uri: "/graphql", method: .post, headers: headers, body: buffer) { response in
                    #expect(response.status == .badRequest, "\(body)")
                }
            }
        }
    }

    @Test func contentTypeAcceptAndSizeAreEnforced() async throws {
        try await makeApp(maxBodyBytes: 64).test(.router) { client in
            let (text, body) = post(#"{"query": "{ greeting(name: \"a\") }"}"#, contentType: "text/plain")
            try await client.execute(uri: "/graphql", method: .post, headers: text, body: body) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            let (xml, again) = post(#"{"query": "{ greeting(name: \"a\") }"}"#, accept: "application/xml")
            try await client.execute(uri: "/graphql", method: .post, headers: xml, body: again) { response in
                #expect(response.status == .notAcceptable)
            }
            let (big, large) = post(#"{"query": "{ greeting(name: \"\#(String(repeating: "x", count: 200))\") }"}"#)
            try await client.execute(uri: "/graphql", method: .post, headers: big, body: large) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("limit of 64 bytes"))
            }
        }
    }

    @Test func deepAndWideQueriesAreRejectedBeforeExecution() async throws {
        try await makeApp(limits: OperationLimits(maxDepth: 4, maxFields: 5)).test(.router) { client in
            let (deep, body) = post(#"{"query": "{ nested { child { child { child { child { value } } } } } }"}"#)
            try await client.execute(uri: "/graphql", method: .post, headers: deep, body: body) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("QUERY_TOO_DEEP"))
            }
            let (wide, again) = post(#"{"query": "query { ...F ...F } fragment F on Query { a: greeting(name: \"1\") b: greeting(name: \"2\") c: greeting(name: \"3\") }"}"#)
            try await client.execute(uri: "/graphql", method: .post, headers: wide, body: again) { response in
                #expect(String(buffer: response.body).contains("QUERY_TOO_COMPLEX"))
            }
        }
    }

    @Test func operationsPastTheTimeoutAre504() async throws {
        try await makeApp(timeout: 0.2).test(.router) { client in
            let (headers, body) = post(#"{"query": "{ slow }"}"#)
            try await client.execute(uri: "/graphql", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .gatewayTimeout)
                #expect(String(buffer: response.body).contains("TIMEOUT"))
            }
        }
    }
}
