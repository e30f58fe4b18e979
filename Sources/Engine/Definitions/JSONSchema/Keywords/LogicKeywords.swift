// Applicator vocabulary, in-place logic (Core 2020-12 §10.2): "allOf", "anyOf", "oneOf",
// "not", and "if"/"then"/"else". SchemaAnnotations flow up only from subschemas that succeed.

extension SchemaCompiler {
    mutating func compileLogicKeyword(_ name: String, _ operand: JSONValue, in object: JSONObject, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        let keywordScope = scope.appending(name)
        let enabled = scope.vocabularies.contains(.applicator)
        switch name {
        case "allOf":
            let nodes = try compileSchemaArray(operand, scope: keywordScope, name: name)
            return enabled ? .allOf(nodes) : nil
        case "anyOf":
            let nodes = try compileSchemaArray(operand, scope: keywordScope, name: name)
            return enabled ? .anyOf(nodes) : nil
        case "oneOf":
            let nodes = try compileSchemaArray(operand, scope: keywordScope, name: name)
            return enabled ? .oneOf(nodes) : nil
        case "not":
            let node = try compileSubschema(operand, scope: keywordScope)
            return enabled ? .not(node) : nil
        case "if":
            let condition = try compileSubschema(operand, scope: keywordScope)
            // "then"/"else" are compiled here (they only matter next to "if") and again below
            // as plain subschemas so that references into them resolve even without "if";
            // the registry keeps the first registration.
            let then = try object["then"].map { value throws(JSONSchemaCompileError) in
                try compileSubschema(value, scope: scope.appending("then"))
            }
            let otherwise = try object["else"].map { value throws(JSONSchemaCompileError) in
                try compileSubschema(value, scope: scope.appending("else"))
            }
            return enabled ? .conditional(if: condition, then: then, else: otherwise) : nil
        default:
            // "then" / "else": without "if" they do nothing, but their subschemas (and any
            // $id/$anchor inside) must still be known. With "if", "if" compiled them already.
            if object["if"] == nil { _ = try compileSubschema(operand, scope: keywordScope) }
            return nil
        }
    }
}

extension SchemaEvaluator {
    mutating func evaluateAllOf(_ nodes: [Int], _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        var valid = true
        for (index, node) in nodes.enumerated() {
            if !evaluate(node: node, instance: instance, keywordToken: String(index), into: &annotations) {
                valid = false
                if !reportsErrors { return false }
            }
        }
        return valid
    }

    mutating func evaluateAnyOf(_ nodes: [Int], _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        var matched = false
        silently { evaluator in
            for (index, node) in nodes.enumerated() {
                // Every alternative must run when annotations are tracked: each valid one contributes.
                if evaluator.evaluate(node: node, instance: instance, keywordToken: String(index), into: &annotations) {
                    matched = true
                    if !evaluator.tracksAnnotations { return }
                }
            }
        }
        if !matched && reportsErrors {
            let reasons = alternativeFailures(nodes, instance: instance)
            report("anyOf", "value does not match any of the \(nodes.count) alternatives\(reasons)")
        }
        return matched
    }

    mutating func evaluateOneOf(_ nodes: [Int], _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        var matches: [Int] = []
        var matchedAnnotations = SchemaAnnotations()
        silently { evaluator in
            for (index, node) in nodes.enumerated() {
                var branch = SchemaAnnotations()
                if evaluator.evaluate(node: node, instance: instance, keywordToken: String(index), into: &branch) {
                    matches.append(index)
                    matchedAnnotations = branch
                    if matches.count > 1 { return }
                }
            }
        }
        switch matches.count {
        case 1:
            annotations.merge(matchedAnnotations)
            return true
        case 0:
            guard reportsErrors else { return false }
            let reasons = alternativeFailures(nodes, instance: instance)
            report("oneOf", "value does not match any of the \(nodes.count) alternatives\(reasons)")
        default:
            report("oneOf", "value matches alternatives \(matches[0]) and \(matches[1]) but must match exactly one")
        }
        return false
    }

    mutating func evaluateNot(_ node: Int, _ instance: JSONValue) -> Bool {
        var discarded = SchemaAnnotations()
        let matched = silently { $0.evaluate(node: node, instance: instance, into: &discarded) }
        if matched { report("not", "value must not match the schema in not") }
        return !matched
    }

    mutating func evaluateConditional(if condition: Int, then: Int?, else otherwise: Int?, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        var conditionAnnotations = SchemaAnnotations()
        let holds = silently { $0.evaluate(node: condition, instance: instance, into: &conditionAnnotations) }
        if holds {
            annotations.merge(conditionAnnotations)
            guard let then else { return true }
            return evaluate(node: then, instance: instance, siblingKeyword: "then", into: &annotations)
        }
        guard let otherwise else { return true }
        return evaluate(node: otherwise, instance: instance, siblingKeyword: "else", into: &annotations)
    }
}
