/// Coerces the request's variables to the operation's variable definitions (spec
/// `CoerceVariableValues`; graphql-js `getVariableValues` with its messages and 50-error cap).
func coerceVariableValues(
    schema: GraphQLSchema, definitions: [VariableDefinitionNode], inputs: GraphQLObject, source: Source?
) -> Result<GraphQLObject, VariableErrors> {
    let maxErrors = 50
    var errors: [GraphQLError] = []
    var coerced = GraphQLObject()
    func locations(_ loc: Location) -> [SourceLocation] {
        source.map { [$0.location(ofOffset: loc.start)] } ?? []
    }
    for definition in definitions {
        guard errors.count < maxErrors else { break }
        let name = definition.variable.name.value
        let type = GraphQLTypeReference(definition.type)
        guard let namedType = schema.type(named: type.namedType), namedType.kind.isInput else {
            errors.append(GraphQLError(
                message: "Variable \"$\(name)\" expected value of type \"\(print(definition.type))\" which cannot be used as an input type.",
                locations: locations(definition.type.loc)))
            continue
        }
        guard let value = inputs[name] else {
            if let defaultValue = definition.defaultValue {
                if let value = valueFromAST(defaultValue, type: type, types: schema.types, variables: nil) {
                    coerced[name] = value
                }
            } else if type.isNonNull {
                errors.append(GraphQLError(
                    message: "Variable \"$\(name)\" of required type \"\(type)\" was not provided.",
                    locations: locations(definition.loc)))
            }
            continue
        }
        if value.isNull && type.isNonNull {
            errors.append(GraphQLError(
                message: "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.",
                locations: locations(definition.loc)))
            continue
        }
        coerced[name] = coerceInputValue(value, type: type, types: schema.types) { issue in
            var prefix = "Variable \"$\(name)\" got invalid value \(issue.value.inspected)"
            if !issue.path.isEmpty {
                prefix += " at \"\(name)\(printPath(issue.path))\""
            }
            var error = issue.error
            error.message = prefix + "; " + issue.error.message
            error.locations = locations(definition.loc)
            errors.append(error)
        }
    }
    if errors.count >= maxErrors {
        errors = Array(errors.prefix(maxErrors))
        errors.append(GraphQLError(message: "Too many errors processing variables, error limit reached. Execution aborted."))
    }
    return errors.isEmpty ? .success(coerced) : .failure(VariableErrors(errors: errors))
}

/// The errors found in the variables; a request with any does not execute.
struct VariableErrors: Error {
    let errors: [GraphQLError]
}

/// graphql-js `printPathArray`: `.key` and `[index]` steps.
func printPath(_ path: [GraphQLError.PathComponent]) -> String {
    path.map { component in
        switch component {
        case .key(let key): "." + key
        case .index(let index): "[\(index)]"
        }
    }.joined()
}
