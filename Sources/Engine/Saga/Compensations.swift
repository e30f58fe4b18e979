import Foundation
import Postgres

/// What a compensation request answered: the plan in the order it runs (labels such as
/// `charge/debit`), and whether it only looked.
public struct CompensationPlanResult: Sendable {
    public let execution: ExecutionRecord
    public let dryRun: Bool
    public let steps: [String]
    /// What the call decided: `dry-run`, `started`, `already-compensated` or `nothing-to-compensate`.
    public let decision: String
}

/// Plans and starts compensations (sagas, DESIGN.md §6): automatically when an execution fails or
/// is cancelled (per its policy, through a `compensation-request` task enqueued in the same
/// transaction), and on an operator's request (`compensateExecution`). One compensation per
/// execution: asking again returns the first.
public struct Compensations: Sendable {
    let postgres: PostgresClient
    let definitions: DefinitionCache

    static let requestTaskKind = "compensation-request"
    static let itemTaskKind = "compensate"

    /// An operator's request: the plan from `fromStepID` back (every compensable completed step
    /// without it), run unless `dryRun`. The execution must have ended. Recorded in `audit_log`.
    public func compensate(tenantID: String, executionID: UUID, fromStepID: String?, dryRun: Bool, actor: String) async throws -> CompensationPlanResult {
        let details: JSONObject = ["fromStepId": fromStepID.map(JSONValue.string) ?? .null, "dryRun": .bool(dryRun)]
        let result: CompensationPlanResult = try await postgres.transaction { tx in
            guard let execution = try await ExecutionQueries.lock(tenantID: tenantID, id: executionID, on: tx) else {
                throw EngineError(.notFound, "Execution \(executionID) does not exist.")
            }
            guard execution.status.isTerminal else {
                throw EngineError(.invalidState, "Execution \(executionID) is \(execution.status.rawValue); cancel it (or let it end) before compensating it.")
            }
            let cause = CompensationCause.manual(fromStepID: fromStepID)
            if let existing = try await CompensationQueries.find(tenantID: tenantID, executionID: executionID, on: tx) {
                return CompensationPlanResult(execution: execution, dryRun: dryRun, steps: existing.plan.map(\.label), decision: "already-compensated")
            }
            if dryRun {
                let plan = try await self.plan(execution, cause: cause, on: tx)
                return CompensationPlanResult(execution: execution, dryRun: true, steps: plan.map(\.label), decision: "dry-run")
            }
            guard let (record, _) = try await self.start(execution, cause: cause, requestedBy: actor, on: tx) else {
                return CompensationPlanResult(execution: execution, dryRun: false, steps: [], decision: "nothing-to-compensate")
            }
            let refreshed = try await ExecutionQueries.find(tenantID: tenantID, id: executionID, on: tx) ?? execution
            return CompensationPlanResult(execution: refreshed, dryRun: false, steps: record.plan.map(\.label), decision: "started")
        }
        var recorded = details
        recorded["steps"] = .array(result.steps.map(JSONValue.string))
        try await audit(tenantID: tenantID, actor: actor, executionID: executionID, decision: result.decision, details: .object(recorded))
        return result
    }

    /// Records a refused request (the caller lacked the role) in `audit_log`.
    public func auditDenied(tenantID: String, actor: String, executionID: UUID?, reason: String) async throws {
        try await audit(tenantID: tenantID, actor: actor, executionID: executionID, decision: "denied", details: ["reason": .string(reason)])
    }

    private func audit(tenantID: String, actor: String, executionID: UUID?, decision: String, details: JSONValue) async throws {
        try await WorkflowQueries.ensureTenant(tenantID, on: postgres)
        try await CompensationQueries.audit(
            tenantID: tenantID, actor: actor, action: "execution.compensate", target: executionID?.uuidString.lowercased(),
            decision: decision, details: details, on: postgres)
    }

