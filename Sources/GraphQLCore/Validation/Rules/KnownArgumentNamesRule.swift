// Spec §5.4.1 "Argument Names": every argument provided to a field or directive must be
// defined in the set of possible arguments of that field or directive.

/// Reports arguments the field or directive does not define, suggesting similar names.
struct KnownArgumentNamesRule: ASTVisitor {
    let context: ValidationContext
    private var directiveArguments: [String: [String]] = [:]

    init(context: ValidationContext) {
        self.context = context
        for directive in context.schema.directives {
            directiveArguments[directive.name] = directive.arguments.map(\.name)
        }
        for case .directive(let definition) in context.document.definitions {
            directiveArguments[definition.name.value] = definition.arguments.map(\.name.value)
        }
    }

    /// Directive arguments are checked here; the walk does not descend into them.
    mutating func enter(_ node: DirectiveNode) -> VisitAction {
        let name = node.name.value
        guard let known = directiveArguments[name] else { return .skipChildren }
        for argument in node.arguments where !known.contains(argument.name.value) {
            let argumentName = argument.name.value
            context.report(
                "Unknown argument \"\(argumentName)\" on directive \"@\(name)\"."
                    + didYouMean(suggestionList(argumentName, options: known)), at: [argument.loc])
        }
        return .skipChildren
    }

    mutating func enter(_ node: ArgumentNode) -> VisitAction {
        let typeInfo = context.typeInfo
        guard typeInfo.argument == nil, let fieldDef = typeInfo.fieldDef, let parentType = typeInfo.parentType else {
            return .continue
        }
        let name = node.name.value
        context.report(
            "Unknown argument \"\(name)\" on field \"\(parentType.name).\(fieldDef.name)\"."
                + didYouMean(suggestionList(name, options: fieldDef.arguments.map(\.name))), at: [node.loc])
        return .continue
    }
}
