import Foundation

/// Choices for `buildSchema`.
public struct BuildSchemaOptions: Sendable {
    /// Accept `extend type Query { ... }` (or any extension) whose type is not defined, treating
    /// the first extension as the definition, as graphql-js `extendSchema` of an empty schema would.
    public var allowExtensionsWithoutBase: Bool
    /// Expose `@oneOf` and `__Type.isOneOf`: `nil` means "when some input object uses `@oneOf`".
    public var exposeOneOf: Bool?

    /// Creates options.
    public init(allowExtensionsWithoutBase: Bool = false, exposeOneOf: Bool? = nil) {
        self.allowExtensionsWithoutBase = allowExtensionsWithoutBase
        self.exposeOneOf = exposeOneOf
    }
}

/// Builds a schema from SDL text; see `buildSchema(_:options:)` for the document form.
public func buildSchema(_ sdl: String, options: BuildSchemaOptions = .init()) throws(GraphQLError) -> GraphQLSchema {
    try buildSchema(parse(Source(sdl, name: "GraphQL SDL"), options: .unlimited), options: options)
}

/// Builds a schema from an SDL document, merging `extend ...` definitions into their types.
///
/// Types are ordered as graphql-js orders its type map, so introspection lists them identically.
/// Problems that make the SDL meaningless (unknown types, duplicates, extensions of nothing)
/// throw; type-system rules are checked by `validateSchema`, whose errors the schema keeps in
/// `validationErrors` and the executor reports instead of executing.
public func buildSchema(_ document: DocumentNode, options: BuildSchemaOptions = .init()) throws(GraphQLError) -> GraphQLSchema {
    var definitions: [TypeDefinitionParts] = []
    var definitionIndex: [String: Int] = [:]
    var extensions: [(TypeDefinitionParts, DefinitionNode)] = []
    var directiveNodes: [DirectiveDefinitionNode] = []
    var schemaDefinition: SchemaDefinitionNode?
    var schemaDirectives: [DirectiveNode] = []
    var operationTypes: [OperationTypeDefinitionNode] = []

    for definition in document.definitions {
        if let parts = TypeDefinitionParts(definition: definition) {
            guard definitionIndex[parts.name] == nil else {
                throw GraphQLError(message: "There can be only one type named \"\(parts.name)\".", locations: [])
            }
            definitionIndex[parts.name] = definitions.count
            definitions.append(parts)
        } else if let parts = TypeDefinitionParts(extension: definition) {
            extensions.append((parts, definition))
        } else {
            switch definition {
            case .directive(let node): directiveNodes.append(node)
            case .schema(let node):
                guard schemaDefinition == nil else {
                    throw GraphQLError(message: "Must provide only one schema definition.")
                }
                schemaDefinition = node
                operationTypes += node.operationTypes
                schemaDirectives += node.directives
            case .schemaExtension(let node):
                operationTypes += node.operationTypes
                schemaDirectives += node.directives
            default:
                // Operations and fragments in SDL are ignored, as graphql-js `buildASTSchema` does.
                continue
            }
        }
    }
    for (parts, _) in extensions {
        if let index = definitionIndex[parts.name] {
            guard definitions[index].kind == parts.kind else {
                throw GraphQLError(message: "Cannot extend non-\(parts.kind.rawValue.lowercased().replacingOccurrences(of: "_", with: " ")) type \"\(parts.name)\".")
            }
            definitions[index].merge(parts)
            definitions[index].extraLocations.append(parts.loc)
        } else if BuiltInScalars.names.contains(parts.name) {
            continue
        } else if options.allowExtensionsWithoutBase {
            definitionIndex[parts.name] = definitions.count
            definitions.append(parts)
        } else {
            throw GraphQLError(message: "Cannot extend type \"\(parts.name)\" because it is not defined.")
        }
    }

    let usesOneOf = definitions.contains { $0.kind == .inputObject && $0.directives.contains { $0.name.value == "oneOf" } }
    let exposeOneOf = options.exposeOneOf ?? usesOneOf
    let introspection = IntrospectionSchema.definitions(oneOf: exposeOneOf)

    // Every type a reference may name: user types first, then built-ins and introspection.
    var pool: [String: GraphQLNamedType] = [:]
    for type in introspection.types { pool[type.name] = type }
    for name in BuiltInScalars.names { pool[name] = BuiltInScalars.type(named: name) }
    var configTypes: [String] = []
    for parts in definitions {
        // A redefined built-in scalar stays the built-in one, as in graphql-js.
        if pool[parts.name] == nil || !BuiltInScalars.names.contains(parts.name) {
            pool[parts.name] = parts.makeType()
        }
        configTypes.append(parts.name)
    }

    var directives = directiveNodes.map(makeDirective)
    for directive in introspection.directives where !directives.contains(where: { $0.name == directive.name }) {
        directives.append(directive)
    }

    var roots: [OperationType: String] = [:]
    for operationType in operationTypes { roots[operationType.operation] = operationType.type.name.value }
    if schemaDefinition == nil {
        // Without `schema { ... }`, types with the default names are the roots, even over
        // `extend schema` (graphql-js `buildASTSchema` does the same).
        for (operation, name) in [(OperationType.query, "Query"), (.mutation, "Mutation"), (.subscription, "Subscription")]
        where definitionIndex[name] != nil {
            roots[operation] = name
        }
    }

    try checkReferences(pool: pool, userTypes: configTypes, directives: directives, roots: roots)
    try checkAppliedDirectives(definitions: definitions, schemaDirectives: schemaDirectives, directives: directives)
    let order = TypeMapOrder(pool: pool).order(
        configTypes: configTypes, roots: [roots[.query], roots[.mutation], roots[.subscription]].compactMap { $0 },
        directives: directives)

    var types: [String: GraphQLNamedType] = [:]
    for name in order { types[name] = pool[name] }
    coerceDefaultValues(in: &types, directives: &directives)
    IntrospectionResolvers.install(in: &types)
    var schema = GraphQLSchema(
        description: schemaDefinition?.description?.value, types: types, typeNames: order,
        directives: directives, exposesOneOf: exposeOneOf)
    schema.queryType = roots[.query]
    schema.mutationType = roots[.mutation]
    schema.subscriptionType = roots[.subscription]
    schema.appliedDirectives = schemaDirectives
    schema.validationErrors = validateSchema(schema)
    return schema
}

