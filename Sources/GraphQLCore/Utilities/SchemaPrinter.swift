// graphql-js `utilities/printSchema`: a schema written back as SDL.

/// What `printSchema(_:options:)` prints.
///
/// The defaults reproduce graphql-js 16 `printSchema`: every type except the built-in scalars
/// and the introspection types, every directive definition except the specified ones, and of
/// the applied directives only `@deprecated`, `@specifiedBy` (and `@oneOf`, as graphql-js 16.9+
/// prints it).
public struct SchemaPrintOptions: Sendable {
    /// Also print the directives applied to the schema, types, fields, arguments, enum values
    /// and input fields, as written in the SDL (our extension; graphql-js drops them). Apollo
    /// Federation's `_service { sdl }` needs them.
    public var keepsAppliedDirectives: Bool
    /// Which directive definitions to print.
    public var includesDirective: @Sendable (GraphQLDirective) -> Bool
    /// Which named types to print.
    public var includesType: @Sendable (GraphQLNamedType) -> Bool

    /// Creates options; the defaults print what graphql-js `printSchema` prints.
    public init(
        keepsAppliedDirectives: Bool = false,
        includesDirective: @escaping @Sendable (GraphQLDirective) -> Bool = { !GraphQLDirective.isSpecified($0.name) },
        includesType: @escaping @Sendable (GraphQLNamedType) -> Bool = { !isBuiltInType($0.name) }
    ) {
        self.keepsAppliedDirectives = keepsAppliedDirectives
        self.includesDirective = includesDirective
        self.includesType = includesType
    }

    /// graphql-js `printSchema`.
    public static let graphQLJS = SchemaPrintOptions()
    /// `graphQLJS` plus the applied directives (see `keepsAppliedDirectives`).
    public static let withAppliedDirectives = SchemaPrintOptions(keepsAppliedDirectives: true)
    /// graphql-js `printIntrospectionSchema`: the specified directives and the introspection types.
    public static let introspection = SchemaPrintOptions(
        includesDirective: { GraphQLDirective.isSpecified($0.name) },
        includesType: { isIntrospectionType($0.name) })
}

/// Prints `schema` as SDL, byte-identical to graphql-js 16 `printSchema(schema)`.
///
/// The `schema { ... }` definition is printed only when the schema has a description or a
/// root type with a name other than `Query`, `Mutation` or `Subscription`. Directive
/// definitions come first, then types in type-map order; descriptions are block strings
/// where possible and default values are written with `astFromValue`.
public func printSchema(_ schema: GraphQLSchema) -> String {
    printSchema(schema, options: .graphQLJS)
}

/// Prints `schema` as SDL like `printSchema(_:)`, but keeps every applied directive
/// (`@key`, `@shareable`, `@rest`, ... on types, fields, arguments, enum values, input
/// fields and the schema itself), in source order after the ones graphql-js prints.
///
/// This mode is ours, not graphql-js's; it serves Apollo Federation's `_service { sdl }`.
/// Directives applied to the schema are printed on `schema @a { ... }`, or as
/// `extend schema @a` when the root types have the default names.
public func printSchemaWithDirectives(_ schema: GraphQLSchema) -> String {
    printSchema(schema, options: .withAppliedDirectives)
}

/// Prints the introspection types and the specified directives, byte-identical to
/// graphql-js 16 `printIntrospectionSchema(schema)`.
public func printIntrospectionSchema(_ schema: GraphQLSchema) -> String {
    printSchema(schema, options: .introspection)
}

/// Prints `schema` as SDL with the chosen definitions and directives.
public func printSchema(_ schema: GraphQLSchema, options: SchemaPrintOptions) -> String {
    let printer = SchemaPrinter(schema: schema, keepsAppliedDirectives: options.keepsAppliedDirectives)
    var parts: [String] = []
    if let definition = printer.schemaDefinition() { parts.append(definition) }
    for directive in schema.directives where options.includesDirective(directive) {
        parts.append(printer.directiveDefinition(directive))
    }
    for name in schema.typeNames {
        guard let type = schema.types[name], options.includesType(type) else { continue }
        parts.append(printer.typeDefinition(type))
    }
    return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
}

/// Prints one named type of `schema` as SDL, as graphql-js `printType` does.
public func printType(_ type: GraphQLNamedType, in schema: GraphQLSchema) -> String {
    SchemaPrinter(schema: schema, keepsAppliedDirectives: false).typeDefinition(type)
}

/// Whether `name` is one of the five scalars every schema has (graphql-js `isSpecifiedScalarType`).
public func isSpecifiedScalarType(_ name: String) -> Bool {
    BuiltInScalars.names.contains(name)
}

/// Whether `name` is one of the introspection types, `__Schema` to `__TypeKind`.
public func isIntrospectionType(_ name: String) -> Bool {
    introspectionTypeNames.contains(name)
}

/// Whether `name` is a built-in scalar or an introspection type (not printed by `printSchema`).
public func isBuiltInType(_ name: String) -> Bool {
    isSpecifiedScalarType(name) || isIntrospectionType(name)
}

private let introspectionTypeNames: Set<String> = [
    "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
]
