// Unevaluated vocabulary (Core 2020-12 §11): "unevaluatedItems" and "unevaluatedProperties"
// apply to items and members that no adjacent keyword (including those reached in place via
// allOf/anyOf/oneOf/if/dependentSchemas/$ref/$dynamicRef) successfully evaluated. They rely
// on the annotations gathered by their siblings, which is why they are compiled to run last.

extension SchemaCompiler {
    mutating func compileUnevaluated(_ name: String, _ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        let node = try compileSubschema(operand, scope: scope.appending(name))
        guard scope.vocabularies.contains(.unevaluated) else { return nil }
        tracksAnnotations = true
        return name == "unevaluatedItems" ? .unevaluatedItems(node) : .unevaluatedProperties(node)
    }
}

extension SchemaEvaluator {
    mutating func evaluateUnevaluatedItems(_ node: Int, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .array(let elements) = instance else { return true }
        let forbidsAll = { if case .always(false) = store.nodes[node].body { return true } else { return false } }()
        var valid = true
        for index in annotations.itemsPrefix..<max(annotations.itemsPrefix, elements.count) where !annotations.items.contains(index) {
            if forbidsAll {
                report("unevaluatedItems", "item at index \(index) is not allowed")
                valid = false
            } else if !evaluate(node: node, child: elements[index], at: .index(index)) {
                valid = false
            }
            if !valid && !reportsErrors { return false }
        }
        if valid { annotations.itemsPrefix = elements.count }
        return valid
    }

    mutating func evaluateUnevaluatedProperties(_ node: Int, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .object(let object) = instance else { return true }
        let forbidsAll = { if case .always(false) = store.nodes[node].body { return true } else { return false } }()
        var valid = true
        var evaluated: [Int] = []
        for (position, key) in object.keys.enumerated() where !annotations.properties.contains(position) {
            if forbidsAll {
                report("unevaluatedProperties", "property \"\(key)\" is not allowed")
                valid = false
            } else if !evaluate(node: node, child: object.values[position], at: .key(key)) {
                valid = false
            }
            if !valid && !reportsErrors { return false }
            evaluated.append(position)
        }
        if valid {
            for position in evaluated { annotations.properties.insert(position) }
        }
        return valid
    }
}
