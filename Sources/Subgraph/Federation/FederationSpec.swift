/// The definitions a Federation v2 subgraph adds for the elements of the federation and link
/// specifications, as the Apollo Federation subgraph specification lists them
/// ("Subgraph schema additions"), each with the federation version that introduced it.
///
/// Definitions are written against a naming function, so the same table serves every `@link`:
/// imported elements keep their name (or the `as:` rename), the others get the spec's namespace
/// prefix (`federation__shareable`).
enum FederationSpec {
    /// One element of the federation spec: `@key` or `FieldSet`.
    struct Element {
        /// The name as the spec spells it, with `@` for directives.
        let name: String
        /// The first minor version of Federation 2 that has it.
        let since: Int
        /// Its SDL definition, given the local name of each federation element.
        let definition: @Sendable (_ local: (String) -> String) -> String
    }

    /// Locations of `@tag` and `@inaccessible`.
    private static let everyMemberLocation =
        "FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION"
    /// Locations of the access-control directives.
    private static let accessLocation = "FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"

    /// The elements of `https://specs.apollo.dev/federation/v2.x`, in the spec's order.
    static func elements(minor: Int) -> [Element] {
        allElements.filter { $0.since <= minor }
    }

    private static let allElements: [Element] = [
        Element(name: "FieldSet", since: 0) { "scalar \($0("FieldSet"))" },
        Element(name: "@key", since: 0) {
            "directive @\($0("@key"))(fields: \($0("FieldSet"))!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE"
        },
        Element(name: "@requires", since: 0) { "directive @\($0("@requires"))(fields: \($0("FieldSet"))!) on FIELD_DEFINITION" },
        Element(name: "@provides", since: 0) { "directive @\($0("@provides"))(fields: \($0("FieldSet"))!) on FIELD_DEFINITION" },
        Element(name: "@external", since: 0) { "directive @\($0("@external")) on OBJECT | FIELD_DEFINITION" },
        Element(name: "@tag", since: 0) { "directive @\($0("@tag"))(name: String!) repeatable on \(everyMemberLocation)" },
        Element(name: "@extends", since: 0) { "directive @\($0("@extends")) on OBJECT | INTERFACE" },
        Element(name: "@shareable", since: 0) { "directive @\($0("@shareable")) repeatable on OBJECT | FIELD_DEFINITION" },
        Element(name: "@inaccessible", since: 0) { "directive @\($0("@inaccessible")) on \(everyMemberLocation)" },
        Element(name: "@override", since: 0) { "directive @\($0("@override"))(from: String!, label: String) on FIELD_DEFINITION" },
        Element(name: "@composeDirective", since: 1) { "directive @\($0("@composeDirective"))(name: String!) repeatable on SCHEMA" },
        Element(name: "@interfaceObject", since: 3) { "directive @\($0("@interfaceObject")) on OBJECT" },
        Element(name: "Scope", since: 5) { "scalar \($0("Scope"))" },
        Element(name: "@authenticated", since: 5) { "directive @\($0("@authenticated")) on \(accessLocation)" },
        Element(name: "@requiresScopes", since: 5) {
            "directive @\($0("@requiresScopes"))(scopes: [[\($0("Scope"))!]!]!) on \(accessLocation)"
        },
        Element(name: "Policy", since: 6) { "scalar \($0("Policy"))" },
        Element(name: "@policy", since: 6) { "directive @\($0("@policy"))(policies: [[\($0("Policy"))!]!]!) on \(accessLocation)" },
        Element(name: "ContextFieldValue", since: 8) { "scalar \($0("ContextFieldValue"))" },
        Element(name: "@context", since: 8) { "directive @\($0("@context"))(name: String!) repeatable on INTERFACE | OBJECT | UNION" },
        Element(name: "@fromContext", since: 8) {
            "directive @\($0("@fromContext"))(field: \($0("ContextFieldValue"))) on ARGUMENT_DEFINITION"
        },
        Element(name: "@cost", since: 9) {
            "directive @\($0("@cost"))(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR"
        },
        Element(name: "@listSize", since: 9) {
            "directive @\($0("@listSize"))(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION"
        },
    ]

    /// The elements of the link spec (`https://specs.apollo.dev/link/v1.0`) a subgraph gets
    /// without linking it: `@link` itself and the two types its arguments use.
    static let linkElements: [(name: String, definition: String)] = [
        ("@link", "directive @link(url: String!, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA"),
        ("link__Import", "scalar link__Import"),
        ("link__Purpose", "enum link__Purpose {\n  \"`SECURITY` features provide metadata necessary to securely resolve fields.\"\n  SECURITY\n  \"`EXECUTION` features provide metadata necessary for operation execution.\"\n  EXECUTION\n}"),
    ]

    /// The subgraph's own additions, given the query root's name and the entity object types
    /// (`_Entity` and `_entities` only exist when there are entities).
    static func subgraphAdditions(queryType: String, queryIsDefined: Bool, entityTypes: [String]) -> [String] {
        var additions = ["scalar _Any", "type _Service {\n  sdl: String!\n}"]
        var fields = ["  _service: _Service!"]
        if !entityTypes.isEmpty {
            additions.append("union _Entity = " + entityTypes.joined(separator: " | "))
            fields.insert("  _entities(representations: [_Any!]!): [_Entity]!", at: 0)
        }
        additions.append((queryIsDefined ? "extend type " : "type ") + queryType + " {\n" + fields.joined(separator: "\n") + "\n}")
        return additions
    }
}