    /// The full plan of `execution`: its steps for `cause`, each sub-workflow step expanded into its
    /// children's plans (last element first) before the step's own handler.
    func plan(_ execution: ExecutionRecord, cause: CompensationCause, prefix: String = "", on db: some PostgresExecutor) async throws -> [CompensationItem] {
        let definition = try await definitions.definition(tenantID: execution.tenantID, versionID: execution.workflowVersionID, postgres: db)
        let runs = try await StepRunQueries.all(tenantID: execution.tenantID, executionID: execution.id, on: db)
        var items: [CompensationItem] = []
        for step in try CompensationPlanner.plan(definition, runs: runs, cause: cause) {
            if step.undoesChildren {
                let children = try await ExecutionQueries.children(tenantID: execution.tenantID, parentID: execution.id, stepID: step.stepID, on: db)
                let succeeded = Dictionary(grouping: children.filter { $0.status == .succeeded }) { $0.parent?.iteration ?? 0 }
                let forEach = definition.step(step.stepID)?.forEach != nil
                for iteration in succeeded.keys.sorted(by: >) {
                    guard let child = succeeded[iteration]?.last else { continue }
                    let label = prefix + step.stepID + (forEach ? "[\(iteration)]" : "") + "/"
                    items += try await plan(child, cause: .nested, prefix: label, on: db)
                }
            }
            if step.hasHandler, let handler = definition.step(step.stepID)?.compensate {
                items.append(CompensationItem(
                    executionID: execution.id, stepID: step.stepID, label: prefix + step.stepID, attempts: max(handler.retry?.attempts ?? 1, 1)))
            }
        }
        return items
    }

    /// Starts compensating `execution` (whose row the caller has locked): stores the plan, marks
    /// each step REQUESTED with a `COMPENSATE_REQUESTED` event, and enqueues the first handlers.
    /// Returns the compensation and whether this call created it; nil when there is nothing to undo.
    func start(_ execution: ExecutionRecord, cause: CompensationCause, requestedBy: String?, on tx: PostgresTransaction) async throws -> (CompensationRecord, Bool)? {
        if let existing = try await CompensationQueries.find(tenantID: execution.tenantID, executionID: execution.id, on: tx) { return (existing, false) }
        let planned = try await plan(execution, cause: cause, on: tx)
        // Lock the children involved (parent → child, like every path), then keep only the steps
        // no other compensation took meanwhile: a child's own compensation holds its lock while it
        // marks its steps, so after the lock the statuses are settled.
        for id in Set(planned.map(\.executionID)).subtracting([execution.id]).sorted(by: { $0.uuidString < $1.uuidString }) {
            _ = try await ExecutionQueries.lock(tenantID: execution.tenantID, id: id, on: tx)
        }
        let taken = try await CompensationQueries.itemStatuses(planned, on: tx)
        let items = planned.filter { taken[$0] == nil }
        guard !items.isEmpty else { return nil }
        let definition = try await definitions.definition(tenantID: execution.tenantID, versionID: execution.workflowVersionID, postgres: tx)
        let mode = CompensationPlanner.mode(definition, cause: cause)
        guard let record = try await CompensationQueries.insert(
            id: UUID(), tenantID: execution.tenantID, executionID: execution.id, trigger: cause.name, plan: items, mode: mode.order,
            parallelism: mode.parallelism, requestedBy: requestedBy, on: tx)
        else {
            throw EngineError(.invalidState, "Execution \(execution.id) started compensating concurrently; ask again to see its plan.")
        }
        try await CompensationQueries.setItemStatus(items, "REQUESTED", on: tx)
        let involved = [execution.id] + items.map(\.executionID).filter { $0 != execution.id }
        for (index, item) in items.enumerated() {
            try await EventQueries.append(
                tenantID: execution.tenantID, executionID: item.executionID, type: .compensateRequested, stepID: item.stepID,
                payload: ["cause": .string(cause.name), "label": .string(item.label), "position": .int(Int64(index)),
                          "compensationId": .string(record.id.uuidString.lowercased())], on: tx)
        }
        try await CompensationQueries.setState(involved, "REQUESTED", on: tx)
        try await Self.enqueueNext(record, on: tx)
        return (record, true)
    }

    /// Makes sure the next handlers have tasks: the first `parallelism` items (in plan order) that
    /// are not completed. Task unique keys make this idempotent. Returns false when every item
    /// is completed.
    @discardableResult
    static func enqueueNext(_ record: CompensationRecord, on tx: PostgresTransaction) async throws -> Bool {
        let statuses = try await CompensationQueries.itemStatuses(record.plan, on: tx)
        let open = record.plan.enumerated().filter { statuses[$0.element] != "COMPLETED" }
        for (index, item) in open.prefix(max(record.parallelism, 1)) {
            _ = try await TaskQueries.insert(NewTask(
                tenantID: record.tenantID, kind: itemTaskKind,
                payload: JSONValue.object(["compensationId": .string(record.id.uuidString.lowercased()), "index": .int(Int64(index))]).serialized(),
                maxAttempts: item.attempts, uniqueKey: "compensate/\(record.id.uuidString.lowercased())/\(index)"), on: tx)
        }
        return !open.isEmpty
    }
}
