// Spec §5.1.1 "Executable Definitions": for each definition in the document,
// the definition must be an OperationDefinition or a FragmentDefinition.

/// Reports type system definitions and extensions in an executable document.
struct ExecutableDefinitionsRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: DocumentNode) -> VisitAction {
        for definition in node.definitions where !definition.isExecutable {
            let name = Self.name(of: definition).map { "\"\($0)\"" } ?? "schema"
            context.report("The \(name) definition is not executable.", at: [definition.loc])
        }
        return .skipChildren
    }

    /// The definition's name; `nil` for schema definitions and extensions.
    static func name(of definition: DefinitionNode) -> String? {
        switch definition {
        case .operation(let node): node.name?.value ?? ""
        case .fragment(let node): node.name.value
        case .schema, .schemaExtension: nil
        case .scalarType(let node): node.name.value
        case .objectType(let node): node.name.value
        case .interfaceType(let node): node.name.value
        case .unionType(let node): node.name.value
        case .enumType(let node): node.name.value
        case .inputObjectType(let node): node.name.value
        case .directive(let node): node.name.value
        case .scalarTypeExtension(let node): node.name.value
        case .objectTypeExtension(let node): node.name.value
        case .interfaceTypeExtension(let node): node.name.value
        case .unionTypeExtension(let node): node.name.value
        case .enumTypeExtension(let node): node.name.value
        case .inputObjectTypeExtension(let node): node.name.value
        }
    }
}
