// Validation vocabulary, keywords for objects (Validation 2020-12 §6.5): "maxProperties",
// "minProperties", "required", "dependentRequired". Non-objects pass.

extension SchemaCompiler {
    mutating func compileObjectValidationKeyword(_ name: String, _ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        switch name {
        case "maxProperties": return .maxProperties(try nonNegativeInteger(operand, scope: scope, name: name))
        case "minProperties": return .minProperties(try nonNegativeInteger(operand, scope: scope, name: name))
        case "required":
            let names = try uniqueStrings(operand, scope: scope, name: name)
            return names.isEmpty ? nil : .required(names)
        default:
            guard case .object(let members) = operand else {
                throw error(scope, "dependentRequired must be an object whose values are arrays of strings")
            }
            var dependencies: [(property: String, required: [String])] = []
            for (property, value) in members {
                dependencies.append((property, try uniqueStrings(value, scope: scope.appending(property), name: name)))
            }
            return .dependentRequired(dependencies)
        }
    }

    /// "The value of this keyword MUST be an array. Elements of this array, if any, MUST be
    /// strings, and MUST be unique."
    private func uniqueStrings(_ operand: JSONValue, scope: CompileScope, name: String) throws(JSONSchemaCompileError) -> [String] {
        guard case .array(let elements) = operand else { throw error(scope, "\(name) must be an array of strings") }
        var names: [String] = []
        var seen: Set<String> = []
        for element in elements {
            guard case .string(let string) = element else { throw error(scope, "\(name) must contain only strings") }
            guard seen.insert(string).inserted else { throw error(scope, "\(name) lists \"\(string)\" twice") }
            names.append(string)
        }
        return names
    }
}

extension SchemaEvaluator {
    mutating func evaluatePropertyCount(_ limit: Int, _ instance: JSONValue, isMaximum: Bool) -> Bool {
        guard case .object(let object) = instance else { return true }
        if isMaximum ? object.count <= limit : object.count >= limit { return true }
        let noun = limit == 1 ? "property" : "properties"
        report(isMaximum ? "maxProperties" : "minProperties", "object must have \(isMaximum ? "at most" : "at least") \(limit) \(noun)")
        return false
    }

    mutating func evaluateRequired(_ names: [String], _ instance: JSONValue) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for name in names where !object.contains(key: name) {
            report("required", "missing required property \"\(name)\"")
            valid = false
            if !reportsErrors { return false }
        }
        return valid
    }

    mutating func evaluateDependentRequired(_ dependencies: [(property: String, required: [String])], _ instance: JSONValue) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (property, names) in dependencies where object.contains(key: property) {
            for name in names where !object.contains(key: name) {
                report("dependentRequired", "property \"\(name)\" is required when \"\(property)\" is present")
                valid = false
                if !reportsErrors { return false }
            }
        }
        return valid
    }
}
