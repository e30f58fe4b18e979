/// Where a subschema sits while it is being compiled.
struct CompileScope {
    /// The base URI in effect (the innermost `$id`), without fragment.
    var baseURI: String
    /// Index of the innermost schema resource.
    var resource: Int
    /// This subschema's JSON pointer relative to every enclosing resource, so it can be
    /// referenced as `outer.json#/$defs/a` as well as `inner.json#`.
    var locations: [(uri: String, tokens: [String])]
    /// The path from the compiled document's root, for compile error messages.
    var schemaPath: [String]
    var vocabularies: SchemaVocabularies

    func appending(_ tokens: String...) -> CompileScope {
        var copy = self
        for index in copy.locations.indices { copy.locations[index].tokens += tokens }
        copy.schemaPath += tokens
        return copy
    }
}

/// Turns schema documents into `SchemaNode`s: one walk per document, then reference resolution.
/// Keyword families live in `Keywords/` as extensions.
struct SchemaCompiler {
    let options: JSONSchema.Options
    let resolver: (any JSONSchemaResolver)?
    var registry = SchemaRegistry()
    var nodes: [SchemaNode] = []
    var tracksAnnotations = false

    init(options: JSONSchema.Options, resolver: (any JSONSchemaResolver)?) {
        self.options = options
        self.resolver = resolver
    }

    /// Compiles the root document and everything it references.
    mutating func compileRoot(_ document: JSONValue) throws(JSONSchemaCompileError) -> SchemaStore {
        let root = try compileDocument(document, uri: options.defaultBaseURI, vocabularies: defaultVocabularies)
        try resolvePendingReferences()
        return SchemaStore(
            nodes: nodes, resources: registry.resources, refTargets: registry.refTargets, root: root,
            tracksAnnotations: tracksAnnotations, maxEvaluationDepth: options.maxEvaluationDepth)
    }

    var defaultVocabularies: SchemaVocabularies {
        options.formatAssertion ? SchemaVocabularies.standard.union(.formatAssertion) : .standard
    }

    /// Compiles a whole document retrieved from (or rooted at) `uri`.
    mutating func compileDocument(_ document: JSONValue, uri: String, vocabularies: SchemaVocabularies) throws(JSONSchemaCompileError) -> Int {
        let resource = registry.addResource(uri: uri, document: document)
        let scope = CompileScope(
            baseURI: uri, resource: resource, locations: [(uri, [])], schemaPath: [], vocabularies: vocabularies)
        return try compileSchema(document, scope: scope)
    }

    /// Compiles one schema (boolean or object) and registers its locations.
    mutating func compileSchema(_ value: JSONValue, scope incoming: CompileScope) throws(JSONSchemaCompileError) -> Int {
        var scope = incoming
        let object: JSONObject
        switch value {
        case .bool(let accepts):
            let index = appendNode(SchemaNode(body: .always(accepts), resource: scope.resource))
            registry.register(node: index, at: scope.locations)
            return index
        case .object(let members):
            object = members
        default:
            throw error(scope, "a schema must be an object or a boolean, not \(value.typeName)")
        }
        if let id = object["$id"] {
            try enterResource(id: id, document: value, scope: &scope)
        }
        if let metaschema = object["$schema"] {
            scope.vocabularies = try vocabularies(for: metaschema, scope: scope)
        }
        let index = appendNode(SchemaNode(body: .always(true), resource: scope.resource))
        registry.register(node: index, at: scope.locations)
        try registerAnchors(of: object, node: index, scope: scope)

        var keywords: [CompiledKeyword] = []
        var unevaluated: [CompiledKeyword] = []
        for (name, operand) in object {
            guard let kind = try compileKeyword(name, operand, in: object, scope: scope) else { continue }
            switch kind {
            case .unevaluatedItems, .unevaluatedProperties:
                // These depend on the annotations of every sibling, so they run last.
                unevaluated.append(CompiledKeyword(name: name, kind: kind))
            default:
                keywords.append(CompiledKeyword(name: name, kind: kind))
            }
        }
        nodes[index].body = .keywords(keywords + unevaluated)
        return index
    }

