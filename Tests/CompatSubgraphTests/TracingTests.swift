import GraphQLCore
import Testing

/// The suite's `ftv1.test.ts` ("federated tracing"): with `apollo-federation-include-trace: ftv1`
/// the response carries `extensions.ftv1`, and nothing else changes.
@Suite("Compatibility: federated tracing")
struct TracingTests {
    @Test("ftv1: extensions.ftv1 is a base64 trace when asked for")
    func ftv1() async throws {
        let response = try await CompatClient.request("query { __typename }", headers: [("apollo-federation-include-trace", "ftv1")])
        guard case .object(let object) = response, case .string(let trace)? = object["extensions"]?["ftv1"] else {
            Issue.record("No extensions.ftv1 in \(response.jsonString)")
            return
        }
        // toEqual: exactly data and extensions.
        #expect(object.keys.sorted() == ["data", "extensions"])
        #expect(response["data"] == ["__typename": "Query"])
        #expect(response["extensions"] == ["ftv1": .string(trace)])
        #expect(!trace.isEmpty && trace.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
    }

    @Test("ftv1: no trace unless asked for")
    func noTraceByDefault() async throws {
        let response = try await CompatClient.request("query { __typename }")
        #expect(response == ["data": ["__typename": "Query"]])
    }
}
