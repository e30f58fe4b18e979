// The walk over type system definitions and extensions.
extension ASTWalker {
    mutating func walk(_ node: SchemaDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.operationTypes)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ operationTypes: [OperationTypeDefinitionNode]) {
        for node in operationTypes {
            guard !stopped, descends(visitor.enter(node)) else { continue }
            walk(node.type)
            if !stopped { visitor.leave(node) }
        }
    }

    mutating func walk(_ node: ScalarTypeDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: ObjectTypeDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.interfaces)
        walk(node.directives)
        walk(node.fields)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ fields: [FieldDefinitionNode]) {
        for node in fields {
            guard !stopped, descends(visitor.enter(node)) else { continue }
            walk(node.arguments)
            walk(node.type)
            walk(node.directives)
            if !stopped { visitor.leave(node) }
        }
    }

    mutating func walk(_ inputValues: [InputValueDefinitionNode]) {
        for node in inputValues {
            guard !stopped, descends(visitor.enter(node)) else { continue }
            walk(node.type)
            if let defaultValue = node.defaultValue { walk(defaultValue) }
            walk(node.directives)
            if !stopped { visitor.leave(node) }
        }
    }

    mutating func walk(_ node: InterfaceTypeDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.interfaces)
        walk(node.directives)
        walk(node.fields)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: UnionTypeDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.types)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: EnumTypeDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.values)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ values: [EnumValueDefinitionNode]) {
        for node in values {
            guard !stopped, descends(visitor.enter(node)) else { continue }
            walk(node.directives)
            if !stopped { visitor.leave(node) }
        }
    }

    mutating func walk(_ node: InputObjectTypeDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.fields)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: DirectiveDefinitionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.arguments)
        if !stopped { visitor.leave(node) }
    }

    // MARK: - Extensions

    mutating func walk(_ node: SchemaExtensionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.operationTypes)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: ScalarTypeExtensionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: ObjectTypeExtensionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.interfaces)
        walk(node.directives)
        walk(node.fields)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: InterfaceTypeExtensionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.interfaces)
        walk(node.directives)
        walk(node.fields)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: UnionTypeExtensionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.types)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: EnumTypeExtensionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.values)
        if !stopped { visitor.leave(node) }
    }

    mutating func walk(_ node: InputObjectTypeExtensionNode) {
        guard !stopped, descends(visitor.enter(node)) else { return }
        walk(node.directives)
        walk(node.fields)
        if !stopped { visitor.leave(node) }
    }
}
