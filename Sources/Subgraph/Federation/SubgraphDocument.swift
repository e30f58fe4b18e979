import GraphQLCore

/// What the federation layer reads from a parsed subgraph SDL: the names it defines, the query
/// root, and the entities (types with a resolvable `@key`).
struct SubgraphDocument: Sendable {
    let document: DocumentNode
    /// Names of the types and directives (without `@`) the SDL defines or extends.
    let definedTypes: Set<String>
    let definedDirectives: Set<String>
    /// The query root's name (`Query` unless a schema definition says otherwise).
    let queryType: String
    /// Whether the SDL defines or extends the query root.
    let hasQueryType: Bool

    init(_ document: DocumentNode) {
        self.document = document
        var types = Set<String>()
        var directives = Set<String>()
        var queryType = "Query"
        for definition in document.definitions {
            if let name = Self.typeName(of: definition) { types.insert(name) }
            switch definition {
            case .directive(let node): directives.insert(node.name.value)
            case .schema(let node):
                if let query = node.operationTypes.first(where: { $0.operation == .query }) { queryType = query.type.name.value }
            case .schemaExtension(let node):
                if let query = node.operationTypes.first(where: { $0.operation == .query }) { queryType = query.type.name.value }
            default: break
            }
        }
        definedTypes = types
        definedDirectives = directives
        self.queryType = queryType
        hasQueryType = types.contains(queryType)
    }

    /// The object types with at least one resolvable key (`@key` under its local name), in the
    /// order they first appear: the members of `_Entity`.
    func entityObjectTypes(keyDirective: String) -> [String] {
        entityTypes(keyDirective: keyDirective, kind: .object)
    }

    /// The interfaces with at least one resolvable key (entity interfaces).
    func entityInterfaces(keyDirective: String) -> [String] {
        entityTypes(keyDirective: keyDirective, kind: .interface)
    }

    private func entityTypes(keyDirective: String, kind: GraphQLTypeKind) -> [String] {
        var names: [String] = []
        for definition in document.definitions {
            guard let (name, definitionKind, directives) = Self.typeParts(of: definition), definitionKind == kind,
                !names.contains(name)
            else { continue }
            let resolvableKey = directives.contains { directive in
                guard directive.name.value == keyDirective else { return false }
                if case .boolean(let flag)? = directive.arguments.first(where: { $0.name.value == "resolvable" })?.value {
                    return flag.value
                }
                return true
            }
            if resolvableKey { names.append(name) }
        }
        return names
    }

    /// `document` without what the federation layer adds itself (`_Any`, `_Service`, `_Entity`,
    /// `Query._entities`, `Query._service`), so a printed subgraph schema can be read back.
    static func removingSubgraphAdditions(from document: DocumentNode) -> DocumentNode {
        let additionTypes: Set<String> = ["_Any", "_Service", "_Entity"]
        let additionFields: Set<String> = ["_entities", "_service"]
        let queryType = SubgraphDocument(document).queryType
        var definitions: [DefinitionNode] = []
        for definition in document.definitions {
            if let name = typeName(of: definition), additionTypes.contains(name) { continue }
            switch definition {
            case .objectType(var node) where node.name.value == queryType:
                node.fields.removeAll { additionFields.contains($0.name.value) }
                definitions.append(.objectType(node))
            case .objectTypeExtension(var node) where node.name.value == queryType:
                node.fields.removeAll { additionFields.contains($0.name.value) }
                if node.fields.isEmpty && node.directives.isEmpty && node.interfaces.isEmpty { continue }
                definitions.append(.objectTypeExtension(node))
            default:
                definitions.append(definition)
            }
        }
        return DocumentNode(definitions: definitions, loc: document.loc)
    }

    /// The name of the type a definition or extension is about.
    static func typeName(of definition: DefinitionNode) -> String? {
        switch definition {
        case .scalarType(let node): node.name.value
        case .objectType(let node): node.name.value
        case .interfaceType(let node): node.name.value
        case .unionType(let node): node.name.value
        case .enumType(let node): node.name.value
        case .inputObjectType(let node): node.name.value
        case .scalarTypeExtension(let node): node.name.value
        case .objectTypeExtension(let node): node.name.value
        case .interfaceTypeExtension(let node): node.name.value
        case .unionTypeExtension(let node): node.name.value
        case .enumTypeExtension(let node): node.name.value
        case .inputObjectTypeExtension(let node): node.name.value
        default: nil
        }
    }

    /// Name, kind and applied directives of an object or interface definition or extension.
    private static func typeParts(of definition: DefinitionNode) -> (String, GraphQLTypeKind, [DirectiveNode])? {
        switch definition {
        case .objectType(let node): (node.name.value, .object, node.directives)
        case .objectTypeExtension(let node): (node.name.value, .object, node.directives)
        case .interfaceType(let node): (node.name.value, .interface, node.directives)
        case .interfaceTypeExtension(let node): (node.name.value, .interface, node.directives)
        default: nil
        }
    }
}
