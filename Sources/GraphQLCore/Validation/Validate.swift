// Document validation (spec §5 "Validation"; graphql-js `validation/validate`).

/// A validation rule: a name and a function making the visitor that checks one spec rule.
///
/// The visitor holds the `ValidationContext` it was made with and reports through it.
public struct ValidationRule: Sendable {
    /// The graphql-js name of the rule, e.g. `"FieldsOnCorrectTypeRule"`.
    public let name: String
    /// Makes the rule's visitor for one validation.
    public let makeVisitor: @Sendable (ValidationContext) -> any ASTVisitor

    /// Creates a rule from its name and visitor factory.
    public init(name: String, makeVisitor: @escaping @Sendable (ValidationContext) -> any ASTVisitor) {
        self.name = name
        self.makeVisitor = makeVisitor
    }
}

/// Checks that `document` is valid against `schema`, running all `rules` in one walk.
///
/// Returns the errors in the order graphql-js 16 reports them; an empty list means the
/// document may be executed. After `maxErrors` errors validation stops and a last error,
/// `Too many validation errors, error limit reached. Validation aborted.`, is added.
/// Pass the parsed `source` to get error locations. A schema with validation errors is
/// not walked: its errors are returned instead.
public func validate(
    schema: GraphQLSchema,
    document: DocumentNode,
    source: Source? = nil,
    rules: [ValidationRule] = specifiedRules,
    maxErrors: Int = 100
) -> [GraphQLError] {
    guard schema.validationErrors.isEmpty else { return schema.validationErrors }
    let context = ValidationContext(schema: schema, document: document, source: source, maxErrors: maxErrors)
    let visitors = rules.map { $0.makeVisitor(context) }
    var walker = ValidationWalker(context: context, rules: ParallelVisitor(visitors))
    visit(document, with: &walker)
    return context.errors
}
