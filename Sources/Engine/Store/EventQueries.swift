import Foundation
import Postgres

/// What happened to an execution; stored in `execution_events.event_type`.
public enum ExecutionEventType: String, Sendable, CaseIterable {
    case executionCreated = "EXECUTION_CREATED"
    case executionStarted = "EXECUTION_STARTED"
    case stepScheduled = "STEP_SCHEDULED"
    case stepStarted = "STEP_STARTED"
    case stepSucceeded = "STEP_SUCCEEDED"
    case stepRetrying = "STEP_RETRYING"
    case stepFailed = "STEP_FAILED"
    case executionSucceeded = "EXECUTION_SUCCEEDED"
    case executionFailed = "EXECUTION_FAILED"
    case executionCancelled = "EXECUTION_CANCELLED"
    case subworkflowStarted = "SUBWORKFLOW_STARTED"
    case subworkflowEnded = "SUBWORKFLOW_ENDED"
    case subworkflowCircuitOpen = "SUBWORKFLOW_CIRCUIT_OPEN"
    case compensateRequested = "COMPENSATE_REQUESTED"
    case compensateStarted = "COMPENSATE_STARTED"
    case compensateCompleted = "COMPENSATE_COMPLETED"
    case compensateFailed = "COMPENSATE_FAILED"
    case executionCompensationFailed = "EXECUTION_COMPENSATION_FAILED"
}

/// One stored event.
public struct ExecutionEvent: Sendable {
    public let executionID: UUID
    public let sequence: Int
    public let type: String
    public let stepID: String?
    public let payload: JSONValue
    public let createdAt: Date
    public let hash: String
}

/// An event waiting in an ``EventBatch``.
struct PendingEvent: Sendable {
    let type: ExecutionEventType
    let stepID: String?
    let payload: JSONValue
}

/// The events (and inline step runs) one transaction writes for one execution, written together
/// just before it commits (``flush(on:)``): one statement for all the step runs and one for all
/// the events, instead of one statement each. A step with fused successors writes a dozen rows.
/// Callers flush before anything else appends events directly, so the order in the log is the
/// order of the calls.
final class EventBatch {
    let tenantID: String
    let executionID: UUID
    private var pending: [PendingEvent] = []
    private var stepRuns: [InlineStepRun] = []

    init(tenantID: String, executionID: UUID) {
        self.tenantID = tenantID
        self.executionID = executionID
    }

    func add(_ type: ExecutionEventType, stepID: String? = nil, payload: JSONValue = .object(JSONObject())) {
        pending.append(PendingEvent(type: type, stepID: stepID, payload: payload))
    }

    /// Adds the run of a step that started and ended in this transaction.
    func addStepRun(_ run: InlineStepRun) {
        stepRuns.append(run)
    }

    func flush(on tx: PostgresTransaction) async throws {
        _ = try await flush(on: tx, returningEvents: false)
    }

    /// Flushes and, with `returningEvents`, returns the events as stored (sequence, hash, time).
    func flush(on tx: PostgresTransaction, returningEvents: Bool) async throws -> [ExecutionEvent] {
        let (events, runs) = (pending, stepRuns)
        pending = []
        stepRuns = []
        try await StepRunQueries.ranInline(tenantID: tenantID, executionID: executionID, runs: runs, on: tx)
        return try await EventQueries.append(tenantID: tenantID, executionID: executionID, events: events, returningEvents: returningEvents, on: tx)
    }
}

/// Statements on `execution_events`: append (hash-chained) and read.
///
/// The hash is computed by Postgres over the stored text of the payload
/// (`sha256(previous_hash | sequence | type | step | payload::text)`), so verification recomputes
/// exactly what was stored even though jsonb normalises key order and spacing.
enum EventQueries {
    static let genesisHash = String(repeating: "0", count: 64)

    /// The SHA-256 that chains an event to the one before, as SQL over the given expressions.
    /// The one definition both appending and verification use.
    static func hashExpression(
        previous: String = "previous_hash", sequence: String = "sequence", type: String = "event_type",
        step: String = "step_id", payload: String = "payload"
    ) -> String {
        "encode(sha256(convert_to(\(previous) || '|' || \(sequence) || '|' || \(type) || '|' || COALESCE(\(step), '') || '|' || \(payload)::text, 'UTF8')), 'hex')"
    }

    /// Appends an event. Callers hold the execution's row lock (``ExecutionQueries/lock``), which
    /// makes reading the last sequence and writing the next one safe.
    static func append(
        tenantID: String, executionID: UUID, type: ExecutionEventType, stepID: String? = nil, payload: JSONValue = .object(JSONObject()),
        on db: some PostgresExecutor
    ) async throws {
        try await append(tenantID: tenantID, executionID: executionID, events: [PendingEvent(type: type, stepID: stepID, payload: payload)], on: db)
    }

