// RFC 8785 JSON Canonicalization Scheme (JCS) for `JSONValue`.
//
// The step-result cache hashes canonical JSON, so two inputs that mean the same JSON data must
// produce the same bytes, and two that differ must not. JCS gives exactly that for the I-JSON
// subset (RFC 7493): members sorted by UTF-16 code units (§3.2.3), no whitespace (§3.2.1),
// strings escaped the way ECMAScript's JSON.stringify does (§3.2.2.2) and numbers written as
// ECMAScript's Number::toString writes them (§3.2.2.3, ECMA-262 §7.1.12.1 with "Note 2").
//
// Input that falls outside I-JSON is rejected rather than "fixed up", because any silent
// repair (NaN → null, rounding a big integer) maps different values to the same bytes, and a
// cache key built from such bytes would hand one input's cached result to another input.
//
// Lone surrogates (which §3.2.2.2 says must be rejected) cannot occur: a Swift `String` always
// holds valid Unicode scalars, so there is nothing to check for.

/// Why a `JSONValue` has no RFC 8785 canonical form.
///
/// Equality compares payloads as usual, so two `nonFiniteNumber(.nan, …)` errors are not equal
/// (NaN ≠ NaN); match on the case instead.
public enum CanonicalJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `.double` that is NaN or ±Infinity; JSON cannot express these (RFC 8785 §3.2.2.3).
    case nonFiniteNumber(Double, at: JSONPointer)
    /// An `.int` whose magnitude exceeds 2^53. I-JSON numbers must be IEEE 754 doubles
    /// (RFC 8785 §3.1) and beyond 2^53 a double can no longer tell neighbouring integers apart;
    /// RFC 8785 Appendix D says such numbers must travel as JSON strings instead.
    case integerOutOfRange(Int64, at: JSONPointer)

    /// A human-readable explanation including the JSON Pointer of the offending value.
    public var description: String {
        switch self {
        case .nonFiniteNumber(let value, let pointer):
            return "cannot canonicalize \(value) at '\(pointer)': JSON has no NaN or Infinity"
        case .integerOutOfRange(let value, let pointer):
            return "cannot canonicalize integer \(value) at '\(pointer)': outside ±2^53, "
                + "I-JSON cannot represent it exactly; send it as a string"
        }
    }

    /// The same error, located one level further out (inside `token`).
    func nested(in token: String) -> CanonicalJSONError {
        switch self {
        case .nonFiniteNumber(let value, let pointer):
            return .nonFiniteNumber(value, at: JSONPointer(tokens: [token] + pointer.tokens))
        case .integerOutOfRange(let value, let pointer):
            return .integerOutOfRange(value, at: JSONPointer(tokens: [token] + pointer.tokens))
        }
    }
}

extension JSONValue {
    /// The largest integer magnitude below which every integer is exactly a `Double` (2^53).
    ///
    /// `.int` values inside `-2^53 ... 2^53` canonicalize as the number they are; values outside
    /// throw ``CanonicalJSONError/integerOutOfRange(_:at:)``. We throw rather than write the
    /// nearest double (which RFC 8785 would also allow, since I-JSON parsers read numbers as
    /// doubles) because rounding makes e.g. 2^53 + 1 and 2^53 canonicalize identically, and for
    /// a cache key that collision means serving one input's result for a different input.
    public static let canonicalIntegerLimit: Int64 = 1 << 53

    /// The RFC 8785 (JCS) canonical form of this value as UTF-8 bytes: the exact bytes to hash
    /// or sign.
    ///
    /// `.int(1)` and `.double(1.0)` give the same bytes (`1`): JCS works on the JSON data model,
    /// where both are the same number.
    public func canonicalJSONBytes() throws(CanonicalJSONError) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        try writer.write(self)
        return writer.output
    }

    /// The RFC 8785 (JCS) canonical form of this value as a string (see ``canonicalJSONBytes()``).
    public func canonicalJSON() throws(CanonicalJSONError) -> String {
        String(decoding: try canonicalJSONBytes(), as: UTF8.self)
    }
}

/// Appends canonical JSON to a byte buffer.
struct CanonicalJSONWriter {
    private(set) var output: [UInt8] = []

    init() {
        output.reserveCapacity(256)
    }

    mutating func write(_ value: JSONValue) throws(CanonicalJSONError) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i):
            guard i.magnitude <= JSONValue.canonicalIntegerLimit.magnitude else {
                throw .integerOutOfRange(i, at: .root)
            }
            // Every integer in ±2^53 is exactly a double, and ECMAScript prints such doubles
            // (all below 1e21) as plain decimal integers, which is what `String(i)` gives.
            append(String(i))
        case .double(let d):
            guard d.isFinite else { throw .nonFiniteNumber(d, at: .root) }
            append(ECMAScriptNumber.string(d))
        case .string(let s): writeString(s)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                do {
                    try write(element)
                } catch {
                    throw error.nested(in: String(index))
                }
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            // RFC 8785 §3.2.3: compare names as arrays of UTF-16 code units, unsigned, no
            // locale. `JSONObject` keeps keys distinct by code points, so this order is total.
            let members = zip(object.keys, object.values).sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key)
                output.append(UInt8(ascii: ":"))
                do {
                    try write(member)
                } catch {
                    throw error.nested(in: key)
                }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.2.2: escape only `"`, `\` and U+0000...U+001F (`\b \t \n \f \r` short, the
    /// rest `\u00hh` lowercase); everything else, including `/`, DEL, U+2028/U+2029 and
    /// non-ASCII, is written as-is in UTF-8.
    mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            // Bytes of multi-byte UTF-8 sequences are all >= 0x80, so a byte-wise scan never
            // mistakes part of a non-ASCII character for a character that needs escaping.
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            case ..<0x20:
                append("\\u00")
                output.append(Self.hexDigit(byte >> 4))
                output.append(Self.hexDigit(byte & 0xF))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
