// Spec §5.4.2.1 "Required Arguments": arguments can be required. An argument is required if
// the argument type is non-null and does not have a default value.

/// Reports required field and directive arguments that are missing.
struct ProvidedRequiredArgumentsRule: ASTVisitor {
    let context: ValidationContext
    /// For each directive, its required arguments and their printed types, in definition order.
    private var requiredDirectiveArguments: [String: [(name: String, type: String)]] = [:]

    init(context: ValidationContext) {
        self.context = context
        for directive in context.schema.directives {
            requiredDirectiveArguments[directive.name] = directive.arguments
                .filter { $0.type.isNonNull && $0.defaultValueNode == nil }
                .map { ($0.name, $0.type.description) }
        }
        for case .directive(let definition) in context.document.definitions {
            requiredDirectiveArguments[definition.name.value] = definition.arguments
                .filter { if case .nonNull = $0.type { $0.defaultValue == nil } else { false } }
                .map { ($0.name.value, print($0.type)) }
        }
    }

    mutating func leave(_ node: FieldNode) {
        guard let fieldDef = context.typeInfo.fieldDef else { return }
        let provided = Set(node.arguments.map(\.name.value))
        for argument in fieldDef.arguments
        where !provided.contains(argument.name) && argument.type.isNonNull && argument.defaultValueNode == nil {
            context.report(
                "Field \"\(fieldDef.name)\" argument \"\(argument.name)\" of type \"\(argument.type)\""
                    + " is required, but it was not provided.", at: [node.loc])
        }
    }

    mutating func leave(_ node: DirectiveNode) {
        let name = node.name.value
        guard let required = requiredDirectiveArguments[name] else { return }
        let provided = Set(node.arguments.map(\.name.value))
        for argument in required where !provided.contains(argument.name) {
            context.report(
                "Directive \"@\(name)\" argument \"\(argument.name)\" of type \"\(argument.type)\""
                    + " is required, but it was not provided.", at: [node.loc])
        }
    }
}
