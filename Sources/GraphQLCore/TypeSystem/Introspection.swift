// Resolvers of the introspection types (spec §4.2) and the meta-fields `__typename`,
// `__schema` and `__type`. Introspection objects travel through the executor as
// `.source(IntrospectionNode)` values.

/// An introspection object: the schema or one of its parts.
enum IntrospectionNode: Sendable {
    case schema
    case type(GraphQLTypeReference)
    case field(GraphQLField)
    case inputValue(GraphQLInputValue)
    case enumValue(GraphQLEnumValue)
    case directive(GraphQLDirective)
}

enum IntrospectionResolvers {
    static let introspectionTypeNames: Set<String> = [
        "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation",
    ]

    static let typenameField = GraphQLField(
        name: "__typename", type: .nonNull(.named("String")), resolve: { _, _, info in .value(.string(info.parentType)) })
    static let schemaField = GraphQLField(
        name: "__schema", type: .nonNull(.named("__Schema")), resolve: { _, _, _ in .source(IntrospectionNode.schema) })
    static let typeField = GraphQLField(
        name: "__type", type: .named("__Type"),
        arguments: [GraphQLInputValue(name: "name", type: .nonNull(.named("String")))],
        resolve: { _, arguments, info in
            guard case .string(let name)? = arguments["name"], info.schema.type(named: name) != nil else { return .null }
            return .source(IntrospectionNode.type(.named(name)))
        })

    /// Installs `resolve` on every field of the introspection types in `types`.
    static func install(in types: inout [String: GraphQLNamedType]) {
        for name in introspectionTypeNames {
            guard var type = types[name], type.kind == .object else { continue }
            for index in type.fields.indices { type.fields[index].resolve = resolve }
            types[name] = type
        }
    }

    static let resolve: FieldResolver = { source, arguments, info in
        guard case .source(let box) = source, let node = box as? IntrospectionNode else { return .null }
        let includeDeprecated = arguments["includeDeprecated"] == .bool(true)
        let schema = info.schema
        switch node {
        case .schema: return schemaField(info.fieldName, schema)
        case .type(let reference): return typeField(info.fieldName, reference, schema, includeDeprecated)
        case .field(let field):
            switch info.fieldName {
            case "name": return .value(.string(field.name))
            case "description": return .value(field.description.map(GraphQLValue.string) ?? .null)
            case "args":
                return .list(field.arguments.filter { includeDeprecated || $0.deprecationReason == nil }
                    .map { .source(IntrospectionNode.inputValue($0)) })
            case "type": return .source(IntrospectionNode.type(field.type))
            case "isDeprecated": return .value(.bool(field.deprecationReason != nil))
            case "deprecationReason": return .value(field.deprecationReason.map(GraphQLValue.string) ?? .null)
            default: return .null
            }
        case .inputValue(let value):
            switch info.fieldName {
            case "name": return .value(.string(value.name))
            case "description": return .value(value.description.map(GraphQLValue.string) ?? .null)
            case "type": return .source(IntrospectionNode.type(value.type))
            case "defaultValue":
                guard let defaultValue = value.defaultValue,
                    let literal = astFromValue(defaultValue, type: value.type, types: schema.types)
                else { return .null }
                return .value(.string(print(literal)))
            case "isDeprecated": return .value(.bool(value.deprecationReason != nil))
            case "deprecationReason": return .value(value.deprecationReason.map(GraphQLValue.string) ?? .null)
            default: return .null
            }
        case .enumValue(let value):
            switch info.fieldName {
            case "name": return .value(.string(value.name))
            case "description": return .value(value.description.map(GraphQLValue.string) ?? .null)
            case "isDeprecated": return .value(.bool(value.deprecationReason != nil))
            case "deprecationReason": return .value(value.deprecationReason.map(GraphQLValue.string) ?? .null)
            default: return .null
            }
        case .directive(let directive):
            switch info.fieldName {
            case "name": return .value(.string(directive.name))
            case "description": return .value(directive.description.map(GraphQLValue.string) ?? .null)
            case "isRepeatable": return .value(.bool(directive.isRepeatable))
            case "locations": return .value(.list(directive.locations.map { .string($0.rawValue) }))
            case "args":
                return .list(directive.arguments.filter { includeDeprecated || $0.deprecationReason == nil }
                    .map { .source(IntrospectionNode.inputValue($0)) })
            default: return .null
            }
        }
    }

    private static func schemaField(_ name: String, _ schema: GraphQLSchema) -> ResolvedValue {
        func typeNode(_ name: String?) -> ResolvedValue {
            guard let name else { return .null }
            return .source(IntrospectionNode.type(.named(name)))
        }
        switch name {
        case "description": return .value(schema.description.map(GraphQLValue.string) ?? .null)
        case "types": return .list(schema.typeNames.map { .source(IntrospectionNode.type(.named($0))) })
        case "queryType": return typeNode(schema.queryType)
        case "mutationType": return typeNode(schema.mutationType)
        case "subscriptionType": return typeNode(schema.subscriptionType)
        case "directives": return .list(schema.directives.map { .source(IntrospectionNode.directive($0)) })
        default: return .null
        }
    }

    private static func typeField(
        _ name: String, _ reference: GraphQLTypeReference, _ schema: GraphQLSchema, _ includeDeprecated: Bool
    ) -> ResolvedValue {
        let named: GraphQLNamedType?
        switch reference {
        case .named(let typeName): named = schema.type(named: typeName)
        case .list(let inner), .nonNull(let inner):
            switch name {
            case "kind": return .value(.string(reference.isNonNull ? "NON_NULL" : "LIST"))
            case "ofType": return .source(IntrospectionNode.type(inner))
            default: return .null
            }
        }
        guard let type = named else { return .null }
        let hasFields = type.kind == .object || type.kind == .interface
        switch name {
        case "kind": return .value(.string(type.kind.rawValue))
        case "name": return .value(.string(type.name))
        case "description": return .value(type.description.map(GraphQLValue.string) ?? .null)
        case "specifiedByURL": return .value(type.specifiedByURL.map(GraphQLValue.string) ?? .null)
        case "fields":
            guard hasFields else { return .null }
            return .list(type.fields.filter { includeDeprecated || $0.deprecationReason == nil }
                .map { .source(IntrospectionNode.field($0)) })
        case "interfaces":
            guard hasFields else { return .null }
            return .list(type.interfaces.map { .source(IntrospectionNode.type(.named($0))) })
        case "possibleTypes":
            guard type.kind.isAbstract else { return .null }
            return .list(schema.possibleTypes(of: type.name).map { .source(IntrospectionNode.type(.named($0))) })
        case "enumValues":
            guard type.kind == .enum else { return .null }
            return .list(type.enumValues.filter { includeDeprecated || $0.deprecationReason == nil }
                .map { .source(IntrospectionNode.enumValue($0)) })
        case "inputFields":
            guard type.kind == .inputObject else { return .null }
            return .list(type.inputFields.filter { includeDeprecated || $0.deprecationReason == nil }
                .map { .source(IntrospectionNode.inputValue($0)) })
        case "isOneOf":
            guard type.kind == .inputObject else { return .null }
            return .value(.bool(type.isOneOf))
        default: return .null
        }
    }
}
