import Testing

@testable import Subgraph

/// The caller's `traceparent` header (W3C Trace Context): valid values give their trace id,
/// anything else is ignored (a new trace starts) rather than refused.
@Suite("traceparent")
struct TraceParentTests {
    let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"

    @Test func aValidHeaderGivesItsTraceID() {
        #expect(TraceParent.traceID(in: "00-\(traceID)-00f067aa0ba902b7-01") == traceID)
        #expect(TraceParent.traceID(in: "00-\(traceID)-00f067aa0ba902b7-00") == traceID)
        // A later version may append fields; its first four are read the same way.
        #expect(TraceParent.traceID(in: "01-\(traceID)-00f067aa0ba902b7-01-extra") == traceID)
    }

    @Test(arguments: [
        "",
        "garbage",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",  // uppercase
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",  // all-zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",  // all-zero parent id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  // forbidden version
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",  // version 00 has four fields
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",  // 31 digits
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
        "00-4bf92f3577b34da6a3ce929d0e0e47zz-00f067aa0ba902b7-01",
    ])
    func anythingElseIsIgnored(header: String) {
        #expect(TraceParent.traceID(in: header) == nil)
    }
}
