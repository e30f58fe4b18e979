// Spec §5.4.2 "Argument Uniqueness": fields and directives treat arguments as a mapping of
// argument name to value. More than one argument with the same name in an argument set is
// ambiguous and invalid.

/// Reports each argument name given more than once to a field or directive.
struct UniqueArgumentNamesRule: ASTVisitor {
    let context: ValidationContext

    private func check(_ arguments: [ArgumentNode]) -> VisitAction {
        var order: [String] = []
        var groups: [String: [Location]] = [:]
        for argument in arguments {
            let name = argument.name
            if groups[name.value] == nil { order.append(name.value) }
            groups[name.value, default: []].append(name.loc)
        }
        for name in order {
            guard let locations = groups[name], locations.count > 1 else { continue }
            context.report("There can be only one argument named \"\(name)\".", at: locations)
        }
        return .continue
    }

    mutating func enter(_ node: FieldNode) -> VisitAction { check(node.arguments) }
    mutating func enter(_ node: DirectiveNode) -> VisitAction { check(node.arguments) }
}
