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
    let pinning: SubworkflowPinning
    /// The tenant's tier caps steps per workflow and nesting depth; nil: only `options` apply.
    let tenants: TenantDirectory?

    public init(postgres: PostgresClient, options: DefinitionOptions = DefinitionOptions(), subworkflows: SubworkflowSettings = SubworkflowSettings()) {
        self.init(postgres: postgres, options: options, subworkflows: subworkflows, tenants: nil)
    }

    init(postgres: PostgresClient, options: DefinitionOptions = DefinitionOptions(), subworkflows: SubworkflowSettings, tenants: TenantDirectory?) {
        self.postgres = postgres
        self.options = options
        self.pinning = SubworkflowPinning(settings: subworkflows)
        self.tenants = tenants
    }

    /// Validates the document (structure, schemas, graph) and stores it as a new version.
    /// Invalid documents store nothing; a version number already published is a conflict.
    ///
    /// Sub-workflows: every `subworkflow` step's range is pinned to the highest published version
    /// inside it (`subworkflow_edges`); cycles and nesting beyond the depth limit are invalid; a
    /// version that falls inside a range a published parent depends on must be backward
    /// compatible with the version that range resolved to (`INCOMPATIBLE_VERSION` otherwise).
    public func publish(tenantID: String, document: JSONValue, publishedBy: String? = nil) async throws -> PublishedVersion {
        var options = self.options
        var pinning = self.pinning
        if let limits = try await tenants?.limits(for: tenantID) {
            options.maxSteps = min(options.maxSteps, limits.maxStepsPerWorkflow)
            pinning.settings.maxDepth = min(pinning.settings.maxDepth, limits.maxDepth)
        }
        let definition: WorkflowDefinition
        do {
            definition = try WorkflowDefinition.publishable(document, options: options)
        } catch {
            throw EngineError(.invalidDefinition, "The workflow definition is invalid.", details: error.errors.map(\.description))
        }
        let name = definition.name
        let version = definition.version
        let finalPinning = pinning
        return try await postgres.transaction { tx in
            try await WorkflowQueries.ensureTenant(tenantID, on: tx)
            // Publishes of one tenant take turns, so a compatibility check never misses an edge
            // that a concurrent publish is adding (publishing is rare; executions are not affected).
            try await WorkflowQueries.lockPublishing(tenantID: tenantID, on: tx)
            let pinned = try await finalPinning.pin(definition, tenantID: tenantID, on: tx)
            let workflowID = try await WorkflowQueries.upsertWorkflow(tenantID: tenantID, name: name, on: tx)
            try await finalPinning.checkCompatibility(definition, workflowID: workflowID, tenantID: tenantID, on: tx)
            guard let versionID = try await WorkflowQueries.insertVersion(
                tenantID: tenantID, workflowID: workflowID, version: version, definition: document, publishedBy: publishedBy, on: tx)
            else {
                throw EngineError(.versionConflict, "Version \(version) of workflow \"\(name)\" is already published; versions are immutable, publish a new version number.")
            }
            try await SubworkflowEdgeQueries.insert(tenantID: tenantID, edges: pinned.map { $0.edge(parentVersionID: versionID) }, on: tx)
            let handlers = definition.steps.enumerated().compactMap { offset, step -> (stepID: String, config: JSONValue)? in
                guard step.compensate != nil else { return nil }
                return (step.id, JSONPointer(tokens: ["steps", String(offset), "compensate"]).evaluate(in: document) ?? .null)
            }
            try await CompensationQueries.insertHandlers(tenantID: tenantID, versionID: versionID, handlers: handlers, on: tx)
            return PublishedVersion(workflowID: workflowID, versionID: versionID, name: name, version: version.description)
        }
    }

    /// Creates a workflow without a version (idempotent by name).
    public func createWorkflow(tenantID: String, name: String) async throws -> StoredWorkflow {
        if let problem = WorkflowDefinition.nameProblem(name) {
            throw EngineError(.invalidDefinition, "The workflow name \"\(name)\" is invalid: \(problem)")
        }
        return try await postgres.transaction { tx in
            try await WorkflowQueries.ensureTenant(tenantID, on: tx)
            let id = try await WorkflowQueries.upsertWorkflow(tenantID: tenantID, name: name, on: tx)
            guard let workflow = try await WorkflowQueries.workflow(tenantID: tenantID, id: id, on: tx) else {
                throw EngineError(.invalidState, "The workflow vanished while it was being created.")
            }
            return workflow
        }
    }

    /// A workflow by id, or nil (also for another tenant's workflow).
    public func workflow(tenantID: String, id: UUID) async throws -> StoredWorkflow? {
        try await WorkflowQueries.workflow(tenantID: tenantID, id: id, on: postgres)
    }

    /// A page of the tenant's workflows, newest first.
    public func workflows(tenantID: String, first: Int, after cursor: (Date, UUID)?) async throws -> [StoredWorkflow] {
        try await WorkflowQueries.workflows(tenantID: tenantID, limit: first, after: cursor, on: postgres)
    }

    /// A version by id, or nil.
    public func version(tenantID: String, id: UUID) async throws -> StoredWorkflowVersion? {
        try await WorkflowQueries.version(tenantID: tenantID, id: id, on: postgres)
    }

    /// Every published version of a workflow, newest first.
    public func versions(tenantID: String, name: String) async throws -> [StoredWorkflowVersion] {
        try await WorkflowQueries.versions(tenantID: tenantID, name: name, on: postgres)
    }

    /// One version, or nil.
    public func version(tenantID: String, name: String, version: String) async throws -> StoredWorkflowVersion? {
        try await WorkflowQueries.version(tenantID: tenantID, name: name, version: version, on: postgres)
    }

    // Batched reads: one statement for many ids, so a GraphQL list or a federation `_entities`
    // call costs a constant number of queries whatever its length.

    /// The tenant's workflows among `ids` (unknown ids are absent; order not kept).
    public func workflows(tenantID: String, ids: [UUID]) async throws -> [StoredWorkflow] {
        try await WorkflowQueries.workflows(tenantID: tenantID, ids: ids, on: postgres)
    }

    /// The tenant's versions among `ids` (unknown ids are absent; order not kept).
    public func versions(tenantID: String, ids: [UUID]) async throws -> [StoredWorkflowVersion] {
        try await WorkflowQueries.versions(tenantID: tenantID, ids: ids, on: postgres)
    }

    /// The versions of each workflow in `workflowIDs`, each workflow's newest first.
    public func versions(tenantID: String, workflowIDs: [UUID]) async throws -> [UUID: [StoredWorkflowVersion]] {
        Dictionary(grouping: try await WorkflowQueries.versions(tenantID: tenantID, workflowIDs: workflowIDs, on: postgres), by: \.workflowID)
    }
}
