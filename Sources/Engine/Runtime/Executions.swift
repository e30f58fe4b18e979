import Foundation
import Postgres

/// Starts, cancels and reads executions.
public struct Executions: Sendable {
    let postgres: PostgresClient
    let definitions: DefinitionCache
    let environment: [String: String]

    /// - Parameter environment: values templates read as `{{env.NAME}}`.
    public init(postgres: PostgresClient, environment: [String: String] = [:]) {
        self.init(postgres: postgres, definitions: DefinitionCache(), environment: environment)
    }

    init(postgres: PostgresClient, definitions: DefinitionCache, environment: [String: String]) {
        self.postgres = postgres
        self.definitions = definitions
        self.environment = environment
    }

    /// Starts an execution of a published version.
    ///
    /// The input is validated against the version's `inputSchema` before anything is stored. With
    /// an idempotency key, starting again with the same key returns the first execution.
    public func start(
        tenantID: String, workflow name: String, version: String, input: JSONValue, idempotencyKey: String? = nil, priority: TaskPriority = .standard
    ) async throws -> ExecutionRecord {
        try await launch(tenantID: tenantID, workflow: name, version: version, input: input, idempotencyKey: idempotencyKey, priority: priority).record
    }

    /// ``start(tenantID:workflow:version:input:idempotencyKey:priority:)``, answering with what the
    /// launch wrote (its events) for a caller that describes the new execution; an execution found
    /// by its idempotency key comes without them.
    ///
    /// `admit` (the API's admission control) runs only when the request would create an
    /// execution, before anything is read or stored for it: a retry that repeats an idempotency key
    /// gets its first execution back without spending budget or being refused. `traceID` (32 hex
    /// digits, the caller's W3C trace) puts the execution into the caller's trace; nil starts one.
    public func launch(
        tenantID: String, workflow name: String, version: String, input: JSONValue, idempotencyKey: String? = nil, priority: TaskPriority = .standard,
        traceID: String? = nil, admit: (@Sendable () async throws -> Void)? = nil
    ) async throws -> LaunchedExecution {
        if let idempotencyKey, let existing = try await ExecutionQueries.find(tenantID: tenantID, idempotencyKey: idempotencyKey, on: postgres) {
            return LaunchedExecution(record: existing, events: nil)
        }
        try await admit?()
        guard let (versionID, definition) = try await definitions.version(tenantID: tenantID, name: name, version: version, postgres: postgres) else {
            throw EngineError(.notFound, "Workflow \"\(name)\" has no published version \(version).")
        }
        let problems = definition.inputSchema.validate(input)
        guard problems.isEmpty else {
            throw EngineError(.invalidInput, "The input does not match the inputSchema of \(name)@\(version).", details: problems.map(\.description))
        }
        let environment = self.environment
        do {
            return try await postgres.transaction { tx in
                try await ExecutionLauncher.launch(
                    tenantID: tenantID, versionID: versionID, definition: definition, input: input, idempotencyKey: idempotencyKey,
                    placement: .root(traceID: traceID ?? Self.newTraceID(), priority: priority), environment: environment, returningEvents: true, on: tx)
            }
        } catch let error as PostgresError where error.sqlState == SQLState.uniqueViolation && idempotencyKey != nil {
            // Another request with the same key won the race: answer with its execution.
            if let idempotencyKey, let existing = try await ExecutionQueries.find(tenantID: tenantID, idempotencyKey: idempotencyKey, on: postgres) {
                return LaunchedExecution(record: existing, events: nil)
            }
            throw error
        }
    }

    /// Cancels an execution: it ends as CANCELLED, its pending steps never start, running steps
    /// finish but change nothing, and its running sub-workflows are cancelled with it. Cancelling
    /// an ended execution returns it unchanged.
    @discardableResult
    public func cancel(tenantID: String, id: UUID) async throws -> ExecutionRecord {
        try await postgres.transaction { tx in
            guard let execution = try await ExecutionQueries.lock(tenantID: tenantID, id: id, on: tx) else {
                throw EngineError(.notFound, "Execution \(id) does not exist.")
            }
            if execution.status.isTerminal { return execution }
            try await ExecutionQueries.finish(id, status: .cancelled, output: nil, error: nil, on: tx)
            try await EventQueries.append(tenantID: tenantID, executionID: id, type: .executionCancelled, on: tx)
            try await TaskQueries.cancelReady(executionID: id, on: tx)
            try await ExecutionEnding.ended(execution, status: .cancelled, on: tx)
            return try await ExecutionQueries.find(tenantID: tenantID, id: id, on: tx) ?? execution
        }
    }