    /// Dispatches one keyword to its family in `Keywords/`. Returns nil for keywords that only
    /// annotate, are handled by a sibling (`then`, `minContains`), or belong to a disabled vocabulary.
    private mutating func compileKeyword(
        _ name: String, _ operand: JSONValue, in object: JSONObject, scope: CompileScope
    ) throws(JSONSchemaCompileError) -> KeywordKind? {
        let vocabularies = scope.vocabularies
        let keywordScope = scope.appending(name)
        switch name {
        case "type", "enum", "const":
            guard vocabularies.contains(.validation) else { return nil }
            return try compileGenericKeyword(name, operand, scope: keywordScope)
        case "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum":
            guard vocabularies.contains(.validation) else { return nil }
            return try compileNumericKeyword(name, operand, scope: keywordScope)
        case "maxLength", "minLength", "pattern":
            guard vocabularies.contains(.validation) else { return nil }
            return try compileStringKeyword(name, operand, scope: keywordScope)
        case "format":
            return try compileFormatKeyword(operand, assert: vocabularies.contains(.formatAssertion), scope: keywordScope)
        case "maxItems", "minItems", "uniqueItems", "maxContains", "minContains":
            guard vocabularies.contains(.validation) else { return nil }
            return try compileArrayValidationKeyword(name, operand, scope: keywordScope)
        case "prefixItems", "items", "contains":
            return try compileArrayApplicator(name, operand, in: object, scope: scope)
        case "maxProperties", "minProperties", "required", "dependentRequired":
            guard vocabularies.contains(.validation) else { return nil }
            return try compileObjectValidationKeyword(name, operand, scope: keywordScope)
        case "properties", "patternProperties", "additionalProperties", "propertyNames", "dependentSchemas":
            return try compileObjectApplicator(name, operand, in: object, scope: scope)
        case "allOf", "anyOf", "oneOf", "not", "if", "then", "else":
            return try compileLogicKeyword(name, operand, in: object, scope: scope)
        case "$ref", "$dynamicRef":
            return try compileReference(name, operand, scope: keywordScope)
        case "unevaluatedItems", "unevaluatedProperties":
            return try compileUnevaluated(name, operand, scope: scope)
        case "$defs":
            guard case .object(let definitions) = operand else {
                throw error(keywordScope, "$defs must be an object")
            }
            for (key, definition) in definitions {
                _ = try compileSchema(definition, scope: keywordScope.appending(key))
            }
            return nil
        case "$id", "$schema", "$anchor", "$dynamicAnchor", "$vocabulary", "$comment":
            return nil  // handled in compileSchema / registerAnchors, or purely informative
        default:
            return nil  // unknown keywords and annotations (title, default, …) are ignored
        }
    }

    mutating func appendNode(_ node: SchemaNode) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    /// Compiles an operand that must be a schema.
    mutating func compileSubschema(_ value: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> Int {
        try compileSchema(value, scope: scope)
    }

    /// Compiles an operand that must be a non-empty array of schemas.
    mutating func compileSchemaArray(_ value: JSONValue, scope: CompileScope, name: String) throws(JSONSchemaCompileError) -> [Int] {
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw error(scope, "\(name) must be a non-empty array of schemas")
        }
        var result: [Int] = []
        for (index, element) in elements.enumerated() {
            result.append(try compileSchema(element, scope: scope.appending(String(index))))
        }
        return result
    }

    /// Reads an operand that must be a non-negative integer (`2.0` counts as an integer).
    func nonNegativeInteger(_ value: JSONValue, scope: CompileScope, name: String) throws(JSONSchemaCompileError) -> Int {
        guard let integer = value.intValue, integer >= 0, let result = Int(exactly: integer) else {
            throw error(scope, "\(name) must be a non-negative integer")
        }
        return result
    }

    func error(_ scope: CompileScope, _ message: String) -> JSONSchemaCompileError {
        JSONSchemaCompileError(schemaLocation: JSONPointer(tokens: scope.schemaPath), message: message)
    }
}
