import GraphQLCore

/// Resolves a batch of representations of one type: all the representations of that
/// `__typename` in one `_entities` call, each an object with `__typename` and the key fields
/// (plus any `@requires` fields). Returns one value per representation, in the same order;
/// `.null` for representations it does not know. Throwing fails all of this batch's items
/// (and no others).
public typealias EntityResolver = @Sendable (_ representations: [GraphQLObject], _ info: ResolveInfo) async throws -> [ResolvedValue]

/// `Query._entities(representations: [_Any!]!): [_Entity]!`: groups the representations by
/// `__typename`, calls each type's resolver once with its group (the batching), and puts the
/// results back in input order. A representation that cannot be resolved (not an object, an
/// unknown or non-entity type, no resolver, a resolver that threw) becomes `null` with an error
/// at `["_entities", index]`.
struct EntitiesField: Sendable {
    /// Types a representation may name: entity object types and entity interfaces.
    let entityTypes: Set<String>
    /// The entity object types (their JSON results get `__typename`).
    let objectTypes: Set<String>
    let resolvers: [String: EntityResolver]
    /// The most representations one `_entities` field accepts.
    let maxRepresentations: Int
    /// Where the Swift types of `.source` results are recorded for `_Entity`.
    let sourceTypes: SourceTypeNames

    /// The field resolver to install on `Query._entities`.
    var resolver: FieldResolver {
        { _, arguments, info in
            guard case .list(let representations)? = arguments["representations"] else {
                throw GraphQLError(message: "The \"representations\" argument must be a list.")
            }
            guard representations.count <= maxRepresentations else {
                throw GraphQLError(
                    message: "_entities accepts at most \(maxRepresentations) representations; \(representations.count) were sent.",
                    extensions: [.init("code", .string("TOO_MANY_REPRESENTATIONS"))])
            }
            return .async { await self.resolve(representations, info: info) }
        }
    }

    private enum Slot {
        case failed(any Error)
        case batch(type: String, position: Int)
    }

    func resolve(_ representations: [GraphQLValue], info: ResolveInfo) async -> ResolvedValue {
        var slots: [Slot] = []
        var groups: [String: [GraphQLObject]] = [:]
        var order: [String] = []
        for (index, representation) in representations.enumerated() {
            switch check(representation, index: index, schema: info.schema) {
            case .failure(let error):
                slots.append(.failed(error))
            case .success(let (typeName, object)):
                if groups[typeName] == nil { order.append(typeName) }
                slots.append(.batch(type: typeName, position: groups[typeName, default: []].count))
                groups[typeName, default: []].append(object)
            }
        }
        let outcomes = await withTaskGroup(of: (String, Result<[ResolvedValue], any Error>).self) { group in
            for typeName in order {
                guard let resolver = resolvers[typeName], let batch = groups[typeName] else { continue }
                group.addTask {
                    do {
                        let values = try await resolver(batch, info)
                        guard values.count == batch.count else {
                            throw GraphQLError(
                                message: "The entity resolver of type \"\(typeName)\" returned \(values.count) values for \(batch.count) representations.")
                        }
                        return (typeName, .success(values))
                    } catch {
                        return (typeName, .failure(error))
                    }
                }
            }
            var outcomes: [String: Result<[ResolvedValue], any Error>] = [:]
            for await (typeName, outcome) in group { outcomes[typeName] = outcome }
            return outcomes
        }
        return .list(
            slots.map { slot -> ResolvedValue in
                switch slot {
                case .failed(let error):
                    return .async { throw error }
                case .batch(let typeName, let position):
                    switch outcomes[typeName] {
                    case .success(let values)?:
                        return objectTypes.contains(typeName) ? tagged(values[position], typeName: typeName) : values[position]
                    case .failure(let error)?:
                        return .async { throw error }
                    case nil:
                        return .async { throw GraphQLError(message: "No entity resolver is registered for type \"\(typeName)\".") }
                    }
                }
            })
    }

    /// The type and object of a well-formed representation of an entity, or why it is not one.
    private func check(_ representation: GraphQLValue, index: Int, schema: GraphQLSchema) -> Result<(String, GraphQLObject), GraphQLError> {
        guard case .object(let object) = representation, case .string(let typeName)? = object["__typename"] else {
            return .failure(GraphQLError(message: "Representation \(index) is not an object with a \"__typename\" string."))
        }
        guard schema.type(named: typeName) != nil else {
            return .failure(GraphQLError(message: "Representation \(index) names type \"\(typeName)\", which this subgraph does not define."))
        }
        guard entityTypes.contains(typeName) else {
            return .failure(GraphQLError(message: "Representation \(index) names type \"\(typeName)\", which is not an entity of this subgraph (it has no resolvable @key)."))
        }
        guard resolvers[typeName] != nil else {
            return .failure(GraphQLError(message: "No entity resolver is registered for type \"\(typeName)\"."))
        }
        return .success((typeName, object))
    }

    /// Marks a result of a known object type so `_Entity` resolves it without help: a JSON object
    /// gets `__typename` (as `@apollo/subgraph` does), a `.source` value's Swift type is recorded.
    func tagged(_ value: ResolvedValue, typeName: String) -> ResolvedValue {
        switch value {
        case .value(.object(var object)) where object["__typename"] == nil:
            object["__typename"] = .string(typeName)
            return .value(.object(object))
        case .source:
            sourceTypes.learn(value, typeName: typeName)
            return value
        case .async(let work):
            return .async { tagged(try await work(), typeName: typeName) }
        default:
            return value
        }
    }
}
