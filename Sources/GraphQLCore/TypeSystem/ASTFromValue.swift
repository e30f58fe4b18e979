// graphql-js `astFromValue`: a coerced input value written back as a literal. Introspection
// uses it for `__InputValue.defaultValue`.

/// The literal for `value` of `type`, or `nil` when the value cannot be written as one.
func astFromValue(_ value: GraphQLValue, type: GraphQLTypeReference, types: [String: GraphQLNamedType]) -> ValueNode? {
    switch type {
    case .nonNull(let inner):
        let node = astFromValue(value, type: inner, types: types)
        if case .null? = node { return nil }
        return node
    case .list(let itemType):
        if value.isNull { return .null(NullValueNode()) }
        guard case .list(let items) = value else { return astFromValue(value, type: itemType, types: types) }
        return .list(ListValueNode(values: items.compactMap { astFromValue($0, type: itemType, types: types) }))
    case .named(let name):
        if value.isNull { return .null(NullValueNode()) }
        guard let namedType = types[name] else { return nil }
        switch namedType.kind {
        case .inputObject:
            guard case .object(let object) = value else { return nil }
            var fields: [ObjectFieldNode] = []
            for field in namedType.inputFields {
                guard let fieldValue = object[field.name],
                    let node = astFromValue(fieldValue, type: field.type, types: types)
                else { continue }
                fields.append(ObjectFieldNode(name: NameNode(field.name), value: node))
            }
            return .object(ObjectValueNode(fields: fields))
        case .enum:
            guard case .string(let string) = value else { return nil }
            return .enumValue(EnumValueNode(value: string))
        case .scalar:
            guard let serialized = try? namedType.coercing.serialize(value) else { return nil }
            return leafLiteral(serialized, isID: name == "ID")
        case .object, .interface, .union:
            return nil
        }
    }
}

private func leafLiteral(_ value: GraphQLValue, isID: Bool) -> ValueNode? {
    switch value {
    case .null: return nil
    case .bool(let bool): return .boolean(BooleanValueNode(value: bool))
    case .int(let int): return .int(IntValueNode(value: String(int)))
    case .double(let double):
        guard double.isFinite else { return nil }
        let text = JSNumber.format(double)
        return isIntegerString(text) ? .int(IntValueNode(value: text)) : .float(FloatValueNode(value: text))
    case .string(let string):
        return isID && isIntegerString(string) ? .int(IntValueNode(value: string)) : .string(StringValueNode(value: string))
    case .list, .object:
        return nil
    }
}

/// `/^-?(?:0|[1-9][0-9]*)$/`
private func isIntegerString(_ text: String) -> Bool {
    var digits = Substring(text)
    if digits.hasPrefix("-") { digits = digits.dropFirst() }
    guard let first = digits.first, first.isASCII, first.isNumber else { return false }
    if first == "0" { return digits.count == 1 }
    return digits.allSatisfy { $0.isASCII && $0.isNumber }
}
