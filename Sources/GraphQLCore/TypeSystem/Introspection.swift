// Resolvers of the introspection types (spec §4.2) and the meta-fields `__typename`,
// `__schema` and `__type`. Introspection objects travel through the executor as
// `.source(node)` values, where the node is one of the classes below.
//
// Each node is a class, so that the executor's `.source` box holds one reference: casting it
// back and copying it costs one retain instead of copying a `GraphQLField` or similar struct.
// Each field of the introspection types gets its own resolver when the schema is built, so a
// resolver knows which node class to expect and which field to answer without comparing names.

/// A `__Schema` object.
final class SchemaIntrospectionNode: Sendable {
    static let shared = SchemaIntrospectionNode()
}

/// A `__Type` object: a type reference, with its plan entry when it is a named type that exists,
/// so that its fields neither look it up again nor copy the `GraphQLNamedType` struct.
final class TypeIntrospectionNode: Sendable {
    let reference: GraphQLTypeReference
    let entry: TypeEntry?

    init(_ reference: GraphQLTypeReference, plan: ExecutionPlan) {
        self.reference = reference
        if case .named(let name) = reference {
            entry = plan.types[name]
        } else {
            entry = nil
        }
    }
}

/// A `__Field` object.
final class FieldIntrospectionNode: Sendable {
    let field: GraphQLField
    init(_ field: GraphQLField) { self.field = field }
}

/// An `__InputValue` object.
final class InputValueIntrospectionNode: Sendable {
    let value: GraphQLInputValue
    init(_ value: GraphQLInputValue) { self.value = value }
}

/// An `__EnumValue` object.
final class EnumValueIntrospectionNode: Sendable {
    let value: GraphQLEnumValue
    init(_ value: GraphQLEnumValue) { self.value = value }
}

/// A `__Directive` object.
final class DirectiveIntrospectionNode: Sendable {
    let directive: GraphQLDirective
    init(_ directive: GraphQLDirective) { self.directive = directive }
}

enum IntrospectionResolvers {
    static let introspectionTypeNames: Set<String> = [
        "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation",
    ]

    static let typenameField = GraphQLField(
        name: "__typename", type: .nonNull(.named("String")), resolve: { _, _, info in .value(.string(info.parentType)) })
    static let schemaField = GraphQLField(
        name: "__schema", type: .nonNull(.named("__Schema")),
        resolve: { _, _, _ in .source(SchemaIntrospectionNode.shared) })
    static let typeField = GraphQLField(
        name: "__type", type: .named("__Type"),
        arguments: [GraphQLInputValue(name: "name", type: .nonNull(.named("String")))],
        resolve: { _, arguments, info in
            guard case .string(let name)? = arguments["name"], info.schema.type(named: name) != nil else { return .null }
            return typeNode(.named(name), info.context.plan)
        })

    /// Installs a resolver on every field of the introspection types in `types`.
    static func install(in types: inout [String: GraphQLNamedType]) {
        for name in introspectionTypeNames {
            guard var type = types[name], type.kind == .object else { continue }
            for index in type.fields.indices {
                let field = FieldID(rawValue: type.fields[index].name) ?? .unknown
                type.fields[index].resolve = resolver(typeName: name, field: field)
            }
            types[name] = type
        }
    }

    /// The fields of the introspection types, by name.
    enum FieldID: String {
        case name, description, args, type, isDeprecated, deprecationReason, defaultValue
        case isRepeatable, locations, kind, ofType, specifiedByURL, fields, interfaces, possibleTypes
        case enumValues, inputFields, isOneOf, types, queryType, mutationType, subscriptionType, directives
        /// A field of no introspection type; every switch resolves it to null.
        case unknown = ""
    }

    /// The resolver of one field of the introspection type `typeName`.
    static func resolver(typeName: String, field: FieldID) -> FieldResolver {
        switch typeName {
        case "__Schema":
            return { source, _, info in
                guard case .source(let box) = source, box is SchemaIntrospectionNode else { return .null }
                return schemaField(field, info.context.schema, info.context.plan)
            }
        case "__Type":
            return { source, arguments, info in
                guard case .source(let box) = source, let node = box as? TypeIntrospectionNode else { return .null }
                return typeField(field, node, arguments, info)
            }
        case "__Field":
            return { source, arguments, info in
                guard case .source(let box) = source, let node = box as? FieldIntrospectionNode else { return .null }
                return fieldField(field, node, arguments, info)
            }
        case "__InputValue":
            return { source, _, info in
                guard case .source(let box) = source, let node = box as? InputValueIntrospectionNode else {
                    return .null
                }
                return inputValueField(field, node, info)
            }
        case "__EnumValue":
            return { source, _, _ in
                guard case .source(let box) = source, let node = box as? EnumValueIntrospectionNode else {
                    return .null
                }
                return enumValueField(field, node)
            }
        case "__Directive":
            return { source, arguments, info in
                guard case .source(let box) = source, let node = box as? DirectiveIntrospectionNode else {
                    return .null
                }
                return directiveField(field, node, arguments, info)
            }
        default:
            return { _, _, _ in .null }
        }
    }

    private static func includeDeprecated(_ arguments: GraphQLObject) -> Bool {
        arguments["includeDeprecated"] == .bool(true)
    }

    /// The node for a type reference: a named type that exists carries its plan entry.
    private static func typeNode(_ reference: GraphQLTypeReference, _ plan: ExecutionPlan) -> ResolvedValue {
        .source(TypeIntrospectionNode(reference, plan: plan))
    }

    private static func inputValueNodes(
        _ values: [GraphQLInputValue], _ arguments: GraphQLObject
    ) -> ResolvedValue {
        let includeDeprecated = includeDeprecated(arguments)
        return .list(values.filter { includeDeprecated || $0.deprecationReason == nil }
            .map { .source(InputValueIntrospectionNode($0)) })
    }

