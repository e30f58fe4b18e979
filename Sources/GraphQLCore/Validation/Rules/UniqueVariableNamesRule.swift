// Spec §5.8.1 "Variable Uniqueness": if any operation defines more than one variable with
// the same name, it is ambiguous and invalid.

/// Reports each variable name defined more than once by an operation.
struct UniqueVariableNamesRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        var order: [String] = []
        var groups: [String: [Location]] = [:]
        for definition in node.variableDefinitions {
            let name = definition.variable.name
            if groups[name.value] == nil { order.append(name.value) }
            groups[name.value, default: []].append(name.loc)
        }
        for name in order {
            guard let locations = groups[name], locations.count > 1 else { continue }
            context.report("There can be only one variable named \"$\(name)\".", at: locations)
        }
        return .continue
    }
}
