/// The annotations `unevaluatedProperties`/`unevaluatedItems` need: which members and items
/// of the *current* instance some successful subschema has evaluated. Members are recorded by
/// their position in the instance object, so no key is hashed or copied. Only maintained when
/// the schema contains an `unevaluated*` keyword.
struct SchemaAnnotations {
    /// Positions (in the instance object) of members evaluated by properties,
    /// patternProperties, additionalProperties or unevaluatedProperties.
    var properties = PositionSet()
    /// Items with index below this were evaluated (prefixItems, items, unevaluatedItems).
    var itemsPrefix = 0
    /// Individual items evaluated by `contains`.
    var items = PositionSet()

    mutating func merge(_ other: SchemaAnnotations) {
        properties.formUnion(other.properties)
        itemsPrefix = max(itemsPrefix, other.itemsPrefix)
        items.formUnion(other.items)
    }
}

/// A set of small non-negative integers as a bitset; the first 64 live inline (no allocation).
struct PositionSet {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    mutating func insert(_ position: Int) {
        if position < 64 {
            low |= 1 << UInt64(position)
            return
        }
        let word = position / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word - high.count + 1)) }
        high[word] |= 1 << UInt64(position % 64)
    }

    func contains(_ position: Int) -> Bool {
        if position < 64 { return low & (1 << UInt64(position)) != 0 }
        let word = position / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(position % 64)) != 0
    }

    mutating func formUnion(_ other: PositionSet) {
        low |= other.low
        guard !other.high.isEmpty else { return }
        if high.count < other.high.count { high.append(contentsOf: repeatElement(0, count: other.high.count - high.count)) }
        for (index, word) in other.high.enumerated() { high[index] |= word }
    }
}

/// Schema-side property names (from `properties`, or the names `additionalProperties` must
/// skip) with code-point lookups: linear for the usual handful, hashed beyond that.
struct PropertyTable<Value: Sendable>: Sendable {
    let entries: [(key: String, value: Value)]
    private let index: [CodePointKey: Int]?

    init(_ entries: [(key: String, value: Value)]) {
        self.entries = entries
        if entries.count >= JSONObject.indexThreshold {
            var index: [CodePointKey: Int] = [:]
            for (position, entry) in entries.enumerated() where index[CodePointKey(string: entry.key)] == nil {
                index[CodePointKey(string: entry.key)] = position
            }
            self.index = index
        } else {
            self.index = nil
        }
    }

    subscript(key: String) -> Value? {
        if let index {
            return index[CodePointKey(string: key)].map { entries[$0].value }
        }
        return entries.first { JSONValue.sameCodePoints($0.key, key) }?.value
    }
}
