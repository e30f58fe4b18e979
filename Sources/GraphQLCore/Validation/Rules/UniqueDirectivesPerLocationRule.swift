// Spec §5.7.3 "Directives Are Unique Per Location": directives are used to describe some
// metadata or behavioral change on the definition they apply to. When more than one
// directive of the same name is used, the expected metadata or behavior becomes ambiguous,
// therefore only one of each non-repeatable directive is allowed per location.

/// Reports a non-repeatable directive applied twice to the same node (or type, across extensions).
struct UniqueDirectivesPerLocationRule: ASTVisitor {
    let context: ValidationContext
    private var isUnique: [String: Bool] = [:]
    private var schemaDirectives: [String: Location] = [:]
    private var typeDirectives: [String: [String: Location]] = [:]

    init(context: ValidationContext) {
        self.context = context
        for directive in context.schema.directives { isUnique[directive.name] = !directive.isRepeatable }
        for case .directive(let definition) in context.document.definitions {
            isUnique[definition.name.value] = !definition.repeatable
        }
    }

    private func check(_ directives: [DirectiveNode], seen: inout [String: Location]) {
        for directive in directives where isUnique[directive.name.value] == true {
            let name = directive.name.value
            if let first = seen[name] {
                context.report(
                    "The directive \"@\(name)\" can only be used once at this location.", at: [first, directive.loc])
            } else {
                seen[name] = directive.loc
            }
        }
    }

    private func check(_ directives: [DirectiveNode]) -> VisitAction {
        var seen: [String: Location] = [:]
        check(directives, seen: &seen)
        return .continue
    }

    private mutating func checkType(_ name: NameNode, _ directives: [DirectiveNode]) -> VisitAction {
        var seen = typeDirectives[name.value] ?? [:]
        check(directives, seen: &seen)
        typeDirectives[name.value] = seen
        return .continue
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: FieldNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: FragmentSpreadNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: InlineFragmentNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: FieldDefinitionNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: InputValueDefinitionNode) -> VisitAction { check(node.directives) }
    mutating func enter(_ node: EnumValueDefinitionNode) -> VisitAction { check(node.directives) }

    mutating func enter(_ node: SchemaDefinitionNode) -> VisitAction {
        check(node.directives, seen: &schemaDirectives)
        return .continue
    }

    mutating func enter(_ node: SchemaExtensionNode) -> VisitAction {
        check(node.directives, seen: &schemaDirectives)
        return .continue
    }

    mutating func enter(_ node: ScalarTypeDefinitionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: InterfaceTypeDefinitionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: UnionTypeDefinitionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: EnumTypeDefinitionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: InputObjectTypeDefinitionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: ScalarTypeExtensionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: InterfaceTypeExtensionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: UnionTypeExtensionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: EnumTypeExtensionNode) -> VisitAction { checkType(node.name, node.directives) }
    mutating func enter(_ node: InputObjectTypeExtensionNode) -> VisitAction { checkType(node.name, node.directives) }
}