    private static func fieldField(
        _ name: FieldID, _ node: FieldIntrospectionNode, _ arguments: GraphQLObject, _ info: ResolveInfo
    ) -> ResolvedValue {
        switch name {
        case .name: return .value(.string(node.field.name))
        case .description: return .value(node.field.description.map(GraphQLValue.string) ?? .null)
        case .args: return inputValueNodes(node.field.arguments, arguments)
        case .type: return typeNode(node.field.type, info.context.plan)
        case .isDeprecated: return .value(.bool(node.field.deprecationReason != nil))
        case .deprecationReason: return .value(node.field.deprecationReason.map(GraphQLValue.string) ?? .null)
        default: return .null
        }
    }

    private static func inputValueField(
        _ name: FieldID, _ node: InputValueIntrospectionNode, _ info: ResolveInfo
    ) -> ResolvedValue {
        switch name {
        case .name: return .value(.string(node.value.name))
        case .description: return .value(node.value.description.map(GraphQLValue.string) ?? .null)
        case .type: return typeNode(node.value.type, info.context.plan)
        case .defaultValue:
            guard let defaultValue = node.value.defaultValue,
                let literal = astFromValue(defaultValue, type: node.value.type, types: info.context.schema.types)
            else { return .null }
            return .value(.string(print(literal)))
        case .isDeprecated: return .value(.bool(node.value.deprecationReason != nil))
        case .deprecationReason: return .value(node.value.deprecationReason.map(GraphQLValue.string) ?? .null)
        default: return .null
        }
    }

    private static func enumValueField(_ name: FieldID, _ node: EnumValueIntrospectionNode) -> ResolvedValue {
        switch name {
        case .name: return .value(.string(node.value.name))
        case .description: return .value(node.value.description.map(GraphQLValue.string) ?? .null)
        case .isDeprecated: return .value(.bool(node.value.deprecationReason != nil))
        case .deprecationReason: return .value(node.value.deprecationReason.map(GraphQLValue.string) ?? .null)
        default: return .null
        }
    }

    private static func directiveField(
        _ name: FieldID, _ node: DirectiveIntrospectionNode, _ arguments: GraphQLObject, _ info: ResolveInfo
    ) -> ResolvedValue {
        switch name {
        case .name: return .value(.string(node.directive.name))
        case .description: return .value(node.directive.description.map(GraphQLValue.string) ?? .null)
        case .isRepeatable: return .value(.bool(node.directive.isRepeatable))
        case .locations: return .value(.list(node.directive.locations.map { .string($0.rawValue) }))
        case .args: return inputValueNodes(node.directive.arguments, arguments)
        default: return .null
        }
    }

    private static func schemaField(_ name: FieldID, _ schema: GraphQLSchema, _ plan: ExecutionPlan) -> ResolvedValue {
        func typeNode(_ name: String?) -> ResolvedValue {
            guard let name else { return .null }
            return Self.typeNode(.named(name), plan)
        }
        switch name {
        case .description: return .value(schema.description.map(GraphQLValue.string) ?? .null)
        case .types: return .list(schema.typeNames.map { Self.typeNode(.named($0), plan) })
        case .queryType: return typeNode(schema.queryType)
        case .mutationType: return typeNode(schema.mutationType)
        case .subscriptionType: return typeNode(schema.subscriptionType)
        case .directives: return .list(schema.directives.map { .source(DirectiveIntrospectionNode($0)) })
        default: return .null
        }
    }

    private static func typeField(
        _ name: FieldID, _ node: TypeIntrospectionNode, _ arguments: GraphQLObject, _ info: ResolveInfo
    ) -> ResolvedValue {
        let plan = info.context.plan
        switch node.reference {
        case .named: break
        case .list(let inner), .nonNull(let inner):
            switch name {
            case .kind: return .value(.string(node.reference.isNonNull ? "NON_NULL" : "LIST"))
            case .ofType: return typeNode(inner, plan)
            default: return .null
            }
        }
        guard let entry = node.entry else { return .null }
        let kind = entry.type.kind
        let hasFields = kind == .object || kind == .interface
        switch name {
        case .kind: return .value(.string(kind.rawValue))
        case .name: return .value(.string(entry.name))
        case .description: return .value(entry.type.description.map(GraphQLValue.string) ?? .null)
        case .specifiedByURL: return .value(entry.type.specifiedByURL.map(GraphQLValue.string) ?? .null)
        case .fields:
            guard hasFields else { return .null }
            let includeDeprecated = includeDeprecated(arguments)
            return .list(entry.type.fields.filter { includeDeprecated || $0.deprecationReason == nil }
                .map { .source(FieldIntrospectionNode($0)) })
        case .interfaces:
            guard hasFields else { return .null }
            return .list(entry.type.interfaces.map { typeNode(.named($0), plan) })
        case .possibleTypes:
            guard kind.isAbstract else { return .null }
            return .list(info.context.schema.possibleTypes(of: entry.name).map { typeNode(.named($0), plan) })
        case .enumValues:
            guard kind == .enum else { return .null }
            let includeDeprecated = includeDeprecated(arguments)
            return .list(entry.type.enumValues.filter { includeDeprecated || $0.deprecationReason == nil }
                .map { .source(EnumValueIntrospectionNode($0)) })
        case .inputFields:
            guard kind == .inputObject else { return .null }
            return inputValueNodes(entry.type.inputFields, arguments)
        case .isOneOf:
            guard kind == .inputObject else { return .null }
            return .value(.bool(entry.type.isOneOf))
        default: return .null
        }
    }
}
