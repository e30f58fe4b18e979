import GraphQLCore

/// One `@link(url:, as:, import:)` applied to the schema, read from the SDL.
///
/// The url's last two path components are the spec's name and version
/// (`https://specs.apollo.dev/federation/v2.3` → `federation`, `v2.3`); elements the link imports
/// keep their name or take their `as:` rename, and the others are reached through the namespace
/// (`as:` or the spec's name) as `namespace__element`.
struct SpecLink: Sendable, Equatable {
    let url: String
    /// The spec's name: `federation`, `link`, `myCustomDirective`.
    let name: String
    /// Major and minor version; `nil` when the url has no `vX.Y` component.
    let version: (major: Int, minor: Int)?
    /// The prefix of non-imported elements, without the `__`.
    let namespace: String
    /// Imported element → local name, both with `@` for directives (`"@key": "@primaryKey"`).
    let imports: [String: String]

    static func == (lhs: SpecLink, rhs: SpecLink) -> Bool {
        lhs.url == rhs.url && lhs.namespace == rhs.namespace && lhs.imports == rhs.imports
    }

    /// Whether this is the Apollo federation spec.
    var isFederation: Bool { url.hasPrefix("https://specs.apollo.dev/federation/") }

    /// The name the subgraph uses for a spec element (`"@key"` → `"key"`, `"FieldSet"` →
    /// `"federation__FieldSet"`); directives are returned without `@`.
    func localName(of element: String) -> String {
        let isDirective = element.hasPrefix("@")
        let bare = isDirective ? String(element.dropFirst()) : element
        if let imported = imports[element] {
            return isDirective && imported.hasPrefix("@") ? String(imported.dropFirst()) : imported
        }
        // The spec's own directive named after the spec (`@link` of the link spec) is not prefixed.
        if isDirective && bare == name { return namespace }
        return namespace + "__" + bare
    }

    /// Reads every `@link` applied by the schema definition and extensions of `document`.
    static func links(in document: DocumentNode) throws(FederationError) -> [SpecLink] {
        var links: [SpecLink] = []
        for definition in document.definitions {
            let directives: [DirectiveNode]
            switch definition {
            case .schema(let node): directives = node.directives
            case .schemaExtension(let node): directives = node.directives
            default: continue
            }
            for directive in directives where directive.name.value == "link" {
                links.append(try SpecLink(directive))
            }
        }
        return links
    }

    init(_ directive: DirectiveNode) throws(FederationError) {
        guard case .string(let urlNode)? = directive.arguments.first(where: { $0.name.value == "url" })?.value else {
            throw FederationError("The @link directive needs a \"url\" string argument.")
        }
        url = urlNode.value
        let components = url.split(separator: "/").map(String.init)
        var name = components.last ?? url
        var version: (Int, Int)?
        if components.count >= 2, let last = components.last, last.hasPrefix("v") {
            let numbers = last.dropFirst().split(separator: ".").compactMap { Int($0) }
            if numbers.count == 2 { version = (numbers[0], numbers[1]) }
            name = components[components.count - 2]
        }
        self.name = name
        self.version = version
        if case .string(let alias)? = directive.arguments.first(where: { $0.name.value == "as" })?.value {
            namespace = alias.value.hasPrefix("@") ? String(alias.value.dropFirst()) : alias.value
        } else {
            namespace = name
        }
        var imports: [String: String] = [:]
        if case .list(let list)? = directive.arguments.first(where: { $0.name.value == "import" })?.value {
            for item in list.values {
                switch item {
                case .string(let element):
                    imports[element.value] = element.value
                case .object(let object):
                    guard case .string(let element)? = object.fields.first(where: { $0.name.value == "name" })?.value else {
                        throw FederationError("An @link import of \(url) needs a \"name\" string.")
                    }
                    if case .string(let alias)? = object.fields.first(where: { $0.name.value == "as" })?.value {
                        guard alias.value.hasPrefix("@") == element.value.hasPrefix("@") else {
                            throw FederationError("The @link import \"\(element.value)\" of \(url) must be renamed to a name of the same kind, not \"\(alias.value)\".")
                        }
                        imports[element.value] = alias.value
                    } else {
                        imports[element.value] = element.value
                    }
                default:
                    throw FederationError("The @link imports of \(url) must be strings or {name:, as:} objects.")
                }
            }
        }
        self.imports = imports
    }

    /// A link as Federation 1 subgraphs (no `@link`) behave: every directive under its plain
    /// name, and the field set scalar named `_FieldSet`.
    static let federationOne: SpecLink = {
        var imports: [String: String] = [:]
        for element in FederationSpec.elements(minor: 0) { imports[element.name] = element.name }
        imports["FieldSet"] = "_FieldSet"
        return SpecLink(url: "https://specs.apollo.dev/federation/v1.0", name: "federation", version: (1, 0), namespace: "federation", imports: imports)
    }()

    private init(url: String, name: String, version: (Int, Int)?, namespace: String, imports: [String: String]) {
        self.url = url
        self.name = name
        self.version = version
        self.namespace = namespace
        self.imports = imports
    }
}
