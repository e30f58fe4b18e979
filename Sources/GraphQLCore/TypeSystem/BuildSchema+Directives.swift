// The SDL rules about applied directives that graphql-js checks while building a schema
// (`KnownDirectivesRule`, `UniqueDirectivesPerLocationRule`), with the same messages.

/// Throws for the first directive that is unknown, misplaced, or repeated without being `repeatable`.
func checkAppliedDirectives(
    definitions: [TypeDefinitionParts], schemaDirectives: [DirectiveNode], directives: [GraphQLDirective]
) throws(GraphQLError) {
    var byName: [String: GraphQLDirective] = [:]
    for directive in directives { byName[directive.name] = directive }
    // `@oneOf` is always understood in SDL, even when the schema does not expose it.
    if byName["oneOf"] == nil {
        byName["oneOf"] = GraphQLDirective(name: "oneOf", locations: [.inputObject])
    }

    func check(_ applied: [DirectiveNode], at location: DirectiveLocation) throws(GraphQLError) {
        var seen: Set<String> = []
        for node in applied {
            let name = node.name.value
            guard let directive = byName[name] else {
                throw GraphQLError(message: "Unknown directive \"@\(name)\".")
            }
            guard directive.locations.contains(location) else {
                throw GraphQLError(message: "Directive \"@\(name)\" may not be used on \(location.rawValue).")
            }
            if !directive.isRepeatable && !seen.insert(name).inserted {
                throw GraphQLError(message: "The directive \"@\(name)\" can only be used once at this location.")
            }
        }
    }

    try check(schemaDirectives, at: .schema)
    for parts in definitions {
        let location: DirectiveLocation
        switch parts.kind {
        case .scalar: location = .scalar
        case .object: location = .object
        case .interface: location = .interface
        case .union: location = .union
        case .enum: location = .enum
        case .inputObject: location = .inputObject
        }
        try check(parts.directives, at: location)
        for field in parts.fields {
            try check(field.directives, at: .fieldDefinition)
            for argument in field.arguments { try check(argument.directives, at: .argumentDefinition) }
        }
        for value in parts.enumValues { try check(value.directives, at: .enumValue) }
        for field in parts.inputFields { try check(field.directives, at: .inputFieldDefinition) }
    }
}
