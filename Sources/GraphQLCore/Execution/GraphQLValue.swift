/// A JSON-like value: what resolvers return, what inputs coerce to, and what a response holds.
///
/// Objects keep their key order, because the response must list fields in selection order
/// and graphql-js's JSON output (the reference) does too.
public enum GraphQLValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer (JSON numbers without fraction or exponent).
    case int(Int)
    /// Any other number; printed as JavaScript prints numbers.
    case double(Double)
    /// A string.
    case string(String)
    /// An ordered list.
    case list([GraphQLValue])
    /// An object with ordered keys.
    case object(GraphQLObject)

    /// The value of `key` when this is an object, else `nil`.
    public subscript(key: String) -> GraphQLValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The numeric value as a Double, for either number case (JavaScript has one number type).
    var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The value as an integer when it is a number with no fractional part, as `Number.isInteger` sees it.
    var integer: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            guard value.isFinite, value.rounded(.towardZero) == value, abs(value) < 9.2e18 else { return nil }
            return Int(value)
        default: return nil
        }
    }
}

/// An object with ordered keys; later `set`s of an existing key replace its value in place.
public struct GraphQLObject: Sendable, Equatable {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    /// The values, parallel to `keys`.
    public internal(set) var values: [GraphQLValue] = []

    /// Creates an empty object.
    public init() {}

    /// Creates an object from key/value pairs, in order; duplicate keys keep the last value.
    public init(_ pairs: [(String, GraphQLValue)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// The entries in order.
    public var entries: Zip2Sequence<[String], [GraphQLValue]> { zip(keys, values) }

    /// Reads or writes the value of `key`; lookup is linear because objects are small.
    public subscript(key: String) -> GraphQLValue? {
        get {
            for index in keys.indices where keys[index] == key { return values[index] }
            return nil
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Appends an entry without checking for an existing key: for builders that know keys are unique.
    mutating func appendUnique(_ key: String, _ value: GraphQLValue) {
        keys.append(key)
        values.append(value)
    }

    /// Replaces the value at a position (for slots filled in after their key was appended).
    mutating func setValue(_ value: GraphQLValue, at index: Int) {
        values[index] = value
    }

    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }
}

extension GraphQLValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: GraphQLValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, GraphQLValue)...) { self = .object(GraphQLObject(elements)) }
}

extension GraphQLObject: ExpressibleByDictionaryLiteral {
    /// An object literal, keys in the order written.
    public init(dictionaryLiteral elements: (String, GraphQLValue)...) { self.init(elements) }
}
