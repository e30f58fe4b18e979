// Spec §5.2.3.1 "Single root field": subscription operations must have exactly one root
// field, and that field must not be an introspection field.

/// Reports subscriptions selecting several root fields or an introspection root field.
struct SingleFieldSubscriptionsRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        guard node.operation == .subscription, let rootName = context.schema.subscriptionType else { return .continue }
        let subject = node.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        var collector = RootFieldCollector(context: context, rootType: rootName)
        collector.collect(node.selectionSet)
        if collector.fields.count > 1 {
            let extra = collector.fields.dropFirst().flatMap { $0.nodes.map(\.loc) }
            context.report("\(subject) must select only one top level field.", at: extra)
        }
        for entry in collector.fields where entry.nodes.first?.name.value.hasPrefix("__") == true {
            context.report(
                "\(subject) must not select an introspection top level field.", at: entry.nodes.map(\.loc))
        }
        return .continue
    }
}

/// graphql-js `collectFields` with no variables: the root fields by response name, in order.
private struct RootFieldCollector {
    let context: ValidationContext
    let rootType: String
    var fields: [(key: String, nodes: [FieldNode])] = []
    private var visitedFragments: Set<String> = []

    init(context: ValidationContext, rootType: String) {
        self.context = context
        self.rootType = rootType
    }

    mutating func collect(_ selectionSet: SelectionSetNode) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard Self.shouldInclude(field.directives) else { continue }
                let key = field.alias?.value ?? field.name.value
                if let index = fields.firstIndex(where: { $0.key == key }) {
                    fields[index].nodes.append(field)
                } else {
                    fields.append((key, [field]))
                }
            case .inlineFragment(let inline):
                guard Self.shouldInclude(inline.directives), conditionMatches(inline.typeCondition) else { continue }
                collect(inline.selectionSet)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visitedFragments.contains(name), Self.shouldInclude(spread.directives) else { continue }
                visitedFragments.insert(name)
                guard let fragment = context.fragment(named: name), conditionMatches(fragment.typeCondition) else {
                    continue
                }
                collect(fragment.selectionSet)
            }
        }
    }

    private func conditionMatches(_ condition: NamedTypeNode?) -> Bool {
        guard let condition else { return true }
        let name = condition.name.value
        guard let conditional = context.schema.type(named: name) else { return false }
        if name == rootType { return true }
        return conditional.kind.isAbstract && context.schema.isSubType(rootType, of: name)
    }

    /// `@skip(if: true)` and `@include(if: false)` written as literals exclude a selection.
    private static func shouldInclude(_ directives: [DirectiveNode]) -> Bool {
        for directive in directives {
            guard let argument = directive.arguments.first(where: { $0.name.value == "if" }),
                case .boolean(let value) = argument.value
            else { continue }
            if directive.name.value == "skip" && value.value { return false }
            if directive.name.value == "include" && !value.value { return false }
        }
        return true
    }
}
