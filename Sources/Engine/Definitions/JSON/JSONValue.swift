/// A JSON value as read by `JSONValue.parse` and written by `serialized(pretty:sortedKeys:)`.
///
/// Numbers keep their lexical kind: a literal without fraction or exponent that fits `Int64`
/// is `.int`, everything else is `.double`. `==` is *structural* (so `.int(1) != .double(1.0)`,
/// which keeps round-trips honest), while ``jsonEquals(_:)`` implements JSON Schema equality
/// where `1` and `1.0` are the same number. Objects compare equal regardless of key order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The JSON Schema type name of this value: "null", "boolean", "integer", "number",
    /// "string", "array" or "object". Integral doubles (`1.0`) report "integer", as JSON Schema does.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double(let d): return d.isFinite && d.rounded(.towardZero) == d ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// True for `.int` and `.double`.
    public var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }

    /// The numeric value as a `Double` (lossy above 2^53), or nil for non-numbers.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The string payload, or nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean payload, or nil.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The integer payload (also for integral doubles that fit `Int64`), or nil.
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d): return Int64(exactly: d)
        default: return nil
        }
    }

    /// The array payload, or nil.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object payload, or nil.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// JSON Schema equality (used by `const`, `enum` and `uniqueItems`): numbers compare by
    /// mathematical value, so `1` equals `1.0`; arrays compare element-wise; objects by their
    /// key/value pairs regardless of order.
    public func jsonEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
            // Compare exactly: converting the Int64 to Double could round and report false equality.
            return Int64(exactly: b) == a
        case (.string(let a), .string(let b)): return JSONValue.sameCodePoints(a, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !x.jsonEquals(y) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let otherValue = b[key], value.jsonEquals(otherValue) else { return false }
            }
            return true
        default: return false
        }
    }
}
