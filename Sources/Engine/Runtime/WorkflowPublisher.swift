import Foundation
import Postgres

/// What publishing stored.
public struct PublishedVersion: Sendable, Equatable {
    public let workflowID: UUID
    public let versionID: UUID
    public let name: String
    public let version: String
}

/// Publishes immutable workflow versions.
public struct WorkflowPublisher: Sendable {
    let postgres: PostgresClient
    let options: DefinitionOptions

    public init(postgres: PostgresClient, options: DefinitionOptions = DefinitionOptions()) {
        self.postgres = postgres
        self.options = options
    }

    /// Validates the document (structure, schemas, graph) and stores it as a new version.
    /// Invalid documents store nothing; a version number already published is a conflict.
    public func publish(tenantID: String, document: JSONValue, publishedBy: String? = nil) async throws -> PublishedVersion {
        let definition: WorkflowDefinition
        do {
            definition = try WorkflowDefinition.publishable(document, options: options)
        } catch {
            throw EngineError(.invalidDefinition, "The workflow definition is invalid.", details: error.errors.map(\.description))
        }
        let name = definition.name
        let version = definition.version
        return try await postgres.transaction { tx in
            try await WorkflowQueries.ensureTenant(tenantID, on: tx)
            let workflowID = try await WorkflowQueries.upsertWorkflow(tenantID: tenantID, name: name, on: tx)
            guard let versionID = try await WorkflowQueries.insertVersion(
                tenantID: tenantID, workflowID: workflowID, version: version, definition: document, publishedBy: publishedBy, on: tx)
            else {
                throw EngineError(.versionConflict, "Version \(version) of workflow \"\(name)\" is already published; versions are immutable, publish a new version number.")
            }
            return PublishedVersion(workflowID: workflowID, versionID: versionID, name: name, version: version.description)
        }
    }

    /// Every published version of a workflow, newest first.
    public func versions(tenantID: String, name: String) async throws -> [StoredWorkflowVersion] {
        try await WorkflowQueries.versions(tenantID: tenantID, name: name, on: postgres)
    }

    /// One version, or nil.
    public func version(tenantID: String, name: String, version: String) async throws -> StoredWorkflowVersion? {
        try await WorkflowQueries.version(tenantID: tenantID, name: name, version: version, on: postgres)
    }
}
