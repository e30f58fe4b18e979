/// The caller's W3C Trace Context (`traceparent` request header): an execution started by a
/// request that carries one joins the caller's trace instead of starting a new one, so the
/// platform's traces run from the caller through every step the execution calls.
///
/// Format (https://www.w3.org/TR/trace-context/): `version-traceid-parentid-flags`, lowercase hex,
/// `00-` followed by a 32-digit trace id, a 16-digit parent id and 2 digits of flags. Per the
/// specification an invalid header is ignored (a new trace starts), never an error; a version
/// above 00 may append fields, and version `ff` is invalid.
enum TraceParent {
    /// The trace id of a valid `traceparent` value; nil for anything else.
    static func traceID(in header: String) -> String? {
        let parts = header.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count >= 4,
            isHex(parts[0], count: 2), isHex(parts[1], count: 32), isHex(parts[2], count: 16), isHex(parts[3], count: 2)
        else { return nil }
        let version = String(decoding: parts[0], as: UTF8.self)
        guard version != "ff", version != "00" || parts.count == 4 else { return nil }
        guard parts[1].contains(where: { $0 != UInt8(ascii: "0") }), parts[2].contains(where: { $0 != UInt8(ascii: "0") }) else { return nil }
        return String(decoding: parts[1], as: UTF8.self)
    }

    private static func isHex(_ bytes: Substring.UTF8View.SubSequence, count: Int) -> Bool {
        bytes.count == count && bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
