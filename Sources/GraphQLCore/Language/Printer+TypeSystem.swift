// Printing rules for type system definitions and extensions.
extension Printer {
    static func description(_ node: StringValueNode?) -> String {
        wrap("", node.map(print), "\n")
    }

    static func print(_ node: SchemaDefinitionNode) -> String {
        description(node.description)
            + join(["schema", directives(node.directives), block(node.operationTypes.map(print))], " ")
    }

    static func print(_ node: OperationTypeDefinitionNode) -> String {
        node.operation.rawValue + ": " + node.type.name.value
    }

    static func print(_ node: ScalarTypeDefinitionNode) -> String {
        description(node.description) + join(["scalar", node.name.value, directives(node.directives)], " ")
    }

    static func print(_ node: ObjectTypeDefinitionNode) -> String {
        description(node.description)
            + join(
                [
                    "type", node.name.value, implements(node.interfaces), directives(node.directives),
                    block(node.fields.map(print)),
                ], " ")
    }

    static func print(_ node: FieldDefinitionNode) -> String {
        description(node.description) + node.name.value + argumentDefinitions(node.arguments) + ": "
            + print(node.type) + wrap(" ", directives(node.directives))
    }

    static func print(_ node: InputValueDefinitionNode) -> String {
        description(node.description)
            + join(
                [
                    node.name.value + ": " + print(node.type), wrap("= ", node.defaultValue.map(print)),
                    directives(node.directives),
                ], " ")
    }

    static func print(_ node: InterfaceTypeDefinitionNode) -> String {
        description(node.description)
            + join(
                [
                    "interface", node.name.value, implements(node.interfaces), directives(node.directives),
                    block(node.fields.map(print)),
                ], " ")
    }

    static func print(_ node: UnionTypeDefinitionNode) -> String {
        description(node.description)
            + join(["union", node.name.value, directives(node.directives), unionMembers(node.types)], " ")
    }

    static func print(_ node: EnumTypeDefinitionNode) -> String {
        description(node.description)
            + join(["enum", node.name.value, directives(node.directives), block(node.values.map(print))], " ")
    }

    static func print(_ node: EnumValueDefinitionNode) -> String {
        description(node.description) + join([node.name.value, directives(node.directives)], " ")
    }

    static func print(_ node: InputObjectTypeDefinitionNode) -> String {
        description(node.description)
            + join(["input", node.name.value, directives(node.directives), block(node.fields.map(print))], " ")
    }

    static func print(_ node: DirectiveDefinitionNode) -> String {
        description(node.description) + "directive @" + node.name.value + argumentDefinitions(node.arguments)
            + (node.repeatable ? " repeatable" : "") + " on " + join(node.locations.map(\.value), " | ")
    }

    // MARK: - Extensions

    static func print(_ node: SchemaExtensionNode) -> String {
        join(["extend schema", directives(node.directives), block(node.operationTypes.map(print))], " ")
    }

    static func print(_ node: ScalarTypeExtensionNode) -> String {
        join(["extend scalar", node.name.value, directives(node.directives)], " ")
    }

    static func print(_ node: ObjectTypeExtensionNode) -> String {
        join(
            [
                "extend type", node.name.value, implements(node.interfaces), directives(node.directives),
                block(node.fields.map(print)),
            ], " ")
    }

    static func print(_ node: InterfaceTypeExtensionNode) -> String {
        join(
            [
                "extend interface", node.name.value, implements(node.interfaces), directives(node.directives),
                block(node.fields.map(print)),
            ], " ")
    }

    static func print(_ node: UnionTypeExtensionNode) -> String {
        join(["extend union", node.name.value, directives(node.directives), unionMembers(node.types)], " ")
    }

    static func print(_ node: EnumTypeExtensionNode) -> String {
        join(["extend enum", node.name.value, directives(node.directives), block(node.values.map(print))], " ")
    }

    static func print(_ node: InputObjectTypeExtensionNode) -> String {
        join(["extend input", node.name.value, directives(node.directives), block(node.fields.map(print))], " ")
    }

    // MARK: - Shared pieces

    static func implements(_ interfaces: [NamedTypeNode]) -> String {
        wrap("implements ", join(interfaces.map(\.name.value), " & "))
    }

    static func unionMembers(_ types: [NamedTypeNode]) -> String {
        wrap("= ", join(types.map(\.name.value), " | "))
    }

    /// Argument definitions go one per line as soon as any of them spans several lines
    /// (a block-string description does); otherwise they stay on one line, however long.
    static func argumentDefinitions(_ arguments: [InputValueDefinitionNode]) -> String {
        let printed = arguments.map(print)
        if hasMultilineItems(printed) {
            return wrap("(\n", indent(join(printed, "\n")), "\n)")
        }
        return wrap("(", join(printed, ", "), ")")
    }
}
