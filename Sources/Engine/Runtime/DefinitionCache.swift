import Foundation
import Postgres

/// Parsed workflow definitions by version id. Versions are immutable, so entries never go stale;
/// parsing (and compiling schemas) once per process keeps it off every step's path.
actor DefinitionCache {
    private var definitions: [UUID: WorkflowDefinition] = [:]

    func definition(tenantID: String, versionID: UUID, postgres: PostgresClient) async throws -> WorkflowDefinition {
        if let cached = definitions[versionID] { return cached }
        guard let stored = try await WorkflowQueries.version(tenantID: tenantID, id: versionID, on: postgres) else {
            throw EngineError(.notFound, "Workflow version \(versionID) does not exist.")
        }
        let definition: WorkflowDefinition
        do {
            definition = try WorkflowDefinition(parsing: stored.definition)
        } catch {
            throw EngineError(.invalidDefinition, "The stored definition of \(stored.name)@\(stored.version) no longer parses.", details: error.errors.map(\.description))
        }
        definitions[versionID] = definition
        return definition
    }
}
