// Spec §5.7.1 "Directives Are Defined" and §5.7.2 "Directives Are In Valid Locations":
// GraphQL servers define what directives they support and where they support them; for
// each usage of a directive, the directive must be available on that server and used in a
// location it declares.

/// Reports unknown directives and directives applied where their definition does not allow.
struct KnownDirectivesRule: ASTVisitor {
    let context: ValidationContext
    private var locationsByName: [String: [String]] = [:]
    /// The location of each node on the path that can carry directives.
    private var owners: [DirectiveLocation] = []
    private var inInputObjectDefinition = false

    init(context: ValidationContext) {
        self.context = context
        for directive in context.schema.directives {
            locationsByName[directive.name] = directive.locations.map(\.rawValue)
        }
        for case .directive(let definition) in context.document.definitions {
            locationsByName[definition.name.value] = definition.locations.map(\.value)
        }
    }

    mutating func enter(_ node: DirectiveNode) -> VisitAction {
        let name = node.name.value
        guard let locations = locationsByName[name] else {
            context.report("Unknown directive \"@\(name)\".", at: [node.loc])
            return .continue
        }
        if let candidate = owners.last, !locations.contains(candidate.rawValue) {
            context.report("Directive \"@\(name)\" may not be used on \(candidate.rawValue).", at: [node.loc])
        }
        return .continue
    }

    private mutating func push(_ location: DirectiveLocation) -> VisitAction {
        owners.append(location)
        return .continue
    }

    private mutating func pop() { owners.removeLast() }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        switch node.operation {
        case .query: push(.query)
        case .mutation: push(.mutation)
        case .subscription: push(.subscription)
        }
    }
    mutating func leave(_ node: OperationDefinitionNode) { pop() }
    mutating func enter(_ node: FieldNode) -> VisitAction { push(.field) }
    mutating func leave(_ node: FieldNode) { pop() }
    mutating func enter(_ node: FragmentSpreadNode) -> VisitAction { push(.fragmentSpread) }
    mutating func leave(_ node: FragmentSpreadNode) { pop() }
    mutating func enter(_ node: InlineFragmentNode) -> VisitAction { push(.inlineFragment) }
    mutating func leave(_ node: InlineFragmentNode) { pop() }
    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction { push(.fragmentDefinition) }
    mutating func leave(_ node: FragmentDefinitionNode) { pop() }
    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction { push(.variableDefinition) }
    mutating func leave(_ node: VariableDefinitionNode) { pop() }
    mutating func enter(_ node: SchemaDefinitionNode) -> VisitAction { push(.schema) }
    mutating func leave(_ node: SchemaDefinitionNode) { pop() }
    mutating func enter(_ node: SchemaExtensionNode) -> VisitAction { push(.schema) }
    mutating func leave(_ node: SchemaExtensionNode) { pop() }
    mutating func enter(_ node: ScalarTypeDefinitionNode) -> VisitAction { push(.scalar) }
    mutating func leave(_ node: ScalarTypeDefinitionNode) { pop() }
    mutating func enter(_ node: ScalarTypeExtensionNode) -> VisitAction { push(.scalar) }
    mutating func leave(_ node: ScalarTypeExtensionNode) { pop() }
    mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction { push(.object) }
    mutating func leave(_ node: ObjectTypeDefinitionNode) { pop() }
    mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction { push(.object) }
    mutating func leave(_ node: ObjectTypeExtensionNode) { pop() }
    mutating func enter(_ node: FieldDefinitionNode) -> VisitAction { push(.fieldDefinition) }
    mutating func leave(_ node: FieldDefinitionNode) { pop() }
    mutating func enter(_ node: InterfaceTypeDefinitionNode) -> VisitAction { push(.interface) }
    mutating func leave(_ node: InterfaceTypeDefinitionNode) { pop() }
    mutating func enter(_ node: InterfaceTypeExtensionNode) -> VisitAction { push(.interface) }
    mutating func leave(_ node: InterfaceTypeExtensionNode) { pop() }
    mutating func enter(_ node: UnionTypeDefinitionNode) -> VisitAction { push(.union) }
    mutating func leave(_ node: UnionTypeDefinitionNode) { pop() }
    mutating func enter(_ node: UnionTypeExtensionNode) -> VisitAction { push(.union) }
    mutating func leave(_ node: UnionTypeExtensionNode) { pop() }
    mutating func enter(_ node: EnumTypeDefinitionNode) -> VisitAction { push(.enum) }
    mutating func leave(_ node: EnumTypeDefinitionNode) { pop() }
    mutating func enter(_ node: EnumTypeExtensionNode) -> VisitAction { push(.enum) }
    mutating func leave(_ node: EnumTypeExtensionNode) { pop() }
    mutating func enter(_ node: EnumValueDefinitionNode) -> VisitAction { push(.enumValue) }
    mutating func leave(_ node: EnumValueDefinitionNode) { pop() }
    mutating func enter(_ node: InputObjectTypeExtensionNode) -> VisitAction { push(.inputObject) }
    mutating func leave(_ node: InputObjectTypeExtensionNode) { pop() }

    mutating func enter(_ node: InputObjectTypeDefinitionNode) -> VisitAction {
        inInputObjectDefinition = true
        return push(.inputObject)
    }

    mutating func leave(_ node: InputObjectTypeDefinitionNode) {
        inInputObjectDefinition = false
        pop()
    }

    /// Like graphql-js, only fields of an input object *definition* count as input fields.
    mutating func enter(_ node: InputValueDefinitionNode) -> VisitAction {
        push(inInputObjectDefinition && owners.last == .inputObject ? .inputFieldDefinition : .argumentDefinition)
    }

    mutating func leave(_ node: InputValueDefinitionNode) { pop() }
}
