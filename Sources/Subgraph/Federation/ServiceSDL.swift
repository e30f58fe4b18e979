import GraphQLCore

/// The SDL a subgraph reports in `_service { sdl }`: the SDL as authored (with its `@link`s,
/// federation directives and custom directive definitions, which composition reads), less the
/// directives private to the service: their definitions, their applications, and the types only
/// they use.
enum ServiceSDL {
    /// Prints `document` without the `hidden` directives (names without `@`).
    static func print(_ document: DocumentNode, hiding hidden: Set<String>) -> String {
        guard !hidden.isEmpty else { return GraphQLCore.print(document) }
        var definitions: [DefinitionNode] = []
        var hiddenDefinitions: [DirectiveDefinitionNode] = []
        for definition in document.definitions {
            if case .directive(let node) = definition, hidden.contains(node.name.value) {
                hiddenDefinitions.append(node)
                continue
            }
            let stripped = strip(definition, hidden)
            // `extend schema @rest(...)` alone would print as an empty (invalid) extension.
            if case .schemaExtension(let node) = stripped, node.directives.isEmpty, node.operationTypes.isEmpty { continue }
            definitions.append(stripped)
        }
        // Types reached only from the hidden directives' arguments go too (input objects may lead
        // to more such types, hence the loop).
        var candidates = Set(hiddenDefinitions.flatMap { $0.arguments.map { $0.type.namedType.name.value } })
        while true {
            let used = referencedTypes(definitions)
            let removable = candidates.subtracting(used)
            let removed = definitions.filter { SubgraphDocument.typeName(of: $0).map(removable.contains) ?? false }
            if removed.isEmpty { break }
            definitions.removeAll { SubgraphDocument.typeName(of: $0).map(removable.contains) ?? false }
            candidates = removable.union(referencedTypes(removed))
        }
        return GraphQLCore.print(DocumentNode(definitions: definitions))
    }

    /// The named types a list of definitions refers to (fields, arguments, input fields,
    /// interfaces, union members, operation roots).
    private static func referencedTypes(_ definitions: [DefinitionNode]) -> Set<String> {
        var names = Set<String>()
        func fields(_ fields: [FieldDefinitionNode]) {
            for field in fields {
                names.insert(field.type.namedType.name.value)
                inputs(field.arguments)
            }
        }
        func inputs(_ values: [InputValueDefinitionNode]) {
            for value in values { names.insert(value.type.namedType.name.value) }
        }
        for definition in definitions {
            switch definition {
            case .schema(let node): node.operationTypes.forEach { names.insert($0.type.name.value) }
            case .schemaExtension(let node): node.operationTypes.forEach { names.insert($0.type.name.value) }
            case .objectType(let node): fields(node.fields); node.interfaces.forEach { names.insert($0.name.value) }
            case .objectTypeExtension(let node): fields(node.fields); node.interfaces.forEach { names.insert($0.name.value) }
            case .interfaceType(let node): fields(node.fields); node.interfaces.forEach { names.insert($0.name.value) }
            case .interfaceTypeExtension(let node): fields(node.fields); node.interfaces.forEach { names.insert($0.name.value) }
            case .unionType(let node): node.types.forEach { names.insert($0.name.value) }
            case .unionTypeExtension(let node): node.types.forEach { names.insert($0.name.value) }
            case .inputObjectType(let node): inputs(node.fields)
            case .inputObjectTypeExtension(let node): inputs(node.fields)
            case .directive(let node): inputs(node.arguments)
            default: break
            }
        }
        return names
    }

    /// `definition` without applications of the hidden directives, at any depth.
    private static func strip(_ definition: DefinitionNode, _ hidden: Set<String>) -> DefinitionNode {
        func keep(_ directives: [DirectiveNode]) -> [DirectiveNode] { directives.filter { !hidden.contains($0.name.value) } }
        func inputs(_ values: [InputValueDefinitionNode]) -> [InputValueDefinitionNode] {
            values.map { value in
                var value = value
                value.directives = keep(value.directives)
                return value
            }
        }
        func fields(_ fields: [FieldDefinitionNode]) -> [FieldDefinitionNode] {
            fields.map { field in
                var field = field
                field.directives = keep(field.directives)
                field.arguments = inputs(field.arguments)
                return field
            }
        }
        func values(_ values: [EnumValueDefinitionNode]) -> [EnumValueDefinitionNode] {
            values.map { value in
                var value = value
                value.directives = keep(value.directives)
                return value
            }
        }
        switch definition {
        case .schema(var node): node.directives = keep(node.directives); return .schema(node)
        case .schemaExtension(var node): node.directives = keep(node.directives); return .schemaExtension(node)
        case .scalarType(var node): node.directives = keep(node.directives); return .scalarType(node)
        case .scalarTypeExtension(var node): node.directives = keep(node.directives); return .scalarTypeExtension(node)
        case .objectType(var node):
            node.directives = keep(node.directives)
            node.fields = fields(node.fields)
            return .objectType(node)
        case .objectTypeExtension(var node):
            node.directives = keep(node.directives)
            node.fields = fields(node.fields)
            return .objectTypeExtension(node)
        case .interfaceType(var node):
            node.directives = keep(node.directives)
            node.fields = fields(node.fields)
            return .interfaceType(node)
        case .interfaceTypeExtension(var node):
            node.directives = keep(node.directives)
            node.fields = fields(node.fields)
            return .interfaceTypeExtension(node)
        case .unionType(var node): node.directives = keep(node.directives); return .unionType(node)
        case .unionTypeExtension(var node): node.directives = keep(node.directives); return .unionTypeExtension(node)
        case .enumType(var node):
            node.directives = keep(node.directives)
            node.values = values(node.values)
            return .enumType(node)
        case .enumTypeExtension(var node):
            node.directives = keep(node.directives)
            node.values = values(node.values)
            return .enumTypeExtension(node)
        case .inputObjectType(var node):
            node.directives = keep(node.directives)
            node.fields = inputs(node.fields)
            return .inputObjectType(node)
        case .inputObjectTypeExtension(var node):
            node.directives = keep(node.directives)
            node.fields = inputs(node.fields)
            return .inputObjectTypeExtension(node)
        case .directive(var node):
            node.arguments = inputs(node.arguments)
            return .directive(node)
        case .operation, .fragment:
            return definition
        }
    }
}
