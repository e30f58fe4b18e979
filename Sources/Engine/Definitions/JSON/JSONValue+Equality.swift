// Structural equality and hashing for JSON values.
//
// Swift's `String ==` uses Unicode canonical equivalence ("é" == "e\u{301}"), but JSON strings
// (RFC 8259 §8.3) and JSON Schema compare code points. So strings here compare and hash by
// their UTF-8 bytes, which is also what keeps object keys that differ only in normalization
// distinct.

extension JSONValue {
    /// Structural equality: same case and payload (`.int(1) != .double(1.0)`), strings by code
    /// points, objects ignoring key order. For JSON Schema equality use ``jsonEquals(_:)``.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return JSONValue.sameCodePoints(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    /// Hash consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(i)
        case .double(let d): hasher.combine(3); hasher.combine(d)
        case .string(let s): hasher.combine(4); JSONValue.hashCodePoints(s, into: &hasher)
        case .array(let a): hasher.combine(5); hasher.combine(a)
        case .object(let o): hasher.combine(6); hasher.combine(o)
        }
    }

    /// Code-point (not canonical-equivalence) string equality.
    static func sameCodePoints(_ a: String, _ b: String) -> Bool {
        let left = a.utf8, right = b.utf8
        guard left.count == right.count else { return false }
        // Native strings are contiguous: compare the buffers directly (much faster than iterating).
        let compared: Bool?? = left.withContiguousStorageIfAvailable { leftBytes in
            right.withContiguousStorageIfAvailable { rightBytes in leftBytes.elementsEqual(rightBytes) }
        }
        if let compared, let compared { return compared }
        return left.elementsEqual(right)
    }

    /// Hashes a string's UTF-8 bytes, consistent with `sameCodePoints`.
    static func hashCodePoints(_ s: String, into hasher: inout Hasher) {
        hasher.combine(s.utf8.count)
        let hashed: Void? = s.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in s.utf8 { hasher.combine(byte) }
        }
    }
}

/// A dictionary key that compares strings by code points (see `JSONValue.sameCodePoints`).
struct CodePointKey: Hashable, Sendable {
    let string: String

    static func == (lhs: CodePointKey, rhs: CodePointKey) -> Bool {
        JSONValue.sameCodePoints(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        JSONValue.hashCodePoints(string, into: &hasher)
    }
}