    /// Appends several events of one execution in one statement, chained in order: a recursive
    /// CTE computes each hash from the one before with the same expression verification
    /// recomputes. Same locking rule as the single append. With `returningEvents` it returns the
    /// stored events (one launch answers its caller with them instead of reading them back).
    @discardableResult
    static func append(
        tenantID: String, executionID: UUID, events: [PendingEvent], returningEvents: Bool = false, on db: some PostgresExecutor
    ) async throws -> [ExecutionEvent] {
        guard !events.isEmpty else { return [] }
        func link(_ previous: String, _ sequence: String) -> String {
            hashExpression(previous: previous, sequence: sequence, type: "i.event_type", step: "i.step_id", payload: "i.payload")
        }
        let sql = """
            WITH RECURSIVE previous AS (
                SELECT COALESCE(max(sequence), 0) AS sequence,
                       COALESCE((SELECT hash FROM execution_events WHERE execution_id = $2 ORDER BY sequence DESC LIMIT 1), $6) AS hash
                FROM execution_events WHERE execution_id = $2
            ), input AS (
                SELECT * FROM unnest($3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS t(event_type, step_id, payload, ord)
            ), chain AS (
                SELECT i.ord, p.sequence + 1 AS sequence, i.event_type, i.step_id, i.payload, p.hash AS previous_hash,
                       \(link("p.hash", "(p.sequence + 1)")) AS hash
                FROM previous p JOIN input i ON i.ord = 1
                UNION ALL
                SELECT i.ord, c.sequence + 1, i.event_type, i.step_id, i.payload, c.hash,
                       \(link("c.hash", "(c.sequence + 1)"))
                FROM chain c JOIN input i ON i.ord = c.ord + 1
            ), inserted AS (
                INSERT INTO execution_events (tenant_id, execution_id, sequence, event_type, step_id, payload, previous_hash, hash)
                SELECT $1, $2, sequence, event_type, step_id, payload, previous_hash, hash FROM chain
                RETURNING execution_id, sequence, event_type, step_id, payload, created_at, hash
            )
            SELECT \(returningEvents ? "execution_id, sequence, event_type, step_id, payload::text AS payload, created_at, hash, " : "")
                   pg_notify('maestro_events', $2::text) FROM inserted ORDER BY sequence
            """
        let parameters: [any PostgresEncodable] = [
            tenantID, executionID, events.map(\.type.rawValue), events.map(\.stepID), events.map(\.payload), genesisHash,
        ]
        guard returningEvents else {
            try await db.execute(sql, parameters)
            return []
        }
        return try await db.query(sql, parameters).map(decode)
    }

    static func all(tenantID: String, executionID: UUID, after sequence: Int = 0, limit: Int? = nil, on db: some PostgresExecutor) async throws -> [ExecutionEvent] {
        try await db.query("""
            SELECT execution_id, sequence, event_type, step_id, payload::text AS payload, created_at, hash
            FROM execution_events WHERE tenant_id = $1 AND execution_id = $2 AND sequence > $3 ORDER BY sequence LIMIT $4
            """, [tenantID, executionID, sequence, limit]).map(decode)
    }

    /// The events of several executions after `sequence` in one statement, grouped by execution, in order.
    static func all(tenantID: String, executionIDs: [UUID], after sequence: Int = 0, on db: some PostgresExecutor) async throws -> [ExecutionEvent] {
        try await db.query("""
            SELECT execution_id, sequence, event_type, step_id, payload::text AS payload, created_at, hash
            FROM execution_events WHERE tenant_id = $1 AND execution_id = ANY($2::uuid[]) AND sequence > $3 ORDER BY execution_id, sequence
            """, [tenantID, executionIDs, sequence]).map(decode)
    }

    private static func decode(_ row: PostgresRow) throws -> ExecutionEvent {
        ExecutionEvent(
            executionID: try row.decode("execution_id"), sequence: try row.decode("sequence"), type: try row.decode("event_type"),
            stepID: try row.decodeIfPresent("step_id"), payload: try row.decode("payload"), createdAt: try row.decode("created_at"),
            hash: try row.decode("hash"))
    }

    /// Recomputes the chain; returns the sequence numbers of events whose hash or link is wrong.
    static func brokenLinks(tenantID: String, executionID: UUID, on db: some PostgresExecutor) async throws -> [Int] {
        try await db.query("""
            SELECT sequence,
                   hash = \(hashExpression()) AS hash_ok,
                   previous_hash = lag(hash, 1, $3) OVER (ORDER BY sequence) AS link_ok,
                   sequence = row_number() OVER (ORDER BY sequence) AS sequence_ok
            FROM execution_events WHERE tenant_id = $1 AND execution_id = $2 ORDER BY sequence
            """, [tenantID, executionID, genesisHash]).compactMap { row in
            let ok = try row.decode("hash_ok", as: Bool.self) && row.decode("link_ok", as: Bool.self) && row.decode("sequence_ok", as: Bool.self)
            return ok ? nil : try row.decode("sequence", as: Int.self)
        }
    }
}
