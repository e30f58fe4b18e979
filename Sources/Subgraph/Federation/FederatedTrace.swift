import GraphQLCore

/// Apollo federated tracing ("ftv1"): when a router sends `apollo-federation-include-trace: ftv1`,
/// the subgraph answers with `extensions.ftv1`, a base64 protobuf `Trace` message (Apollo's
/// `reports.proto`).
///
/// This encoder writes the operation-level part of the message: start and end time, duration, and
/// a root node with one child per top-level response field and the operation's errors. Per-field
/// timings need executor instrumentation and are not recorded.
public struct FederatedTrace: Sendable {
    /// The request header a router sends to ask for a trace.
    public static let requestHeader = "apollo-federation-include-trace"
    /// The value of ``requestHeader`` that asks for this trace format.
    public static let requestHeaderValue = "ftv1"
    /// The key of the trace in the response's `extensions`.
    public static let extensionKey = "ftv1"

    /// Wall-clock start, as seconds and nanoseconds since 1970.
    public var start: (seconds: Int64, nanos: Int32)
    /// Wall-clock end, as seconds and nanoseconds since 1970.
    public var end: (seconds: Int64, nanos: Int32)
    /// How long the operation ran, from a monotonic clock.
    public var durationNanoseconds: UInt64
    /// Response keys of the top-level fields (their nodes are children of the root).
    public var rootFields: [String]
    /// Messages of the operation's errors (reported on the root node).
    public var errorMessages: [String]

    /// Creates a trace.
    public init(
        start: (seconds: Int64, nanos: Int32), end: (seconds: Int64, nanos: Int32), durationNanoseconds: UInt64, rootFields: [String] = [],
        errorMessages: [String] = []
    ) {
        self.start = start
        self.end = end
        self.durationNanoseconds = durationNanoseconds
        self.rootFields = rootFields
        self.errorMessages = errorMessages
    }

    /// A trace of an executed result: root fields from its data, errors from its errors.
    public init(result: GraphQLResult, start: (seconds: Int64, nanos: Int32), end: (seconds: Int64, nanos: Int32), durationNanoseconds: UInt64) {
        var fields: [String] = []
        if case .object(let data)? = result.data { fields = data.keys }
        self.init(start: start, end: end, durationNanoseconds: durationNanoseconds, rootFields: fields, errorMessages: result.errors.map(\.message))
    }

    /// The `Trace` message, protobuf-encoded.
    public var protobuf: [UInt8] {
        var root = ProtobufWriter()
        for name in rootFields {
            var child = ProtobufWriter()
            child.string(field: 1, name)  // response_name
            root.message(field: 12, child)  // child
        }
        for message in errorMessages {
            var error = ProtobufWriter()
            error.string(field: 1, message)  // Error.message
            root.message(field: 11, error)  // error
        }
        var trace = ProtobufWriter()
        trace.message(field: 3, Self.timestamp(end))  // end_time
        trace.message(field: 4, Self.timestamp(start))  // start_time
        trace.varint(field: 11, durationNanoseconds)  // duration_ns
        trace.message(field: 14, root)  // root
        return trace.bytes
    }

    /// The `extensions.ftv1` value: the message in base64.
    public var base64: String { Base64.encode(protobuf) }

    private static func timestamp(_ time: (seconds: Int64, nanos: Int32)) -> ProtobufWriter {
        var writer = ProtobufWriter()
        writer.varint(field: 1, UInt64(bitPattern: time.seconds))
        writer.varint(field: 2, UInt64(bitPattern: Int64(time.nanos)))
        return writer
    }
}

/// The few protobuf wire-format encodings a trace needs: varints, strings, nested messages.
struct ProtobufWriter: Sendable {
    private(set) var bytes: [UInt8] = []

    mutating func varint(field: Int, _ value: UInt64) {
        guard value != 0 else { return }  // proto3 omits default values
        key(field, wireType: 0)
        raw(value)
    }

    mutating func string(field: Int, _ value: String) {
        key(field, wireType: 2)
        let utf8 = Array(value.utf8)
        raw(UInt64(utf8.count))
        bytes += utf8
    }

    mutating func message(field: Int, _ message: ProtobufWriter) {
        key(field, wireType: 2)
        raw(UInt64(message.bytes.count))
        bytes += message.bytes
    }

    private mutating func key(_ field: Int, wireType: UInt64) {
        raw(UInt64(field) << 3 | wireType)
    }

    private mutating func raw(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

/// Standard base64 with padding (RFC 4648 §4).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0..<4 {
                if position <= count {
                    output.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
