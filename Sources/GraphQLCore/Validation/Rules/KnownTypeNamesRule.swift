// Spec §5.5.1.2 "Fragment Spread Type Existence" and §5.8.2 "Variables Are Input Types":
// a GraphQL document is only valid if referenced types (in variable definitions and
// fragment conditions) are defined by the type schema.

/// Reports references to types that neither the schema nor the document defines.
struct KnownTypeNamesRule: ASTVisitor {
    let context: ValidationContext
    private var definedTypes: Set<String> = []
    private var typeNames: [String]
    private var inSDL = false

    static let standardTypeNames = [
        "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive", "__DirectiveLocation", "__Type",
        "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ]

    init(context: ValidationContext) {
        self.context = context
        var defined: [String] = []
        for definition in context.document.definitions {
            switch definition {
            case .scalarType(let node): defined.append(node.name.value)
            case .objectType(let node): defined.append(node.name.value)
            case .interfaceType(let node): defined.append(node.name.value)
            case .unionType(let node): defined.append(node.name.value)
            case .enumType(let node): defined.append(node.name.value)
            case .inputObjectType(let node): defined.append(node.name.value)
            default: break
            }
        }
        var unique: [String] = []
        for name in defined where !unique.contains(name) { unique.append(name) }
        definedTypes = Set(unique)
        typeNames = context.schema.typeNames + unique
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { inSDL = false; return .continue }
    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction { inSDL = false; return .continue }
    mutating func enter(_ node: SchemaDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: SchemaExtensionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: ScalarTypeDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: InterfaceTypeDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: UnionTypeDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: EnumTypeDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: InputObjectTypeDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: DirectiveDefinitionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: ScalarTypeExtensionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: InterfaceTypeExtensionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: UnionTypeExtensionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: EnumTypeExtensionNode) -> VisitAction { inSDL = true; return .continue }
    mutating func enter(_ node: InputObjectTypeExtensionNode) -> VisitAction { inSDL = true; return .continue }

    mutating func enter(_ node: NamedTypeNode) -> VisitAction {
        let name = node.name.value
        guard context.schema.type(named: name) == nil, !definedTypes.contains(name) else { return .continue }
        if inSDL && Self.standardTypeNames.contains(name) { return .continue }
        let options = inSDL ? Self.standardTypeNames + typeNames : typeNames
        context.report(
            "Unknown type \"\(name)\"." + didYouMean(suggestionList(name, options: options)), at: [node.loc])
        return .continue
    }
}
