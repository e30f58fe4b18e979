import Foundation
import Postgres

/// Parsed workflow definitions by version id. Versions are immutable, so entries never go stale;
/// parsing (and compiling schemas) once per process keeps it off every step's path. Loads go
/// through the caller's executor: a handler inside a transaction must not borrow a second pooled
/// connection, or a busy pool could deadlock.
actor DefinitionCache {
    private var definitions: [UUID: WorkflowDefinition] = [:]
    /// Version ids by tenant, workflow name and version number (immutable once published).
    private var versionIDs: [String: UUID] = [:]
    /// Pinned sub-workflow edges by parent version id (immutable once published).
    private var edges: [UUID: [String: SubworkflowEdge]] = [:]

    /// The child version a parent version's `subworkflow` step is pinned to, or nil.
    func edge(tenantID: String, parentVersionID: UUID, stepID: String, postgres: some PostgresExecutor) async throws -> SubworkflowEdge? {
        if let known = edges[parentVersionID] { return known[stepID] }
        let loaded = try await SubworkflowEdgeQueries.edges(tenantID: tenantID, parentVersionIDs: [parentVersionID], on: postgres)
        let byStep = Dictionary(loaded.map { ($0.stepID, $0) }, uniquingKeysWith: { first, _ in first })
        edges[parentVersionID] = byStep
        return byStep[stepID]
    }

    /// The version id and parsed definition of a published version, or nil if there is none.
    func version(tenantID: String, name: String, version: String, postgres: some PostgresExecutor) async throws -> (UUID, WorkflowDefinition)? {
        let key = "\(tenantID)\u{0}\(name)\u{0}\(version)"
        if let id = versionIDs[key], let definition = definitions[id] { return (id, definition) }
        guard let stored = try await WorkflowQueries.version(tenantID: tenantID, name: name, version: version, on: postgres) else { return nil }
        let definition = try await self.definition(tenantID: tenantID, versionID: stored.id, postgres: postgres)
        versionIDs[key] = stored.id
        return (stored.id, definition)
    }

    func definition(tenantID: String, versionID: UUID, postgres: some PostgresExecutor) async throws -> WorkflowDefinition {
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
