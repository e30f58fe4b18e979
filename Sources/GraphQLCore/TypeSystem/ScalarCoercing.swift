/// The coercion rules of a scalar type (spec §3.5): how a resolved value becomes a response
/// value (`serialize`), and how a variable value or a literal becomes an input value.
///
/// Implementations throw a `GraphQLError` whose message explains the problem; the executor
/// adds locations, paths and the "Variable ... got invalid value" prefixes.
public protocol ScalarCoercing: Sendable {
    /// Result coercion: the value a resolver produced, as it will appear in the response.
    func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue
    /// Input coercion of a value given in the variables JSON.
    func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue
    /// Input coercion of a literal written in the document; `variables` holds coerced variables.
    func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue
}

/// The rules of a custom scalar nobody configured: values pass through unchanged, as in graphql-js.
public struct PassThroughScalarCoercing: ScalarCoercing {
    /// Creates the pass-through rules.
    public init() {}
    public func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue { value }
    public func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue { value }
    public func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue {
        valueFromASTUntyped(node, variables: variables)
    }
}

/// Custom scalar rules given as closures; any closure left `nil` passes values through.
public struct ClosureScalarCoercing: ScalarCoercing {
    /// Result coercion.
    public var serializeValue: (@Sendable (GraphQLValue) throws(GraphQLError) -> GraphQLValue)?
    /// Variable coercion.
    public var parseInputValue: (@Sendable (GraphQLValue) throws(GraphQLError) -> GraphQLValue)?
    /// Literal coercion.
    public var parseInputLiteral: (@Sendable (ValueNode, GraphQLObject) throws(GraphQLError) -> GraphQLValue)?

    /// Creates rules from closures.
    public init(
        serialize: (@Sendable (GraphQLValue) throws(GraphQLError) -> GraphQLValue)? = nil,
        parseValue: (@Sendable (GraphQLValue) throws(GraphQLError) -> GraphQLValue)? = nil,
        parseLiteral: (@Sendable (ValueNode, GraphQLObject) throws(GraphQLError) -> GraphQLValue)? = nil
    ) {
        self.serializeValue = serialize
        self.parseInputValue = parseValue
        self.parseInputLiteral = parseLiteral
    }

    public func serialize(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        guard let serializeValue else { return value }
        return try serializeValue(value)
    }
    public func parseValue(_ value: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        guard let parseInputValue else { return value }
        return try parseInputValue(value)
    }
    public func parseLiteral(_ node: ValueNode, variables: GraphQLObject) throws(GraphQLError) -> GraphQLValue {
        guard let parseInputLiteral else { return valueFromASTUntyped(node, variables: variables) }
        return try parseInputLiteral(node, variables)
    }
}

/// A literal as a plain value, ignoring any type (graphql-js `valueFromASTUntyped`).
/// Variables missing from `variables` are left out of objects and are null elsewhere.
public func valueFromASTUntyped(_ node: ValueNode, variables: GraphQLObject) -> GraphQLValue {
    switch node {
    case .null: return .null
    case .int(let int): return Int(int.value).map(GraphQLValue.int) ?? .double(Double(int.value) ?? 0)
    case .float(let float): return .double(Double(float.value) ?? 0)
    case .string(let string): return .string(string.value)
    case .enumValue(let enumValue): return .string(enumValue.value)
    case .boolean(let boolean): return .bool(boolean.value)
    case .list(let list): return .list(list.values.map { valueFromASTUntyped($0, variables: variables) })
    case .object(let object):
        var result = GraphQLObject()
        for field in object.fields {
            if case .variable(let variable) = field.value, variables[variable.name.value] == nil { continue }
            result[field.name.value] = valueFromASTUntyped(field.value, variables: variables)
        }
        return .object(result)
    case .variable(let variable): return variables[variable.name.value] ?? .null
    }
}
