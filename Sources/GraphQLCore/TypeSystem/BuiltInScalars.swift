// The five built-in scalars with graphql-js 16's exact coercion rules and messages.
// Result coercion is lenient in the ways graphql-js is (booleans and numeric strings become
// numbers); input coercion is strict (spec §3.5).

private let maxInt = 2_147_483_647
private let minInt = -2_147_483_648

/// `Int`: a signed 32-bit integer.
public struct IntScalarCoercing: ScalarCoercing {
    /// Creates the rules.
    public init() {}
    public func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        var number: Double?
        switch value {
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .int(let int):
            guard int <= maxInt && int >= minInt else { throw Self.rangeError(value.inspected) }
            return .int(int)
        case .double(let double): number = double
        case .string(let text) where !text.isEmpty: number = JSNumber.parse(text)
        default: break
        }
        guard let number, number.isFinite, number.rounded(.towardZero) == number else {
            throw GraphQLError(message: "Int cannot represent non-integer value: \(value.inspected)")
        }
        guard number <= Double(maxInt) && number >= Double(minInt) else { throw Self.rangeError(value.inspected) }
        return .int(Int(number))
    }
    public func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        guard let number = value.number, number.isFinite, number.rounded(.towardZero) == number else {
            throw GraphQLError(message: "Int cannot represent non-integer value: \(value.inspected)")
        }
        guard number <= Double(maxInt) && number >= Double(minInt) else { throw Self.rangeError(value.inspected) }
        return .int(Int(number))
    }
    public func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue {
        guard case .int(let literal) = node else {
            throw GraphQLError(message: "Int cannot represent non-integer value: \(print(node))")
        }
        guard let int = Int(literal.value), int <= maxInt && int >= minInt else {
            throw Self.rangeError(literal.value)
        }
        return .int(int)
    }
    static func rangeError(_ shown: String) -> GraphQLError {
        GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(shown)")
    }
}

/// `Float`: a double-precision number.
public struct FloatScalarCoercing: ScalarCoercing {
    /// Creates the rules.
    public init() {}
    public func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        var number: Double?
        switch value {
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .int: return value
        case .double(let double): number = double
        case .string(let text) where !text.isEmpty: number = JSNumber.parse(text)
        default: break
        }
        guard let number, number.isFinite else {
            throw GraphQLError(message: "Float cannot represent non numeric value: \(value.inspected)")
        }
        return .double(number)
    }
    public func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        guard let number = value.number, number.isFinite else {
            throw GraphQLError(message: "Float cannot represent non numeric value: \(value.inspected)")
        }
        return value
    }
    public func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue {
        if case .int(let literal) = node { return .double(Double(literal.value) ?? 0) }
        if case .float(let literal) = node { return .double(Double(literal.value) ?? 0) }
        throw GraphQLError(message: "Float cannot represent non numeric value: \(print(node))")
    }
}

/// `String`: UTF-8 text.
public struct StringScalarCoercing: ScalarCoercing {
    /// Creates the rules.
    public init() {}
    public func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        switch value {
        case .string: return value
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .int(let int): return .string(String(int))
        case .double(let double) where double.isFinite: return .string(JSNumber.format(double))
        default: throw GraphQLError(message: "String cannot represent value: \(value.inspected)")
        }
    }
    public func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        guard case .string = value else {
            throw GraphQLError(message: "String cannot represent a non string value: \(value.inspected)")
        }
        return value
    }
    public func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue {
        guard case .string(let literal) = node else {
            throw GraphQLError(message: "String cannot represent a non string value: \(print(node))")
        }
        return .string(literal.value)
    }
}

/// `Boolean`: true or false.
public struct BooleanScalarCoercing: ScalarCoercing {
    /// Creates the rules.
    public init() {}
    public func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        switch value {
        case .bool: return value
        case .int(let int): return .bool(int != 0)
        case .double(let double) where double.isFinite: return .bool(double != 0)
        default: throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(value.inspected)")
        }
    }
    public func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        guard case .bool = value else {
            throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(value.inspected)")
        }
        return value
    }
    public func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue {
        guard case .boolean(let literal) = node else {
            throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(print(node))")
        }
        return .bool(literal.value)
    }
}

/// `ID`: an opaque identifier, serialized as a string; integers are accepted.
public struct IDScalarCoercing: ScalarCoercing {
    /// Creates the rules.
    public init() {}
    public func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        if case .string = value { return value }
        if let int = value.integer { return .string(JSNumber.format(Double(int))) }
        throw GraphQLError(message: "ID cannot represent value: \(value.inspected)")
    }
    public func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        if case .string = value { return value }
        if let int = value.integer { return .string(JSNumber.format(Double(int))) }
        throw GraphQLError(message: "ID cannot represent value: \(value.inspected)")
    }
    public func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue {
        switch node {
        case .string(let literal): return .string(literal.value)
        case .int(let literal): return .string(literal.value)
        default: throw GraphQLError(message: "ID cannot represent a non-string and non-integer value: \(print(node))")
        }
    }
}

/// The built-in scalar types with their graphql-js descriptions, in graphql-js order.
enum BuiltInScalars {
    static let names = ["String", "Int", "Float", "Boolean", "ID"]

    static func type(named name: String) -> GraphQLNamedType? {
        var type = GraphQLNamedType(kind: .scalar, name: name)
        switch name {
        case "Int":
            type.description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1."
            type.coercing = IntScalarCoercing()
        case "Float":
            type.description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."
            type.coercing = FloatScalarCoercing()
        case "String":
            type.description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."
            type.coercing = StringScalarCoercing()
        case "Boolean":
            type.description = "The `Boolean` scalar type represents `true` or `false`."
            type.coercing = BooleanScalarCoercing()
        case "ID":
            type.description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."
            type.coercing = IDScalarCoercing()
        default: return nil
        }
        return type
    }
}
