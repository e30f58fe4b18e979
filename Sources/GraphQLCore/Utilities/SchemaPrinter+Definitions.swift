// The SDL of each kind of definition, following graphql-js 16 `printSchema.ts` line by line.

/// Prints the definitions of one schema; `keepsAppliedDirectives` selects our federation mode.
struct SchemaPrinter {
    let schema: GraphQLSchema
    let keepsAppliedDirectives: Bool

    /// `schema { ... }`, or `nil` when graphql-js would omit it.
    func schemaDefinition() -> String? {
        let applied = keepsAppliedDirectives ? schema.appliedDirectives : []
        let commonNames = (schema.queryType.map { $0 == "Query" } ?? true)
            && (schema.mutationType.map { $0 == "Mutation" } ?? true)
            && (schema.subscriptionType.map { $0 == "Subscription" } ?? true)
        if schema.description == nil && commonNames {
            guard !applied.isEmpty else { return nil }
            return "extend schema" + directiveSuffix(applied)
        }
        var operationTypes: [String] = []
        if let query = schema.queryType { operationTypes.append("  query: \(query)") }
        if let mutation = schema.mutationType { operationTypes.append("  mutation: \(mutation)") }
        if let subscription = schema.subscriptionType { operationTypes.append("  subscription: \(subscription)") }
        return description(schema.description) + "schema" + directiveSuffix(applied)
            + " {\n" + operationTypes.joined(separator: "\n") + "\n}"
    }

    /// `directive @name(args) repeatable on A | B`.
    func directiveDefinition(_ directive: GraphQLDirective) -> String {
        description(directive.description) + "directive @" + directive.name + arguments(directive.arguments)
            + (directive.isRepeatable ? " repeatable" : "") + " on "
            + directive.locations.map(\.rawValue).joined(separator: " | ")
    }

    /// graphql-js `printType`.
    func typeDefinition(_ type: GraphQLNamedType) -> String {
        let head = description(type.description)
        switch type.kind {
        case .scalar:
            let specifiedBy = type.specifiedByURL.map { " @specifiedBy(url: \(printString($0)))" } ?? ""
            return head + "scalar " + type.name + specifiedBy + custom(type.appliedDirectives)
        case .object:
            return head + "type " + type.name + implementedInterfaces(type) + custom(type.appliedDirectives)
                + fields(type)
        case .interface:
            return head + "interface " + type.name + implementedInterfaces(type) + custom(type.appliedDirectives)
                + fields(type)
        case .union:
            let members = type.unionMembers.isEmpty ? "" : " = " + type.unionMembers.joined(separator: " | ")
            return head + "union " + type.name + custom(type.appliedDirectives) + members
        case .enum:
            let values = type.enumValues.enumerated().map { index, value in
                description(value.description, indentation: "  ", firstInBlock: index == 0) + "  " + value.name
                    + deprecated(value.deprecationReason) + custom(value.appliedDirectives)
            }
            return head + "enum " + type.name + custom(type.appliedDirectives) + block(values)
        case .inputObject:
            let fields = type.inputFields.enumerated().map { index, field in
                description(field.description, indentation: "  ", firstInBlock: index == 0) + "  " + inputValue(field)
            }
            return head + "input " + type.name + (type.isOneOf ? " @oneOf" : "") + custom(type.appliedDirectives)
                + block(fields)
        }
    }

    private func implementedInterfaces(_ type: GraphQLNamedType) -> String {
        type.interfaces.isEmpty ? "" : " implements " + type.interfaces.joined(separator: " & ")
    }

    private func fields(_ type: GraphQLNamedType) -> String {
        block(
            type.fields.enumerated().map { index, field in
                description(field.description, indentation: "  ", firstInBlock: index == 0) + "  " + field.name
                    + arguments(field.arguments, indentation: "  ") + ": " + field.type.description
                    + deprecated(field.deprecationReason) + custom(field.appliedDirectives)
            })
    }

    private func block(_ items: [String]) -> String {
        items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
    }

    /// Arguments on one line when none has a description, else one per line.
    private func arguments(_ arguments: [GraphQLInputValue], indentation: String = "") -> String {
        guard !arguments.isEmpty else { return "" }
        if arguments.allSatisfy({ ($0.description ?? "").isEmpty }) {
            return "(" + arguments.map(inputValue).joined(separator: ", ") + ")"
        }
        let lines = arguments.enumerated().map { index, argument in
            description(argument.description, indentation: "  " + indentation, firstInBlock: index == 0)
                + "  " + indentation + inputValue(argument)
        }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
    }

    /// `name: Type = default @deprecated`.
    private func inputValue(_ value: GraphQLInputValue) -> String {
        var declaration = value.name + ": " + value.type.description
        if let defaultValue = value.defaultValue,
            let literal = astFromValue(defaultValue, type: value.type, types: schema.types)
        {
            declaration += " = " + print(literal)
        }
        return declaration + deprecated(value.deprecationReason) + custom(value.appliedDirectives)
    }
}
