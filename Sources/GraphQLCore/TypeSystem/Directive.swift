/// A directive the schema defines, built in (`@skip`, `@include`, `@deprecated`,
/// `@specifiedBy`, `@oneOf`) or declared in the SDL.
public struct GraphQLDirective: Sendable {
    /// The name, without `@`.
    public var name: String
    /// The description from the SDL, if any.
    public var description: String?
    /// The places the directive may appear.
    public var locations: [DirectiveLocation]
    /// The arguments, in definition order.
    public var arguments: [GraphQLInputValue]
    /// Whether it may appear more than once at one place.
    public var isRepeatable: Bool
    /// Where it was defined, for error locations.
    public var loc: Location = .synthetic

    /// Creates a directive.
    public init(
        name: String, description: String? = nil, locations: [DirectiveLocation],
        arguments: [GraphQLInputValue] = [], isRepeatable: Bool = false
    ) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
    }

    /// Names of the directives every schema has, in graphql-js's order (16.x);
    /// `oneOf` is added only to schemas that use it (see `GraphQLSchema.exposesOneOf`).
    public static let specifiedNames = ["include", "skip", "deprecated", "specifiedBy"]

    /// Whether `name` is one of the directives the spec defines.
    public static func isSpecified(_ name: String) -> Bool {
        specifiedNames.contains(name) || name == "oneOf"
    }

    /// The default `@deprecated` reason.
    public static let defaultDeprecationReason = "No longer supported"
}
