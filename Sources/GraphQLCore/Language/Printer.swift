/// Prints a document back as GraphQL source.
///
/// The output is byte-identical to graphql-js 16's `print()`: two-space indentation, one
/// selection or field per line, `query` omitted for anonymous operations without variables
/// or directives, field arguments wrapped one per line when the line would pass 80
/// characters, and descriptions as block strings when they were written that way.
/// `parse(print(document))` equals `document` (locations aside).
public func print(_ document: DocumentNode) -> String {
    Printer.join(document.definitions.map(Printer.print), "\n\n")
}

/// Prints one definition as GraphQL source.
public func print(_ definition: DefinitionNode) -> String {
    Printer.print(definition)
}

/// Prints a value literal as GraphQL source, e.g. `{a: [1, 2], b: $var}`.
public func print(_ value: ValueNode) -> String {
    Printer.print(value)
}

/// Prints a type reference as GraphQL source, e.g. `[String!]!`.
public func print(_ type: TypeNode) -> String {
    Printer.print(type)
}

/// The printing rules, one function per node kind. The helpers (`join`, `wrap`, `block`,
/// `indent`) behave like graphql-js's so that output matches it exactly: `join` drops empty
/// parts, and `wrap` prints nothing around an empty string.
enum Printer {
    static let maxLineLength = 80

    static func print(_ definition: DefinitionNode) -> String {
        switch definition {
        case .operation(let node): print(node)
        case .fragment(let node): print(node)
        case .schema(let node): print(node)
        case .scalarType(let node): print(node)
        case .objectType(let node): print(node)
        case .interfaceType(let node): print(node)
        case .unionType(let node): print(node)
        case .enumType(let node): print(node)
        case .inputObjectType(let node): print(node)
        case .directive(let node): print(node)
        case .schemaExtension(let node): print(node)
        case .scalarTypeExtension(let node): print(node)
        case .objectTypeExtension(let node): print(node)
        case .interfaceTypeExtension(let node): print(node)
        case .unionTypeExtension(let node): print(node)
        case .enumTypeExtension(let node): print(node)
        case .inputObjectTypeExtension(let node): print(node)
        }
    }

    // MARK: - Executable definitions

    static func print(_ node: OperationDefinitionNode) -> String {
        let variables = wrap("(", join(node.variableDefinitions.map(print), ", "), ")")
        let prefix = join(
            [node.operation.rawValue, join([node.name?.value ?? "", variables]), directives(node.directives)], " ")
        // The query shorthand `{ ... }` is used when nothing but the selection set remains.
        return (prefix == "query" ? "" : prefix + " ") + print(node.selectionSet)
    }

    static func print(_ node: VariableDefinitionNode) -> String {
        "$" + node.variable.name.value + ": " + print(node.type) + wrap(" = ", node.defaultValue.map(print))
            + wrap(" ", directives(node.directives))
    }

    static func print(_ node: SelectionSetNode) -> String {
        block(node.selections.map(print))
    }

    static func print(_ selection: SelectionNode) -> String {
        switch selection {
        case .field(let node): print(node)
        case .fragmentSpread(let node): "..." + node.name.value + wrap(" ", directives(node.directives))
        case .inlineFragment(let node):
            join(
                ["...", wrap("on ", node.typeCondition?.name.value), directives(node.directives), print(node.selectionSet)],
                " ")
        }
    }

    static func print(_ node: FieldNode) -> String {
        let prefix = wrap("", node.alias?.value, ": ") + node.name.value
        let arguments = node.arguments.map(print)
        var argumentsLine = prefix + wrap("(", join(arguments, ", "), ")")
        if argumentsLine.utf16.count > maxLineLength {
            argumentsLine = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)")
        }
        return join([argumentsLine, directives(node.directives), node.selectionSet.map(print) ?? ""], " ")
    }

    static func print(_ node: ArgumentNode) -> String {
        node.name.value + ": " + print(node.value)
    }

    static func print(_ node: FragmentDefinitionNode) -> String {
        "fragment \(node.name.value) on \(node.typeCondition.name.value) "
            + wrap("", directives(node.directives), " ") + print(node.selectionSet)
    }

    static func directives(_ nodes: [DirectiveNode]) -> String {
        join(nodes.map(print), " ")
    }

    static func print(_ node: DirectiveNode) -> String {
        "@" + node.name.value + wrap("(", join(node.arguments.map(print), ", "), ")")
    }

    // MARK: - Values and types

    static func print(_ value: ValueNode) -> String {
        switch value {
        case .variable(let node): "$" + node.name.value
        case .int(let node): node.value
        case .float(let node): node.value
        case .string(let node): print(node)
        case .boolean(let node): node.value ? "true" : "false"
        case .null: "null"
        case .enumValue(let node): node.value
        case .list(let node): "[" + join(node.values.map(print), ", ") + "]"
        case .object(let node):
            "{" + join(node.fields.map { field in field.name.value + ": " + print(field.value) }, ", ") + "}"
        }
    }

    static func print(_ node: StringValueNode) -> String {
        node.block ? printBlockString(node.value) : printString(node.value)
    }

    static func print(_ type: TypeNode) -> String {
        switch type {
        case .named(let node): node.name.value
        case .list(let node): "[" + print(node.type) + "]"
        case .nonNull(let node): print(node.type) + "!"
        }
    }

    // MARK: - Helpers with graphql-js semantics

    /// Joins the non-empty parts with `separator`.
    static func join(_ parts: [String], _ separator: String = "") -> String {
        parts.filter { !$0.isEmpty }.joined(separator: separator)
    }

    /// `start + text + end`, or nothing when `text` is empty or absent.
    static func wrap(_ start: String, _ text: String?, _ end: String = "") -> String {
        guard let text, !text.isEmpty else { return "" }
        return start + text + end
    }

    /// Items one per line inside an indented `{ }` block; nothing for no items.
    static func block(_ items: [String]) -> String {
        wrap("{\n", indent(join(items, "\n")), "\n}")
    }

    /// Indents every line by two spaces (every `\n`, even inside block strings, as graphql-js does).
    static func indent(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var bytes: [UInt8] = [0x20, 0x20]
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == 0x0A { bytes.append(contentsOf: [0x20, 0x20]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any item spans several lines; such argument lists print one per line.
    static func hasMultilineItems(_ items: [String]) -> Bool {
        items.contains { $0.utf8.contains(0x0A) }
    }
}
