// Applicator vocabulary, keywords for objects (Core 2020-12 §10.3.2): "properties",
// "patternProperties", "additionalProperties", "propertyNames", and (§10.2.2.4)
// "dependentSchemas". Non-objects pass.

extension SchemaCompiler {
    mutating func compileObjectApplicator(_ name: String, _ operand: JSONValue, in object: JSONObject, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        let keywordScope = scope.appending(name)
        let enabled = scope.vocabularies.contains(.applicator)
        switch name {
        case "properties":
            let members = try schemaMap(operand, scope: keywordScope, name: name)
            return enabled ? .properties(PropertyTable(members.map { (key: $0.0, value: $0.1) })) : nil
        case "patternProperties":
            var patterns: [(pattern: CompiledPattern, node: Int)] = []
            for (source, node) in try schemaMap(operand, scope: keywordScope, name: name) {
                patterns.append((try compilePattern(.string(source), scope: keywordScope.appending(source)), node))
            }
            return enabled ? .patternProperties(patterns) : nil
        case "additionalProperties":
            let node = try compileSubschema(operand, scope: keywordScope)
            // "additionalProperties" applies to members not matched by its siblings.
            let known = PropertyTable((object["properties"]?.objectValue?.keys ?? []).map { (key: $0, value: true) })
            var patterns: [CompiledPattern] = []
            for source in object["patternProperties"]?.objectValue?.keys ?? [] {
                patterns.append(try compilePattern(.string(source), scope: scope.appending("patternProperties", source)))
            }
            return enabled ? .additionalProperties(node: node, known: known, patterns: patterns) : nil
        case "propertyNames":
            let node = try compileSubschema(operand, scope: keywordScope)
            return enabled ? .propertyNames(node) : nil
        default:
            let members = try schemaMap(operand, scope: keywordScope, name: name)
            return enabled ? .dependentSchemas(members.map { (property: $0.0, node: $0.1) }) : nil
        }
    }

    /// Compiles an object whose member values are schemas.
    private mutating func schemaMap(_ operand: JSONValue, scope: CompileScope, name: String) throws(JSONSchemaCompileError) -> [(String, Int)] {
        guard case .object(let members) = operand else { throw error(scope, "\(name) must be an object whose values are schemas") }
        var result: [(String, Int)] = []
        for (key, value) in members {
            result.append((key, try compileSubschema(value, scope: scope.appending(key))))
        }
        return result
    }
}

extension SchemaEvaluator {
    mutating func evaluateProperties(_ nodes: PropertyTable<Int>, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (position, key) in object.keys.enumerated() {
            guard let node = nodes[key] else { continue }
            if !evaluate(node: node, child: object.values[position], at: .key(key), keywordToken: key) {
                valid = false
                if !reportsErrors { return false }
            }
            if tracksAnnotations { annotations.properties.insert(position) }
        }
        return valid
    }

    mutating func evaluatePatternProperties(_ patterns: [(pattern: CompiledPattern, node: Int)], _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (position, key) in object.keys.enumerated() {
            for (pattern, node) in patterns where pattern.matches(key) {
                if !evaluate(node: node, child: object.values[position], at: .key(key), keywordToken: pattern.source) {
                    valid = false
                    if !reportsErrors { return false }
                }
                if tracksAnnotations { annotations.properties.insert(position) }
            }
        }
        return valid
    }

    mutating func evaluateAdditionalProperties(_ node: Int, known: PropertyTable<Bool>, patterns: [CompiledPattern], _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .object(let object) = instance else { return true }
        let forbidsAll = { if case .always(false) = store.nodes[node].body { return true } else { return false } }()
        var valid = true
        for (position, key) in object.keys.enumerated() where known[key] == nil && !patterns.contains(where: { $0.matches(key) }) {
            if forbidsAll {
                report("additionalProperties", "property \"\(key)\" is not allowed")
                valid = false
            } else if !evaluate(node: node, child: object.values[position], at: .key(key)) {
                valid = false
            }
            if !valid && !reportsErrors { return false }
            if tracksAnnotations { annotations.properties.insert(position) }
        }
        return valid
    }

    mutating func evaluatePropertyNames(_ node: Int, _ instance: JSONValue) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for key in object.keys {
            let accepted = silently { $0.evaluate(node: node, child: .string(key), at: .key(key)) }
            if !accepted {
                report("propertyNames", "property name \"\(key)\" is not allowed")
                valid = false
                if !reportsErrors { return false }
            }
        }
        return valid
    }

    mutating func evaluateDependentSchemas(_ dependencies: [(property: String, node: Int)], _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (property, node) in dependencies where object.contains(key: property) {
            if !evaluate(node: node, instance: instance, keywordToken: property, into: &annotations) {
                valid = false
                if !reportsErrors { return false }
            }
        }
        return valid
    }
}
