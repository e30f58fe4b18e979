/// One step of an instance location; kept unformatted until an error is reported.
enum InstanceToken {
    case key(String)
    case index(Int)

    var text: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}

/// Walks compiled schema nodes against an instance, keeping the instance location, keyword
/// location and dynamic scope as stacks (nothing is formatted unless an error is reported).
/// Keyword families add `evaluate…` methods in `Keywords/`.
struct SchemaEvaluator {
    let store: SchemaStore
    let collectsErrors: Bool
    private(set) var errors: [JSONSchemaError] = []
    private var silentDepth = 0
    private var instancePath: [InstanceToken] = []
    private var keywordPath: [String] = []
    private(set) var dynamicScope: [Int] = []
    private var depth = 0
    /// Set while `alternativeFailures` re-evaluates; nested anyOf/oneOf then skip their own
    /// details, which keeps error reporting linear instead of exponential in nesting depth.
    private var explainingAlternatives = false

    init(store: SchemaStore, collectsErrors: Bool) {
        self.store = store
        self.collectsErrors = collectsErrors
    }

    /// True when failures are recorded; false inside `anyOf`/`not`/`if`… branches and in
    /// `isValid`, where a node may stop at its first failing keyword.
    var reportsErrors: Bool { collectsErrors && silentDepth == 0 }

    var tracksAnnotations: Bool { store.tracksAnnotations }

    /// Evaluates `node` against `instance` at the current locations; on success its
    /// annotations are merged into `annotations`.
    mutating func evaluate(node index: Int, instance: JSONValue, into annotations: inout SchemaAnnotations) -> Bool {
        let node = store.nodes[index]
        let keywords: [CompiledKeyword]
        switch node.body {
        case .always(true):
            return true
        case .always(false):
            report("false", "no value is allowed here")
            return false
        case .keywords(let list):
            keywords = list
        }
        guard depth < store.maxEvaluationDepth else {
            report("maxEvaluationDepth", "schema evaluation is nested too deeply (more than \(store.maxEvaluationDepth) levels); is there a $ref cycle?")
            return false
        }
        depth += 1
        let entersResource = dynamicScope.last != node.resource
        if entersResource { dynamicScope.append(node.resource) }
        var local = SchemaAnnotations()
        var valid = true
        for keyword in keywords {
            keywordPath.append(keyword.name)
            let passed = evaluate(keyword.kind, instance: instance, annotations: &local)
            keywordPath.removeLast()
            if !passed {
                valid = false
                if !reportsErrors { break }
            }
        }
        if entersResource { dynamicScope.removeLast() }
        depth -= 1
        if valid && tracksAnnotations { annotations.merge(local) }
        return valid
    }

    /// Evaluates a subschema against the same instance, under an extra keyword-path token
    /// (e.g. the index inside `allOf`).
    mutating func evaluate(node: Int, instance: JSONValue, keywordToken: String, into annotations: inout SchemaAnnotations) -> Bool {
        keywordPath.append(keywordToken)
        defer { keywordPath.removeLast() }
        return evaluate(node: node, instance: instance, into: &annotations)
    }

    /// Evaluates a subschema against a member or item of the instance. SchemaAnnotations about the
    /// child do not concern the parent, so they are dropped.
    mutating func evaluate(node: Int, child: JSONValue, at token: InstanceToken, keywordToken: String? = nil) -> Bool {
        instancePath.append(token)
        if let keywordToken { keywordPath.append(keywordToken) }
        var discarded = SchemaAnnotations()
        let valid = evaluate(node: node, instance: child, into: &discarded)
        if keywordToken != nil { keywordPath.removeLast() }
        instancePath.removeLast()
        return valid
    }

    /// Evaluates a subschema that belongs to a sibling keyword handled together with the current
    /// one (`then`/`else` of `if`), so error locations name the sibling.
    mutating func evaluate(node: Int, instance: JSONValue, siblingKeyword: String, into annotations: inout SchemaAnnotations) -> Bool {
        let current = keywordPath.removeLast()
        keywordPath.append(siblingKeyword)
        defer {
            keywordPath.removeLast()
            keywordPath.append(current)
        }
        return evaluate(node: node, instance: instance, into: &annotations)
    }

    /// Why each alternative failed, for the message of a failed `anyOf`/`oneOf`: the first
    /// error of each, e.g. `alternative 0: expected string but got integer`. Re-evaluates the
    /// alternatives, so it is only called on the (rare) reporting path, and only one level deep.
    mutating func alternativeFailures(_ nodes: [Int], instance: JSONValue) -> String {
        guard reportsErrors, !explainingAlternatives else { return "" }
        explainingAlternatives = true
        defer { explainingAlternatives = false }
        let here = JSONPointer(tokens: instancePath.map(\.text))
        var summaries: [String] = []
        for (index, node) in nodes.enumerated() {
            let mark = errors.count
            var discarded = SchemaAnnotations()
            _ = evaluate(node: node, instance: instance, keywordToken: String(index), into: &discarded)
            if mark < errors.count {
                let first = errors[mark]
                let location = first.instanceLocation == here ? "" : " at \(first.instanceLocation)"
                summaries.append("alternative \(index)\(location): \(first.message)")
            }
            errors.removeSubrange(mark...)
        }
        return summaries.isEmpty ? "" : " (" + summaries.joined(separator: "; ") + ")"
    }

