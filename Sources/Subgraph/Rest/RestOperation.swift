import GraphQLCore

/// The GraphQL operation behind one REST route, written and checked once at start-up:
/// `query workflow($id: ID!) { workflow(id: $id) { ...the route's selection } }`. Every argument
/// of the field is a variable, so an argument the caller leaves out takes the field's default.
public struct RestOperation: Sendable {
    public let route: RestRoute
    /// The field's declared arguments, by name.
    public let arguments: [String: GraphQLInputValue]
    /// The field's return type.
    public let returnType: GraphQLTypeReference
    /// What the route returns; nil for a leaf result.
    public let selection: RestSelection?
    /// The operation's text.
    public let text: String
    let document: DocumentNode

    /// Writes, parses and validates the operation for `route`. Throws if the generated
    /// operation is invalid for the schema (a defect in the schema's `@rest` declarations).
    public init(route: RestRoute, schema: GraphQLSchema) throws {
        guard let typeName = route.operation == "query" ? schema.queryType : schema.mutationType,
            let field = schema.fieldDefinition(typeName: typeName, fieldName: route.field)
        else {
            throw RestRoute.DeclarationError(description: "@rest route \(route.path) names \(route.operation).\(route.field), which does not exist.")
        }
        self.route = route
        self.arguments = Dictionary(field.arguments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.returnType = field.type
        self.selection = RestSelection.build(for: field.type, in: schema)
        let variables = field.arguments.map { "$\($0.name): \($0.type)" }.joined(separator: ", ")
        let passed = field.arguments.map { "\($0.name): $\($0.name)" }.joined(separator: ", ")
        var text = "\(route.operation) \(route.field)"
        if !field.arguments.isEmpty { text += "(\(variables))" }
        text += " { \(route.field)"
        if !field.arguments.isEmpty { text += "(\(passed))" }
        if let selection { text += " \(selection.text)" }
        text += " }"
        self.text = text
        let source = Source(text)
        self.document = try parse(source)
        let problems = validate(schema: schema, document: document, source: source)
        if let first = problems.first {
            throw RestRoute.DeclarationError(description: "The operation generated for \(route.method.rawValue) \(route.path) is invalid: \(first.message)")
        }
    }
}
