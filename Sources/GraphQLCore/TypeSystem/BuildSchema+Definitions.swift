// Turning SDL definition nodes (and their extensions) into named types.

/// One type definition or extension, reduced to the parts every kind shares.
struct TypeDefinitionParts {
    var kind: GraphQLTypeKind
    var name: String
    var description: String?
    var directives: [DirectiveNode] = []
    var fields: [FieldDefinitionNode] = []
    var interfaces: [NamedTypeNode] = []
    var unionMembers: [NamedTypeNode] = []
    var enumValues: [EnumValueDefinitionNode] = []
    var inputFields: [InputValueDefinitionNode] = []
    var loc: Location
    /// Where the extensions merged into this definition are.
    var extraLocations: [Location] = []

    /// The parts of a type definition, or `nil` for other definitions.
    init?(definition: DefinitionNode) {
        switch definition {
        case .scalarType(let node):
            self.init(kind: .scalar, name: node.name.value, loc: node.loc)
            description = node.description?.value
            directives = node.directives
        case .objectType(let node):
            self.init(kind: .object, name: node.name.value, loc: node.loc)
            description = node.description?.value
            (directives, fields, interfaces) = (node.directives, node.fields, node.interfaces)
        case .interfaceType(let node):
            self.init(kind: .interface, name: node.name.value, loc: node.loc)
            description = node.description?.value
            (directives, fields, interfaces) = (node.directives, node.fields, node.interfaces)
        case .unionType(let node):
            self.init(kind: .union, name: node.name.value, loc: node.loc)
            description = node.description?.value
            (directives, unionMembers) = (node.directives, node.types)
        case .enumType(let node):
            self.init(kind: .enum, name: node.name.value, loc: node.loc)
            description = node.description?.value
            (directives, enumValues) = (node.directives, node.values)
        case .inputObjectType(let node):
            self.init(kind: .inputObject, name: node.name.value, loc: node.loc)
            description = node.description?.value
            (directives, inputFields) = (node.directives, node.fields)
        default:
            return nil
        }
    }

    /// The parts of a type extension, or `nil` for other definitions.
    init?(extension definition: DefinitionNode) {
        switch definition {
        case .scalarTypeExtension(let node):
            self.init(kind: .scalar, name: node.name.value, loc: node.loc)
            directives = node.directives
        case .objectTypeExtension(let node):
            self.init(kind: .object, name: node.name.value, loc: node.loc)
            (directives, fields, interfaces) = (node.directives, node.fields, node.interfaces)
        case .interfaceTypeExtension(let node):
            self.init(kind: .interface, name: node.name.value, loc: node.loc)
            (directives, fields, interfaces) = (node.directives, node.fields, node.interfaces)
        case .unionTypeExtension(let node):
            self.init(kind: .union, name: node.name.value, loc: node.loc)
            (directives, unionMembers) = (node.directives, node.types)
        case .enumTypeExtension(let node):
            self.init(kind: .enum, name: node.name.value, loc: node.loc)
            (directives, enumValues) = (node.directives, node.values)
        case .inputObjectTypeExtension(let node):
            self.init(kind: .inputObject, name: node.name.value, loc: node.loc)
            (directives, inputFields) = (node.directives, node.fields)
        default:
            return nil
        }
    }

    private init(kind: GraphQLTypeKind, name: String, loc: Location) {
        self.kind = kind
        self.name = name
        self.loc = loc
    }

    /// Appends an extension's members after the definition's, as graphql-js `extendSchema` does.
    mutating func merge(_ other: TypeDefinitionParts) {
        directives += other.directives
        fields += other.fields
        interfaces += other.interfaces
        unionMembers += other.unionMembers
        enumValues += other.enumValues
        inputFields += other.inputFields
    }

    /// The named type these parts describe (default values are coerced later, once all types exist).
    func makeType() -> GraphQLNamedType {
        var type = GraphQLNamedType(kind: kind, name: name, description: description)
        type.appliedDirectives = directives
        type.definitionLocations = [loc] + extraLocations
        type.fields = fields.map(Self.makeField)
        type.interfaces = interfaces.map(\.name.value)
        type.unionMembers = unionMembers.map(\.name.value)
        type.enumValues = enumValues.map { node in
            var value = GraphQLEnumValue(
                name: node.name.value, description: node.description?.value,
                deprecationReason: deprecationReason(node.directives))
            value.appliedDirectives = node.directives
            return value
        }
        type.inputFields = inputFields.map(Self.makeInputValue)
        type.isOneOf = directives.contains { $0.name.value == "oneOf" }
        if let specifiedBy = directives.first(where: { $0.name.value == "specifiedBy" }),
            let url = specifiedBy.arguments.first(where: { $0.name.value == "url" }),
            case .string(let string) = url.value
        {
            type.specifiedByURL = string.value
        }
        return type
    }

    static func makeField(_ node: FieldDefinitionNode) -> GraphQLField {
        var field = GraphQLField(
            name: node.name.value, description: node.description?.value, type: GraphQLTypeReference(node.type),
            arguments: node.arguments.map(makeInputValue), deprecationReason: deprecationReason(node.directives))
        field.appliedDirectives = node.directives
        field.loc = node.loc
        return field
    }

    static func makeInputValue(_ node: InputValueDefinitionNode) -> GraphQLInputValue {
        var value = GraphQLInputValue(
            name: node.name.value, description: node.description?.value, type: GraphQLTypeReference(node.type),
            defaultValueNode: node.defaultValue, deprecationReason: deprecationReason(node.directives))
        value.appliedDirectives = node.directives
        value.loc = node.loc
        return value
    }
}

/// The reason of a `@deprecated` among `directives`: its `reason`, or the default one.
func deprecationReason(_ directives: [DirectiveNode]) -> String? {
    guard let deprecated = directives.first(where: { $0.name.value == "deprecated" }) else { return nil }
    guard let reason = deprecated.arguments.first(where: { $0.name.value == "reason" }) else {
        return GraphQLDirective.defaultDeprecationReason
    }
    if case .string(let string) = reason.value { return string.value }
    return nil
}

/// A directive definition node as a directive.
func makeDirective(_ node: DirectiveDefinitionNode) -> GraphQLDirective {
    var directive = GraphQLDirective(
        name: node.name.value, description: node.description?.value,
        locations: node.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
        arguments: node.arguments.map(TypeDefinitionParts.makeInputValue), isRepeatable: node.repeatable)
    directive.loc = node.loc
    return directive
}