    /// One execution, or nil (also for another tenant's execution).
    public func get(tenantID: String, id: UUID) async throws -> ExecutionRecord? {
        try await ExecutionQueries.find(tenantID: tenantID, id: id, on: postgres)
    }

    /// The runs of every step of an execution.
    /// Where an execution's event log stands, for a stream that follows it to the end: the log of
    /// an ended execution still grows while its compensation is requested or running, and is
    /// settled only when neither is the case. Nil for an execution the tenant does not have.
    public func logProgress(tenantID: String, id: UUID) async throws -> ExecutionLogProgress? {
        try await ExecutionQueries.logProgress(tenantID: tenantID, id: id, requestKey: CompensationRequestHandler.uniqueKey(executionID: id), on: postgres)
    }

    public func stepRuns(tenantID: String, id: UUID) async throws -> [StepRunRecord] {
        try await StepRunQueries.all(tenantID: tenantID, executionID: id, on: postgres)
    }

    /// The execution's events after `sequence`, in order, at most `limit` of them.
    public func events(tenantID: String, id: UUID, after sequence: Int = 0, limit: Int? = nil) async throws -> [ExecutionEvent] {
        try await EventQueries.all(tenantID: tenantID, executionID: id, after: sequence, limit: limit, on: postgres)
    }

    // Batched reads: one statement for many ids (see WorkflowPublisher).

    /// The tenant's executions among `ids` (unknown ids are absent; order not kept).
    public func get(tenantID: String, ids: [UUID]) async throws -> [ExecutionRecord] {
        try await ExecutionQueries.find(tenantID: tenantID, ids: ids, on: postgres)
    }

    /// The children of each execution in `ids`, in (step, element, attempt) order.
    public func children(tenantID: String, ids: [UUID]) async throws -> [UUID: [ExecutionRecord]] {
        Dictionary(grouping: try await ExecutionQueries.children(tenantID: tenantID, parentIDs: ids, on: postgres)) { $0.parent?.executionID ?? $0.id }
    }

    /// The step runs of each execution in `ids`, each in start order.
    public func stepRuns(tenantID: String, ids: [UUID]) async throws -> [UUID: [StepRunRecord]] {
        Dictionary(grouping: try await StepRunQueries.all(tenantID: tenantID, executionIDs: ids, on: postgres), by: \.executionID)
    }

    /// The events after `sequence` of each execution in `ids`, each in order.
    public func events(tenantID: String, ids: [UUID], after sequence: Int = 0) async throws -> [UUID: [ExecutionEvent]] {
        Dictionary(grouping: try await EventQueries.all(tenantID: tenantID, executionIDs: ids, after: sequence, on: postgres), by: \.executionID)
    }

    /// A page of the tenant's executions, newest first, after the keyset cursor, optionally
    /// filtered by workflow and status.
    public func list(
        tenantID: String, workflowID: UUID? = nil, status: ExecutionStatus? = nil, first: Int, after cursor: (Date, UUID)? = nil
    ) async throws -> [ExecutionRecord] {
        try await ExecutionQueries.list(tenantID: tenantID, workflowID: workflowID, status: status, limit: first, after: cursor, on: postgres)
    }

    /// Recomputes the event hash chain; returns the sequence numbers that fail (empty = intact).
    public func verifyEvents(tenantID: String, id: UUID) async throws -> [Int] {
        try await EventQueries.brokenLinks(tenantID: tenantID, executionID: id, on: postgres)
    }

    /// A W3C trace id: 16 random bytes as 32 hex digits.
    static func newTraceID() -> String {
        Hex.random(bytes: 16)
    }
}
