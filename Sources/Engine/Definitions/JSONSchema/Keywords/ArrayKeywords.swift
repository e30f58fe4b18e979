// Array keywords. Applicator vocabulary (Core 2020-12 §10.3.1): "prefixItems", "items",
// "contains". Validation vocabulary (Validation 2020-12 §6.4): "maxItems", "minItems",
// "uniqueItems", "maxContains", "minContains". Non-arrays pass.

extension SchemaCompiler {
    mutating func compileArrayApplicator(_ name: String, _ operand: JSONValue, in object: JSONObject, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        let keywordScope = scope.appending(name)
        switch name {
        case "prefixItems":
            let nodes = try compileSchemaArray(operand, scope: keywordScope, name: name)
            return scope.vocabularies.contains(.applicator) ? .prefixItems(nodes) : nil
        case "items":
            let node = try compileSubschema(operand, scope: keywordScope)
            // "items" applies only to elements after those covered by a sibling "prefixItems".
            let start = object["prefixItems"]?.arrayValue?.count ?? 0
            return scope.vocabularies.contains(.applicator) ? .items(node: node, startIndex: start) : nil
        default:
            let node = try compileSubschema(operand, scope: keywordScope)
            guard scope.vocabularies.contains(.applicator) else { return nil }
            var minimum = 1
            var maximum: Int?
            if scope.vocabularies.contains(.validation) {
                if let value = object["minContains"] {
                    minimum = try nonNegativeInteger(value, scope: scope.appending("minContains"), name: "minContains")
                }
                if let value = object["maxContains"] {
                    maximum = try nonNegativeInteger(value, scope: scope.appending("maxContains"), name: "maxContains")
                }
            }
            return .contains(node: node, min: minimum, max: maximum)
        }
    }

    mutating func compileArrayValidationKeyword(_ name: String, _ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        switch name {
        case "maxItems": return .maxItems(try nonNegativeInteger(operand, scope: scope, name: name))
        case "minItems": return .minItems(try nonNegativeInteger(operand, scope: scope, name: name))
        case "uniqueItems":
            guard case .bool(let unique) = operand else { throw error(scope, "uniqueItems must be a boolean") }
            return unique ? .uniqueItems : nil
        default:
            // maxContains/minContains take effect through "contains"; only their operand is checked here.
            _ = try nonNegativeInteger(operand, scope: scope, name: name)
            return nil
        }
    }
}

extension SchemaEvaluator {
    mutating func evaluatePrefixItems(_ nodes: [Int], _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .array(let elements) = instance else { return true }
        var valid = true
        for index in 0..<min(elements.count, nodes.count) {
            if !evaluate(node: nodes[index], child: elements[index], at: .index(index), keywordToken: String(index)) {
                valid = false
                if !reportsErrors { return false }
            }
        }
        if tracksAnnotations { annotations.itemsPrefix = max(annotations.itemsPrefix, min(elements.count, nodes.count)) }
        return valid
    }

    mutating func evaluateItems(_ node: Int, startIndex: Int, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .array(let elements) = instance, startIndex < elements.count else { return true }
        if case .always(false) = store.nodes[node].body {
            report("items", "array must have at most \(startIndex) \(startIndex == 1 ? "item" : "items")")
            return false
        }
        var valid = true
        for index in startIndex..<elements.count {
            if !evaluate(node: node, child: elements[index], at: .index(index)) {
                valid = false
                if !reportsErrors { return false }
            }
        }
        if tracksAnnotations { annotations.itemsPrefix = elements.count }
        return valid
    }

    mutating func evaluateContains(_ node: Int, min minimum: Int, max maximum: Int?, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        guard case .array(let elements) = instance else { return true }
        var matches = 0
        var matched: [Int] = []
        silently { evaluator in
            for (index, element) in elements.enumerated() {
                guard evaluator.evaluate(node: node, child: element, at: .index(index)) else { continue }
                matches += 1
                if evaluator.tracksAnnotations {
                    matched.append(index)
                } else if maximum == nil && matches >= minimum {
                    break  // nothing more to learn
                } else if let maximum, matches > maximum {
                    break
                }
            }
        }
        if matches < minimum {
            if minimum == 1 {
                report("contains", "array does not contain a matching item")
            } else {
                report("minContains", "array must contain at least \(minimum) matching items but has \(matches)")
            }
            return false
        }
        if let maximum, matches > maximum {
            report("maxContains", "array must contain at most \(maximum) matching \(maximum == 1 ? "item" : "items")")
            return false
        }
        if tracksAnnotations {
            for index in matched { annotations.items.insert(index) }
        }
        return true
    }

    mutating func evaluateItemCount(_ limit: Int, _ instance: JSONValue, isMaximum: Bool) -> Bool {
        guard case .array(let elements) = instance else { return true }
        if isMaximum ? elements.count <= limit : elements.count >= limit { return true }
        let noun = limit == 1 ? "item" : "items"
        report(isMaximum ? "maxItems" : "minItems", "array must have \(isMaximum ? "at most" : "at least") \(limit) \(noun)")
        return false
    }

    mutating func evaluateUniqueItems(_ instance: JSONValue) -> Bool {
        guard case .array(let elements) = instance, elements.count > 1 else { return true }
        if let (first, second) = SchemaEvaluator.firstDuplicate(elements) {
            report("uniqueItems", "items at indices \(first) and \(second) are equal")
            return false
        }
        return true
    }

    /// The first pair of equal items (JSON Schema equality), if any.
    static func firstDuplicate(_ elements: [JSONValue]) -> (Int, Int)? {
        // Strings (the common case) hash exactly; mixed content falls back to pairwise equality
        // because 1 and 1.0 are equal but hash differently.
        if elements.allSatisfy({ $0.stringValue != nil }) {
            var seen: [String: Int] = [:]
            for (index, element) in elements.enumerated() {
                let key = element.stringValue ?? ""
                if let previous = seen[key] { return (previous, index) }
                seen[key] = index
            }
            return nil
        }
        for second in elements.indices {
            for first in 0..<second where elements[first].jsonEquals(elements[second]) {
                return (first, second)
            }
        }
        return nil
    }
}
