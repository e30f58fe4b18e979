/// Walks `document` depth-first in source order, calling `visitor`'s hooks.
///
/// Children are visited in the order graphql-js visits them (e.g. a field's arguments,
/// then its directives, then its selection set). Descriptions and names are not visited
/// as nodes of their own.
public func visit<V: ASTVisitor>(_ document: DocumentNode, with visitor: inout V) {
    var walker = ASTWalker(visitor: visitor)
    walker.walk(document)
    visitor = walker.visitor
}

/// Walks a single value literal, calling `visitor`'s hooks.
public func visit<V: ASTVisitor>(_ value: ValueNode, with visitor: inout V) {
    var walker = ASTWalker(visitor: visitor)
    walker.walk(value)
    visitor = walker.visitor
}

/// The depth-first walk behind `visit(_:with:)`: one `walk` per node kind, each calling
/// `enter`, walking the children, then calling `leave`.
struct ASTWalker<Visitor: ASTVisitor> {
    var visitor: Visitor
    private(set) var stopped = false

    init(visitor: Visitor) {
        self.visitor = visitor
    }

    /// Interprets an `enter` result: whether to walk the children (and then leave).
    mutating func descends(_ action: VisitAction) -> Bool {
        switch action {
        case .continue: return true
        case .skipChildren: return false
        case .stop:
            stopped = true
            return false
        }
    }

    mutating func walk(_ node: DocumentNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        for definition in node.definitions { walk(definition) }
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ definition: DefinitionNode) {
        switch definition {
        case .operation(let node): walk(node)
        case .fragment(let node): walk(node)
        case .schema(let node): walk(node)
        case .scalarType(let node): walk(node)
        case .objectType(let node): walk(node)
        case .interfaceType(let node): walk(node)
        case .unionType(let node): walk(node)
        case .enumType(let node): walk(node)
        case .inputObjectType(let node): walk(node)
        case .directive(let node): walk(node)
        case .schemaExtension(let node): walk(node)
        case .scalarTypeExtension(let node): walk(node)
        case .objectTypeExtension(let node): walk(node)
        case .interfaceTypeExtension(let node): walk(node)
        case .unionTypeExtension(let node): walk(node)
        case .enumTypeExtension(let node): walk(node)
        case .inputObjectTypeExtension(let node): walk(node)
        }
    }

    // MARK: - Executable definitions

    mutating func walk(_ node: OperationDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        for variable in node.variableDefinitions { walk(variable) }
        walk(node.directives)
        walk(node.selectionSet)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: VariableDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.type)
        if let defaultValue = node.defaultValue { walk(defaultValue) }
        walk(node.directives)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: SelectionSetNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        for selection in node.selections {
            switch selection {
            case .field(let field): walk(field)
            case .fragmentSpread(let spread): walk(spread)
            case .inlineFragment(let fragment): walk(fragment)
            }
        }
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: FieldNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.arguments)
        walk(node.directives)
        if let selectionSet = node.selectionSet { walk(selectionSet) }
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ arguments: [ArgumentNode]) {
        for node in arguments {
            guard !stopped, descends(visitor.enter(node)) else { continue }
            walk(node.value)
            if !stopped { visitor.leave(node) }
        }
    }

    mutating func walk(_ node: FragmentSpreadNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: InlineFragmentNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        if let typeCondition = node.typeCondition { walk(typeCondition) }
        walk(node.directives)
        walk(node.selectionSet)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: FragmentDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.typeCondition)
        walk(node.directives)
        walk(node.selectionSet)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ directives: [DirectiveNode]) {
        for node in directives {
            guard !stopped, descends(visitor.enter(node)) else { continue }
            walk(node.arguments)
            if !stopped { visitor.leave(node) }
        }
    }

    // MARK: - Values and types

    mutating func walk(_ value: ValueNode) {
        guard !stopped, descends(visitor.enter(value)) else { return }
        switch value {
        case .list(let list):
            for item in list.values { walk(item) }
        case .object(let object):
            for field in object.fields {
                guard !stopped, descends(visitor.enter(field)) else { continue }
                walk(field.value)
                if !stopped { visitor.leave(field) }
            }
        case .variable, .int, .float, .string, .boolean, .null, .enumValue:
            break
        }
        if !stopped { visitor.leave(value) }
    }

    mutating func walk(_ type: TypeNode) {
        guard !stopped, descends(visitor.enter(type)) else { return }
        switch type {
        case .named(let named): walk(named)
        case .list(let list): walk(list.type)
        case .nonNull(let nonNull): walk(nonNull.type)
        }
        if !stopped { visitor.leave(type) }
    }

    mutating func walk(_ node: NamedTypeNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ types: [NamedTypeNode]) {
        for type in types { walk(type) }
    }
}
