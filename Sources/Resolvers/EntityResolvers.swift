import Engine
import Foundation
import GraphQLCore

/// Federation entity resolvers: a gateway's `_entities(representations:)` call resolves every
/// representation of a type with one batched query, in the caller's tenant (another tenant's
/// id, like an unknown one, resolves to null).
///
/// Each resolver takes all the representations of one `__typename` and returns one value per
/// representation, in order. The signature is GraphQLCore's only, so this module stays free of
/// HTTP and federation plumbing; `Subgraph` installs these on the federated schema.
public enum EntityResolvers {
    public typealias BatchResolver = @Sendable (_ representations: [GraphQLObject], _ info: ResolveInfo) async throws -> [ResolvedValue]

    /// The resolvers by entity type name.
    public static var all: [String: BatchResolver] {
        [
            "Workflow": { representations, info in
                let context = try info.apiContext()
                return try await resolve(representations) { try await context.engine.publisher.workflows(tenantID: context.tenantID, ids: $0) }
            },
            "WorkflowVersion": { representations, info in
                let context = try info.apiContext()
                return try await resolve(representations) { try await context.engine.publisher.versions(tenantID: context.tenantID, ids: $0) }
            },
            "Execution": { representations, info in
                let context = try info.apiContext()
                return try await resolve(representations) { try await context.engine.executions.get(tenantID: context.tenantID, ids: $0) }
            },
            // No bulk job exists before bulk jobs land, so every Job reference is unknown: null.
            "Job": { representations, _ in representations.map { _ in .null } },
        ]
    }

    /// Reads the `id` key of each representation, loads all known ids with one call, and answers
    /// in the representations' order; a malformed id is an error for that item alone.
    private static func resolve<Record: Identified>(
        _ representations: [GraphQLObject], load: ([UUID]) async throws -> [Record]
    ) async throws -> [ResolvedValue] {
        let ids = representations.map { representation -> UUID? in
            guard case .string(let text)? = representation["id"] else { return nil }
            return UUID(uuidString: text)
        }
        let found = try await load(Array(Set(ids.compactMap { $0 })))
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return zip(representations, ids).map { representation, id in
            guard let id else {
                let shown = representation["id"].map { $0.jsonString } ?? "nothing"
                return .async {
                    throw GraphQLError(message: "A representation's \"id\" must be an id (a UUID), not \(shown).", extensions: [.init("code", .string("BAD_USER_INPUT"))])
                }
            }
            return byID[id].map { .source($0) } ?? .null
        }
    }
}

/// Engine records with a UUID `id`.
protocol Identified: Sendable {
    var id: UUID { get }
}

extension StoredWorkflow: Identified {}
extension StoredWorkflowVersion: Identified {}
extension ExecutionRecord: Identified {}
