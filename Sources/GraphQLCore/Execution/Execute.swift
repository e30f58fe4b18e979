/// Executes a parsed request against a schema (spec §6 `ExecuteRequest`).
///
/// The document is assumed to have passed validation; an invalid one yields errors, never a
/// crash. Pass the `source` the document was parsed from to get line/column locations.
/// Returns errors without data for request errors (no such operation, bad variables, an
/// invalid schema), and data with any field errors otherwise.
public func execute(
    schema: GraphQLSchema,
    document: DocumentNode,
    source: Source? = nil,
    rootValue: ResolvedValue = .null,
    contextValue: (any Sendable)? = nil,
    variableValues: GraphQLObject = GraphQLObject(),
    operationName: String? = nil,
    fieldResolver: FieldResolver? = nil,
    typeResolver: TypeResolver? = nil
) async -> GraphQLResult {
    guard schema.validationErrors.isEmpty else { return GraphQLResult(data: nil, errors: schema.validationErrors) }
    let operation: OperationDefinitionNode
    let fragments: [String: FragmentDefinitionNode]
    switch selectOperation(in: document, named: operationName) {
    case .success(let selected): (operation, fragments) = selected
    case .failure(let error): return GraphQLResult(data: nil, errors: [error])
    }
    let variables: GraphQLObject
    switch coerceVariableValues(
        schema: schema, definitions: operation.variableDefinitions, inputs: variableValues, source: source)
    {
    case .success(let coerced): variables = coerced
    case .failure(let failure): return GraphQLResult(data: nil, errors: failure.errors)
    }
    let context = ExecutionContext(
        schema: schema, source: source, fragments: fragments, operation: operation, variableValues: variables,
        rootValue: rootValue, contextValue: contextValue, fieldResolver: fieldResolver ?? defaultFieldResolver,
        typeResolver: typeResolver ?? defaultTypeResolver)
    do throws(GraphQLError) {
        let data = try await context.executeOperation()
        return GraphQLResult(data: data, errors: context.errors)
    } catch {
        // A non-null root field failed: the whole data is null (graphql-js `executeImpl`).
        return GraphQLResult(data: .null, errors: context.errors + [error])
    }
}

/// Parses, validates and executes a request in one step, like graphql-js's `graphql()`.
///
/// A syntax error, or any error found by `validationRules` (spec §5, `specifiedRules` by
/// default), comes back as `errors` with no `data`, and nothing is executed. Pass
/// `validationRules: []` to skip validation for trusted documents (already validated ones).
public func graphql(
    schema: GraphQLSchema,
    request: String,
    rootValue: ResolvedValue = .null,
    contextValue: (any Sendable)? = nil,
    variableValues: GraphQLObject = GraphQLObject(),
    operationName: String? = nil,
    validationRules: [ValidationRule] = specifiedRules
) async -> GraphQLResult {
    let source = Source(request)
    let document: DocumentNode
    do throws(GraphQLError) {
        document = try parse(source)
    } catch {
        return GraphQLResult(data: nil, errors: [error])
    }
    return await validateAndExecute(
        schema: schema, document: document, source: source, rootValue: rootValue, contextValue: contextValue,
        variableValues: variableValues, operationName: operationName, validationRules: validationRules)
}

/// Executes a request over plain JSON data: the root object is the parent of the root fields,
/// every field reads the parent's property of its name, and interfaces and unions resolve
/// through a `__typename` property. This is what `mc graphql execute --data ROOT.json` runs.
///
/// The document is validated first with `validationRules` (errors and no `data` if invalid);
/// pass `validationRules: []` to skip validation for trusted documents.
public func executeWithJSONRoot(
    schema: GraphQLSchema,
    document: DocumentNode,
    source: Source? = nil,
    rootJSON: GraphQLValue,
    variables: GraphQLObject = GraphQLObject(),
    operationName: String? = nil,
    validationRules: [ValidationRule] = specifiedRules
) async -> GraphQLResult {
    await validateAndExecute(
        schema: schema, document: document, source: source, rootValue: .value(rootJSON),
        variableValues: variables, operationName: operationName, validationRules: validationRules)
}

/// Validates with `validationRules` (if any), then executes a valid document.
private func validateAndExecute(
    schema: GraphQLSchema, document: DocumentNode, source: Source?, rootValue: ResolvedValue,
    contextValue: (any Sendable)? = nil, variableValues: GraphQLObject, operationName: String?,
    validationRules: [ValidationRule]
) async -> GraphQLResult {
    if !validationRules.isEmpty {
        let errors = validate(schema: schema, document: document, source: source, rules: validationRules)
        if !errors.isEmpty { return GraphQLResult(data: nil, errors: errors) }
    }
    return await execute(
        schema: schema, document: document, source: source, rootValue: rootValue, contextValue: contextValue,
        variableValues: variableValues, operationName: operationName)
}