    /// Runs `body` without recording errors (for branches whose failure is not itself an error).
    mutating func silently<Result>(_ body: (inout SchemaEvaluator) -> Result) -> Result {
        silentDepth += 1
        defer { silentDepth -= 1 }
        return body(&self)
    }

    /// Records an error for the keyword being evaluated. `instanceToken` points below the
    /// current instance (e.g. at an offending property).
    mutating func report(_ keyword: String, _ message: String, instanceToken: InstanceToken? = nil) {
        guard reportsErrors else { return }
        var instanceTokens = instancePath.map(\.text)
        if let instanceToken { instanceTokens.append(instanceToken.text) }
        errors.append(JSONSchemaError(
            instanceLocation: JSONPointer(tokens: instanceTokens),
            keywordLocation: JSONPointer(tokens: keywordPath),
            keyword: keyword,
            message: message))
    }

    /// Dispatches to the keyword families in `Keywords/`.
    private mutating func evaluate(_ kind: KeywordKind, instance: JSONValue, annotations: inout SchemaAnnotations) -> Bool {
        switch kind {
        case .type(let types): return evaluateType(types, instance)
        case .enumeration(let values): return evaluateEnum(values, instance)
        case .const(let value): return evaluateConst(value, instance)
        case .multipleOf(let divisor): return evaluateMultipleOf(divisor, instance)
        case .maximum(let limit): return evaluateBound("maximum", limit, instance, passes: { $0 <= 0 }, relation: "at most")
        case .exclusiveMaximum(let limit): return evaluateBound("exclusiveMaximum", limit, instance, passes: { $0 < 0 }, relation: "less than")
        case .minimum(let limit): return evaluateBound("minimum", limit, instance, passes: { $0 >= 0 }, relation: "at least")
        case .exclusiveMinimum(let limit): return evaluateBound("exclusiveMinimum", limit, instance, passes: { $0 > 0 }, relation: "greater than")
        case .maxLength(let limit): return evaluateLength(limit, instance, isMaximum: true)
        case .minLength(let limit): return evaluateLength(limit, instance, isMaximum: false)
        case .pattern(let pattern): return evaluatePattern(pattern, instance)
        case .format(let format): return evaluateFormat(format, instance)
        case .maxItems(let limit): return evaluateItemCount(limit, instance, isMaximum: true)
        case .minItems(let limit): return evaluateItemCount(limit, instance, isMaximum: false)
        case .uniqueItems: return evaluateUniqueItems(instance)
        case .prefixItems(let nodes): return evaluatePrefixItems(nodes, instance, &annotations)
        case .items(let node, let start): return evaluateItems(node, startIndex: start, instance, &annotations)
        case .contains(let node, let min, let max): return evaluateContains(node, min: min, max: max, instance, &annotations)
        case .maxProperties(let limit): return evaluatePropertyCount(limit, instance, isMaximum: true)
        case .minProperties(let limit): return evaluatePropertyCount(limit, instance, isMaximum: false)
        case .required(let names): return evaluateRequired(names, instance)
        case .dependentRequired(let dependencies): return evaluateDependentRequired(dependencies, instance)
        case .properties(let nodes): return evaluateProperties(nodes, instance, &annotations)
        case .patternProperties(let patterns): return evaluatePatternProperties(patterns, instance, &annotations)
        case .additionalProperties(let node, let known, let patterns):
            return evaluateAdditionalProperties(node, known: known, patterns: patterns, instance, &annotations)
        case .propertyNames(let node): return evaluatePropertyNames(node, instance)
        case .dependentSchemas(let dependencies): return evaluateDependentSchemas(dependencies, instance, &annotations)
        case .allOf(let nodes): return evaluateAllOf(nodes, instance, &annotations)
        case .anyOf(let nodes): return evaluateAnyOf(nodes, instance, &annotations)
        case .oneOf(let nodes): return evaluateOneOf(nodes, instance, &annotations)
        case .not(let node): return evaluateNot(node, instance)
        case .conditional(let condition, let then, let otherwise):
            return evaluateConditional(if: condition, then: then, else: otherwise, instance, &annotations)
        case .ref(let slot): return evaluateRef(slot: slot, instance, &annotations)
        case .dynamicRef(let slot, let anchor): return evaluateDynamicRef(slot: slot, anchor: anchor, instance, &annotations)
        case .unevaluatedItems(let node): return evaluateUnevaluatedItems(node, instance, &annotations)
        case .unevaluatedProperties(let node): return evaluateUnevaluatedProperties(node, instance, &annotations)
        }
    }
}
