import GraphQLCore

/// Turns any subgraph SDL into an executable Apollo Federation v2 subgraph schema.
///
/// The SDL is written as for any federation library: `extend schema @link(url:
/// "https://specs.apollo.dev/federation/v2.x", import: [...])`, then types using the imported
/// directives (`@key`, `@shareable`, ...) by their local names. The builder supplies what the
/// Apollo Federation subgraph specification says a subgraph adds: the definitions of the linked
/// federation directives and types (imported ones under their name or `as:` rename, the others as
/// `federation__name`), `_Any`, `_Service`, the `_Entity` union of the object types with a
/// resolvable `@key`, and `Query._entities` / `Query._service` with their resolvers.
///
/// ```swift
/// var builder = try FederatedSchemaBuilder(sdl: sdl)
/// builder.setEntityResolver(typeName: "Product") { representations, _ in ... }
/// var schema = try builder.build()
/// schema.setResolver(typeName: "Query", fieldName: "product") { ... }
/// ```
public struct FederatedSchemaBuilder: Sendable {
    /// The parsed SDL as authored.
    private let subgraph: SubgraphDocument
    /// The `@link` to the federation spec (or the Federation 1 defaults when there is none).
    private let federationLink: SpecLink
    private var resolvers: [String: EntityResolver] = [:]

    /// What `_service { sdl }` returns: the SDL as authored, less the hidden directives.
    public let serviceSDL: String
    /// The object types with a resolvable `@key`, in SDL order: the members of `_Entity`.
    public let entityTypeNames: [String]
    /// The interfaces with a resolvable `@key` (entity interfaces); representations may name them.
    public let entityInterfaceNames: [String]
    /// Names the object type of a value an entity resolver returned, when `_Entity` cannot: JSON
    /// objects resolve by their `__typename` (added from the representation for object types),
    /// and `.source` values returned for an object type by their Swift type (learned per type; a
    /// Swift type returned for two entity types is ambiguous). Needed for `.source` values of
    /// entity interfaces and for such ambiguous types; consulted before the learned Swift types.
    public var entityTypeResolver: TypeResolver?
    /// The most representations one `_entities` field accepts; more fail the field.
    public var maxRepresentations = 10_000

    /// Reads a subgraph SDL.
    ///
    /// - Parameters:
    ///   - sdl: the subgraph SDL as authored, with `extend schema @link(url:
    ///     "https://specs.apollo.dev/federation/v2.x", import: [...])` (without it, the SDL is read
    ///     as Federation 1: every federation directive under its plain name).
    ///   - hiddenDirectives: directives private to this service (names without `@`); their
    ///     definitions, their applications and the types only they use are left out of
    ///     ``serviceSDL``; the built schema keeps them.
    /// - Throws: ``FederationError`` for an SDL that does not parse or a malformed `@link`.
    public init(sdl: String, hiddenDirectives: Set<String> = []) throws {
        let document: DocumentNode
        do throws(GraphQLError) {
            document = try parse(Source(sdl, name: "Subgraph SDL"), options: .unlimited)
        } catch {
            throw FederationError("The subgraph SDL does not parse: \(error.message)")
        }
        subgraph = SubgraphDocument(SubgraphDocument.removingSubgraphAdditions(from: document))
        let federationLinks = try SpecLink.links(in: document).filter(\.isFederation)
        guard federationLinks.count <= 1 else {
            throw FederationError("The subgraph SDL links the federation spec \(federationLinks.count) times; link it once.")
        }
        if let link = federationLinks.first {
            guard let version = link.version, version.major == 2 else {
                throw FederationError("The federation spec version of \(link.url) is not supported; link a v2.x version.")
            }
            federationLink = link
        } else {
            federationLink = .federationOne
        }
        let keyName = federationLink.localName(of: "@key")
        entityTypeNames = subgraph.entityObjectTypes(keyDirective: keyName)
        entityInterfaceNames = subgraph.entityInterfaces(keyDirective: keyName)
        serviceSDL = ServiceSDL.print(subgraph.document, hiding: hiddenDirectives)
    }

