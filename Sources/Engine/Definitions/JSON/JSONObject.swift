/// A JSON object that remembers the order in which keys were inserted (so output reads like
/// the input). Small objects (the common case) are searched linearly, which beats hashing;
/// from `indexThreshold` members on, a key → position index keeps lookups O(1).
///
/// Equality and hashing ignore order: `{"a":1,"b":2}` equals `{"b":2,"a":1}`.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// Keys in insertion order.
    public private(set) var keys: [String] = []
    /// Values, parallel to `keys`.
    public private(set) var values: [JSONValue] = []
    // Keyed by code points: keys that differ only in Unicode normalization are distinct members.
    // Nil while the object is small.
    private var positions: [CodePointKey: Int]?

    /// Member count from which lookups use a hash index instead of a linear scan.
    static let indexThreshold = 12

    /// An empty object.
    public init() {}

    /// An object from key/value pairs; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    /// An object from a dictionary literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// True when the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for `key`; assigning nil removes the member (O(n)), assigning a value
    /// replaces it in place or appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return values[position]
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    values[position] = newValue
                } else {
                    removeMember(at: position)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if positions != nil {
                    positions?[CodePointKey(string: key)] = keys.count - 1
                } else if keys.count >= JSONObject.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// True if the object has a member named `key`.
    public func contains(key: String) -> Bool { position(of: key) != nil }

    /// The insertion-order position of `key`, or nil.
    public func position(of key: String) -> Int? {
        if let positions { return positions[CodePointKey(string: key)] }
        return keys.firstIndex { JSONValue.sameCodePoints($0, key) }
    }

    private mutating func removeMember(at position: Int) {
        keys.remove(at: position)
        values.remove(at: position)
        if positions != nil { rebuildIndex() }
    }

    private mutating func rebuildIndex() {
        guard keys.count >= JSONObject.indexThreshold else {
            positions = nil
            return
        }
        var index: [CodePointKey: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() { index[CodePointKey(string: key)] = position }
        positions = index
    }

    /// Members in insertion order.
    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    /// Same members with structurally equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    /// Order-independent hash, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes with a commutative operation.
        var combined = 0
        for (key, value) in self {
            var memberHasher = Hasher()
            JSONValue.hashCodePoints(key, into: &memberHasher)
            memberHasher.combine(value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
