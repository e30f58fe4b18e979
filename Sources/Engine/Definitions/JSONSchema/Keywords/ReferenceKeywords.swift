// Core vocabulary references (Core 2020-12 §8.2.3): "$ref" and "$dynamicRef". Both are
// resolved against the current base URI at compile time; "$dynamicRef" may then be redirected
// at run time to the outermost resource in the dynamic scope that declares a matching
// "$dynamicAnchor", provided its static target declares that "$dynamicAnchor" too.

extension SchemaCompiler {
    mutating func compileReference(_ name: String, _ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        guard case .string(let reference) = operand else { throw error(scope, "\(name) must be a string") }
        let (uri, fragment) = URIReference.resolve(reference, against: scope.baseURI)
        let slot = registry.refTargets.count
        registry.refTargets.append(-1)
        registry.pendingReferences.append(.init(
            slot: slot, uri: uri, fragment: fragment, reference: reference, schemaPath: scope.schemaPath))
        guard name == "$dynamicRef" else { return .ref(slot: slot) }
        // Only a plain-name fragment can name a dynamic anchor.
        let anchor = fragment.flatMap { $0.isEmpty || $0.hasPrefix("/") ? nil : URIReference.percentDecoded($0) }
        return .dynamicRef(slot: slot, anchor: anchor)
    }
}

extension SchemaEvaluator {
    mutating func evaluateRef(slot: Int, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        evaluate(node: store.refTargets[slot], instance: instance, into: &annotations)
    }

    mutating func evaluateDynamicRef(slot: Int, anchor: String?, _ instance: JSONValue, _ annotations: inout SchemaAnnotations) -> Bool {
        var target = store.refTargets[slot]
        if let anchor, store.nodes[target].dynamicAnchor == anchor {
            // Outermost first: the first resource entered that declares the anchor wins.
            for resource in dynamicScope {
                if let node = store.resources[resource].dynamicAnchors[anchor] {
                    target = node
                    break
                }
            }
        }
        return evaluate(node: target, instance: instance, into: &annotations)
    }
}