    /// The federation version the SDL links (`(2, 3)` for `.../federation/v2.3`; `(1, 0)` without a link).
    public var federationVersion: (major: Int, minor: Int) { federationLink.version ?? (2, 0) }

    /// The local name of a federation directive or type: `"@key"` → `"key"` (or its rename),
    /// `"@shareable"` → `"federation__shareable"` when not imported.
    public func localName(of element: String) -> String { federationLink.localName(of: element) }

    /// Installs the resolver of one entity type (an object type or entity interface with a
    /// resolvable `@key`): `_entities` calls it once per request with all the representations
    /// of that `__typename`. A later call for the same type replaces the earlier one.
    public mutating func setEntityResolver(typeName: String, _ resolver: @escaping EntityResolver) {
        resolvers[typeName] = resolver
    }

    /// The SDL the executable schema is built from: the authored SDL, then the federation
    /// definitions it does not define itself, then the subgraph additions.
    public var augmentedSDL: String {
        ([GraphQLCore.print(subgraph.document)] + additions()).joined(separator: "\n\n")
    }

    /// Builds the augmented schema with the `_service` and `_entities` resolvers (and the
    /// `_Entity` type resolver) installed; the caller then installs its own field resolvers.
    /// - Throws: ``FederationError`` when the augmented SDL does not build or is not valid.
    public func build() throws -> GraphQLSchema {
        var definitions = subgraph.document.definitions
        for addition in additions() {
            do throws(GraphQLError) {
                definitions += try parse(addition).definitions
            } catch {
                throw FederationError("A federation definition does not parse: \(error.message)")
            }
        }
        var schema: GraphQLSchema
        do throws(GraphQLError) {
            schema = try buildSchema(DocumentNode(definitions: definitions), options: BuildSchemaOptions(allowExtensionsWithoutBase: true))
        } catch {
            throw FederationError("The subgraph schema does not build: \(error.message)")
        }
        if let problem = schema.validationErrors.first {
            throw FederationError("The subgraph schema is not valid: \(problem.message)")
        }
        let sdl = serviceSDL
        schema.setResolver(typeName: subgraph.queryType, fieldName: "_service") { _, _, _ in
            .value(.object(GraphQLObject([("sdl", .string(sdl))])))
        }
        if !entityTypeNames.isEmpty {
            let sourceTypes = SourceTypeNames()
            let entities = EntitiesField(
                entityTypes: Set(entityTypeNames + entityInterfaceNames), objectTypes: Set(entityTypeNames), resolvers: resolvers,
                maxRepresentations: maxRepresentations, sourceTypes: sourceTypes)
            schema.setResolver(typeName: subgraph.queryType, fieldName: "_entities", entities.resolver)
            let members = entityTypeNames
            let fallback = entityTypeResolver
            schema.setTypeResolver(typeName: "_Entity") { value, info in
                if let name = try defaultTypeResolver(value, info) { return name }
                if let fallback, let name = try fallback(value, info) { return name }
                if let name = sourceTypes.typeName(of: value) { return name }
                return members.count == 1 ? members.first : nil
            }
        }
        return schema
    }

    /// The definitions the subgraph gets from federation, as SDL snippets, skipping any name the
    /// authored SDL defines itself.
    private func additions() -> [String] {
        var snippets: [String] = []
        for (name, definition) in FederationSpec.linkElements {
            let defined = name.hasPrefix("@") ? subgraph.definedDirectives.contains(String(name.dropFirst())) : subgraph.definedTypes.contains(name)
            if !defined { snippets.append(definition) }
        }
        let link = federationLink
        for element in FederationSpec.elements(minor: link.version?.major == 2 ? link.version?.minor ?? 0 : 0) {
            let local = link.localName(of: element.name)
            let defined = element.name.hasPrefix("@") ? subgraph.definedDirectives.contains(local) : subgraph.definedTypes.contains(local)
            if !defined { snippets.append(element.definition { link.localName(of: $0) }) }
        }
        return snippets
            + FederationSpec.subgraphAdditions(
                queryType: subgraph.queryType, queryIsDefined: subgraph.hasQueryType, entityTypes: entityTypeNames)
    }
}