/// Throws `Unknown type "X".` for the first reference to a type that does not exist.
private func checkReferences(
    pool: [String: GraphQLNamedType], userTypes: [String], directives: [GraphQLDirective], roots: [OperationType: String]
) throws(GraphQLError) {
    func check(_ name: String) throws(GraphQLError) {
        guard pool[name] == nil else { return }
        throw GraphQLError(message: "Unknown type \"\(name)\"." + didYouMean(suggestionList(name, options: Array(pool.keys))))
    }
    for name in userTypes {
        guard let type = pool[name] else { continue }
        for field in type.fields {
            try check(field.type.namedType)
            for argument in field.arguments { try check(argument.type.namedType) }
        }
        for interface in type.interfaces { try check(interface) }
        for member in type.unionMembers { try check(member) }
        for field in type.inputFields { try check(field.type.namedType) }
    }
    for directive in directives {
        for argument in directive.arguments { try check(argument.type.namedType) }
    }
    for (_, name) in roots.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { try check(name) }
}

/// Coerces every SDL default value to its type; an invalid default counts as none (graphql-js does the same).
private func coerceDefaultValues(in types: inout [String: GraphQLNamedType], directives: inout [GraphQLDirective]) {
    // Defaults of input objects take in the coerced defaults of their fields' types, so repeat
    // until nothing changes: each pass settles one more level of nesting (graphql-js resolves
    // the same dependencies lazily).
    let inputObjects = types.values.filter { $0.kind == .inputObject }.count
    for _ in 0...(inputObjects + 1) {
        guard coerceDefaultValuesOnce(in: &types, directives: &directives) else { return }
    }
}

/// One pass over every default value; whether any coerced value changed.
private func coerceDefaultValuesOnce(
    in types: inout [String: GraphQLNamedType], directives: inout [GraphQLDirective]
) -> Bool {
    var anyChanged = false
    let lookup = types
    func coerce(_ value: inout GraphQLInputValue) {
        guard let node = value.defaultValueNode else { return }
        let coerced = valueFromAST(node, type: value.type, types: lookup, variables: nil)
        if coerced != value.defaultValue { anyChanged = true }
        value.defaultValue = coerced
    }
    for name in Array(types.keys) {
        guard var type = types[name] else { continue }
        var changed = false
        for index in type.fields.indices where !type.fields[index].arguments.isEmpty {
            for argument in type.fields[index].arguments.indices { coerce(&type.fields[index].arguments[argument]) }
            changed = true
        }
        for index in type.inputFields.indices where type.inputFields[index].defaultValueNode != nil {
            coerce(&type.inputFields[index])
            changed = true
        }
        if changed { types[name] = type }
    }
    for index in directives.indices {
        for argument in directives[index].arguments.indices { coerce(&directives[index].arguments[argument]) }
    }
    return anyChanged
}
