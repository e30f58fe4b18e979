// Validation vocabulary, keywords for any instance type (JSON Schema Validation 2020-12 §6.1):
// "type", "enum", "const".

extension SchemaCompiler {
    mutating func compileGenericKeyword(_ name: String, _ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        switch name {
        case "type":
            // "The value of this keyword MUST be either a string or an array. If it is an array,
            // elements of the array MUST be strings and MUST be unique."
            let names: [JSONValue]
            switch operand {
            case .string: names = [operand]
            case .array(let elements): names = elements
            default: throw error(scope, "type must be a string or an array of strings")
            }
            var types: JSONTypeSet = []
            for case let value in names {
                guard case .string(let typeName) = value,
                      let type = JSONTypeSet.names.first(where: { $0.0 == typeName })?.1 else {
                    throw error(scope, "type must name one of null, boolean, integer, number, string, array, object (got \(value))")
                }
                guard !types.contains(type) else { throw error(scope, "type lists \"\(typeName)\" twice") }
                types.insert(type)
            }
            return .type(types)
        case "enum":
            guard case .array(let values) = operand else { throw error(scope, "enum must be an array") }
            return .enumeration(values)
        default:
            return .const(operand)
        }
    }
}

extension SchemaEvaluator {
    mutating func evaluateType(_ types: JSONTypeSet, _ instance: JSONValue) -> Bool {
        let matches: Bool
        switch instance {
        case .null: matches = types.contains(.null)
        case .bool: matches = types.contains(.boolean)
        case .int: matches = types.contains(.integer) || types.contains(.number)
        case .double(let value):
            // "integer" matches any number with a zero fractional part (1.0 is an integer).
            matches = types.contains(.number) || (types.contains(.integer) && value.rounded(.towardZero) == value)
        case .string: matches = types.contains(.string)
        case .array: matches = types.contains(.array)
        case .object: matches = types.contains(.object)
        }
        if !matches {
            report("type", "expected \(SchemaEvaluator.describe(types)) but got \(instance.typeName)")
        }
        return matches
    }

    mutating func evaluateEnum(_ values: [JSONValue], _ instance: JSONValue) -> Bool {
        if values.contains(where: { $0.jsonEquals(instance) }) { return true }
        report("enum", "value \(SchemaEvaluator.excerpt(instance)) is not one of \(SchemaEvaluator.excerpt(.array(values)))")
        return false
    }

    mutating func evaluateConst(_ value: JSONValue, _ instance: JSONValue) -> Bool {
        if value.jsonEquals(instance) { return true }
        report("const", "value must be \(SchemaEvaluator.excerpt(value))")
        return false
    }

    static func describe(_ types: JSONTypeSet) -> String {
        let names = JSONTypeSet.names.filter { types.contains($0.1) }.map(\.0)
        return names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
    }

    /// A short rendering of a value for messages (long values are cut).
    static func excerpt(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
