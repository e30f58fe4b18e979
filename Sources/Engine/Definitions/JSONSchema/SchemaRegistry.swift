/// Every addressable location of the compiled schemas: resources by URI, subschemas by
/// `uri#/json/pointer`, anchors by `uri#name`; plus the `$ref`s waiting to be bound.
struct SchemaRegistry {
    struct PendingReference {
        let slot: Int
        let uri: String
        let fragment: String?
        let reference: String
        let schemaPath: [String]
    }

    private(set) var resources: [SchemaResource] = []
    private(set) var documents: [JSONValue] = []
    private(set) var resourceByURI: [String: Int] = [:]
    private var locations: [String: Int] = [:]
    var refTargets: [Int] = []
    var pendingReferences: [PendingReference] = []

    mutating func addResource(uri: String, document: JSONValue) -> Int {
        resources.append(SchemaResource(uri: uri))
        documents.append(document)
        let index = resources.count - 1
        if resourceByURI[uri] == nil { resourceByURI[uri] = index }
        return index
    }

    /// Registers `node` under its JSON-pointer location in every enclosing resource
    /// (the first registration of a location wins).
    mutating func register(node: Int, at pointers: [(uri: String, tokens: [String])]) {
        for (uri, tokens) in pointers {
            let key = uri + "#" + JSONPointer(tokens: tokens).description
            if locations[key] == nil { locations[key] = node }
        }
    }

    /// Registers a plain-name fragment (`$anchor` or `$dynamicAnchor`). Returns false if taken.
    mutating func registerAnchor(_ name: String, node: Int, uri: String) -> Bool {
        let key = uri + "#" + name
        if let existing = locations[key] { return existing == node }
        locations[key] = node
        return true
    }

    mutating func registerDynamicAnchor(_ name: String, node: Int, resource: Int) {
        if resources[resource].dynamicAnchors[name] == nil { resources[resource].dynamicAnchors[name] = node }
    }

    /// The node at `uri` + `fragment` (empty, a JSON pointer, or an anchor name), if compiled.
    func lookup(uri: String, fragment: String?) -> Int? {
        guard let key = SchemaRegistry.key(uri: uri, fragment: fragment) else { return nil }
        return locations[key]
    }

    static func key(uri: String, fragment: String?) -> String? {
        guard let fragment, !fragment.isEmpty else { return uri + "#" }
        let decoded = URIReference.percentDecoded(fragment)
        if decoded.hasPrefix("/") {
            guard let pointer = JSONPointer(decoded) else { return nil }
            return uri + "#" + pointer.description
        }
        return uri + "#" + decoded
    }
}

extension SchemaCompiler {
    /// Applies `$id`: resolves it against the current base and opens a new schema resource.
    mutating func enterResource(id: JSONValue, document: JSONValue, scope: inout CompileScope) throws(JSONSchemaCompileError) {
        guard case .string(let text) = id else { throw error(scope.appending("$id"), "$id must be a string") }
        let (uri, fragment) = URIReference.resolve(text, against: scope.baseURI)
        if let fragment, !fragment.isEmpty {
            throw error(scope.appending("$id"), "$id must not contain a non-empty fragment (\"\(text)\")")
        }
        // A document whose $id equals its retrieval URI is already that resource.
        if let last = scope.locations.last, last.uri == uri, last.tokens.isEmpty { return }
        scope.resource = registry.addResource(uri: uri, document: document)
        scope.baseURI = uri
        scope.locations.append((uri, []))
    }

    /// Registers `$anchor` and `$dynamicAnchor` (both are plain-name fragments of the resource).
    mutating func registerAnchors(of object: JSONObject, node: Int, scope: CompileScope) throws(JSONSchemaCompileError) {
        for keyword in ["$anchor", "$dynamicAnchor"] {
            guard let value = object[keyword] else { continue }
            guard case .string(let name) = value, SchemaCompiler.isValidAnchor(name) else {
                throw error(scope.appending(keyword), "\(keyword) must be a string matching ^[A-Za-z_][-A-Za-z0-9._]*$")
            }
            guard registry.registerAnchor(name, node: node, uri: scope.baseURI) else {
                throw error(scope.appending(keyword), "anchor \"\(name)\" is defined twice in \(scope.baseURI)")
            }
            if keyword == "$dynamicAnchor" {
                registry.registerDynamicAnchor(name, node: node, resource: scope.resource)
                nodes[node].dynamicAnchor = name
            }
        }
    }

    static func isValidAnchor(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
              first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._".unicodeScalars.contains(scalar))
        }
    }

    /// The vocabularies of a resource declaring `$schema`. The standard metaschema gives the
    /// standard set; a custom one is fetched through the resolver to read `$vocabulary`; an
    /// unknown, unreachable metaschema (e.g. another draft) falls back to the standard set.
    mutating func vocabularies(for metaschema: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> SchemaVocabularies {
        guard case .string(let text) = metaschema else { throw error(scope.appending("$schema"), "$schema must be a string") }
        let uri = URIReference.resolve(text, against: scope.baseURI).uri
        guard !SchemaVocabularies.standardMetaschemas.contains(text),
              let document = try? resolver?.schemaDocument(for: uri) else { return defaultVocabularies }
        do {
            var declared = try SchemaVocabularies.declared(by: document) ?? .standard
            if options.formatAssertion { declared.insert(.formatAssertion) }
            return declared
        } catch {
            throw self.error(scope.appending("$schema"), "metaschema \(text) requires unknown vocabulary \(error.uri)")
        }
    }

    /// Binds every `$ref`/`$dynamicRef` to a node, loading remote documents and compiling
    /// pointer targets outside known keywords on demand (which may add more references).
    mutating func resolvePendingReferences() throws(JSONSchemaCompileError) {
        var next = 0
        while next < registry.pendingReferences.count {
            let reference = registry.pendingReferences[next]
            registry.refTargets[reference.slot] = try resolve(reference)
            next += 1
        }
    }

    private mutating func resolve(_ reference: SchemaRegistry.PendingReference) throws(JSONSchemaCompileError) -> Int {
        let location = JSONPointer(tokens: reference.schemaPath)
        if let node = registry.lookup(uri: reference.uri, fragment: reference.fragment) { return node }
        if registry.resourceByURI[reference.uri] == nil {
            let document: JSONValue?
            do {
                document = try resolver?.schemaDocument(for: reference.uri)
            } catch {
                throw JSONSchemaCompileError(
                    schemaLocation: location, message: "cannot load \(reference.uri) for \"\(reference.reference)\": \(error)")
            }
            if let document {
                _ = try compileDocument(document, uri: reference.uri, vocabularies: defaultVocabularies)
                if let node = registry.lookup(uri: reference.uri, fragment: reference.fragment) { return node }
            }
        }
        if let resource = registry.resourceByURI[reference.uri], let fragment = reference.fragment,
           case let decoded = URIReference.percentDecoded(fragment), decoded.hasPrefix("/"),
           let pointer = JSONPointer(decoded), let target = pointer.evaluate(in: registry.documents[resource]) {
            // A pointer into a place no keyword walks (e.g. an unknown keyword): compile it now.
            let scope = CompileScope(
                baseURI: reference.uri, resource: resource, locations: [(reference.uri, pointer.tokens)],
                schemaPath: reference.schemaPath, vocabularies: defaultVocabularies)
            return try compileSchema(target, scope: scope)
        }
        throw JSONSchemaCompileError(schemaLocation: location, message: "cannot resolve reference \"\(reference.reference)\"")
    }
}
