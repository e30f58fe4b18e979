import Foundation
import GraphQLCore
import Subgraph
import Testing

/// The `ftv1` trace encoder: protobuf wire format of Apollo's `Trace` message, and its base64.
@Suite("Federated trace")
struct FederatedTraceTests {
    @Test func encodesTheTraceMessage() {
        let trace = FederatedTrace(
            start: (seconds: 1, nanos: 2), end: (seconds: 3, nanos: 4), durationNanoseconds: 5, rootFields: ["a"], errorMessages: ["boom"])
        let root: [UInt8] = [0x62, 0x03, 0x0A, 0x01, 0x61] + [0x5A, 0x06, 0x0A, 0x04] + Array("boom".utf8)
        let expected: [UInt8] =
            [0x1A, 0x04, 0x08, 0x03, 0x10, 0x04]  // end_time = 3: {seconds: 3, nanos: 4}
            + [0x22, 0x04, 0x08, 0x01, 0x10, 0x02]  // start_time = 4: {seconds: 1, nanos: 2}
            + [0x58, 0x05]  // duration_ns = 11: 5
            + [0x72, UInt8(root.count)] + root  // root = 14: {child = 12: {response_name = 1}, error = 11: {message = 1}}
        #expect(trace.protobuf == expected)
    }

    @Test func largeValuesUseMultiByteVarints() {
        let trace = FederatedTrace(start: (seconds: 1_795_774_889, nanos: 0), end: (seconds: 0, nanos: 0), durationNanoseconds: 300)
        // 300 = 0b1_0010_1100 → 0xAC 0x02; zero fields are omitted, as proto3 does.
        #expect(trace.protobuf.starts(with: [0x1A, 0x00, 0x22, 0x06, 0x08, 0xA9, 0xB3, 0xA5, 0xD8, 0x06, 0x58, 0xAC, 0x02]))
    }

    @Test func base64MatchesFoundation() {
        for count in 0..<8 {
            let trace = FederatedTrace(
                start: (seconds: Int64(count), nanos: 7), end: (seconds: 9, nanos: 1), durationNanoseconds: UInt64(count * 1000),
                rootFields: Array(repeating: "x", count: count))
            #expect(trace.base64 == Data(trace.protobuf).base64EncodedString())
        }
    }

    @Test func tracesAResult() {
        let result = GraphQLResult(data: ["me": nil, "you": 1], errors: [GraphQLError(message: "no")])
        let trace = FederatedTrace(result: result, start: (0, 0), end: (0, 0), durationNanoseconds: 0)
        #expect(trace.rootFields == ["me", "you"])
        #expect(trace.errorMessages == ["no"])
    }
}
