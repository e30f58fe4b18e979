import Foundation

/// Why a compensation runs.
public enum CompensationCause: Sendable, Hashable {
    /// A step failed for good: its transaction scope is undone, if the scope's policy says so.
    case error(stepID: String)
    /// The execution was cancelled: every scope whose policy says so is undone.
    case cancel
    /// An operator asked: every compensable step that completed (from `fromStepID` back, when given).
    case manual(fromStepID: String?)
    /// The execution is a child whose parent step is being undone: all of it.
    case nested

    /// The value stored in `compensations.trigger`.
    var name: String {
        switch self {
        case .error: return "error"
        case .cancel: return "cancel"
        case .manual: return "manual"
        case .nested: return "nested"
        }
    }
}

/// Decides which completed steps of one execution are compensated, and in which order (a pure
/// function of the definition and the step runs; the runner expands sub-workflow steps into their
/// children's plans).
///
/// A step is compensated when it is eligible for the cause (see ``CompensationCause``), has a
/// `compensate` handler or is a `subworkflow` step (its child is undone, nested), and its forward
/// run may have taken effect: it succeeded, failed after an attempt timed out, or was still running when the
/// execution ended (its effect is unknown; the handler waits for that attempt to end and is
/// skipped if it then fails cleanly). Steps that never started are left alone, and so are steps
/// already compensated. The order is reverse completion order, running steps first.
public enum CompensationPlanner {
    /// One step to undo.
    public struct Step: Sendable, Hashable {
        public let stepID: String
        /// A `subworkflow` step: undo its children first.
        public let undoesChildren: Bool
        /// The step has its own handler (runs after its children's).
        public let hasHandler: Bool
    }

    /// The steps to undo, last completed first.
    /// - Throws: `EngineError(.invalidInput)` when `fromStepID` is not a step that can be compensated.
    public static func plan(_ definition: WorkflowDefinition, runs: [StepRunRecord], cause: CompensationCause) throws -> [Step] {
        var candidates: [(step: StepDefinition, run: StepRunRecord, position: Int)] = []
        // A step another compensation already includes (any status) is left to it: one handler
        // must never run under two plans.
        for run in runs where run.iteration == 0 && run.compensationStatus == nil {
            guard let position = definition.steps.firstIndex(where: { $0.id == run.stepID }) else { continue }
            let step = definition.steps[position]
            guard eligible(step, definition: definition, cause: cause) else { continue }
            let completed = mayHaveTakenEffect(run, step)
            // A subworkflow step is a candidate whatever its own status: a failed or interrupted
            // fan-out may have children that succeeded, and they are undone (the runner expands
            // only succeeded children). Its own handler runs only if the step completed.
            guard completed || step.type.kind == .subworkflow, step.compensate != nil || step.type.kind == .subworkflow else { continue }
            candidates.append((step, run, position))
        }
        candidates.sort { a, b in
            switch (a.run.finishedAt, b.run.finishedAt) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return true  // still open (a timed-out run) counts as last
            case (_?, nil): return false
            default: return a.position > b.position
            }
        }
        if case .manual(let from?) = cause {
            guard let start = candidates.firstIndex(where: { $0.step.id == from }) else {
                throw EngineError(.invalidInput, "Step \"\(from)\" did not complete or has nothing to compensate, so the plan cannot start from it.")
            }
            candidates = Array(candidates[start...])
        }
        return candidates.map { candidate in
            let completed = mayHaveTakenEffect(candidate.run, candidate.step)
            return Step(
                stepID: candidate.step.id, undoesChildren: candidate.step.type.kind == .subworkflow,
                hasHandler: candidate.step.compensate != nil && completed)
        }
    }

    /// Whether a step's forward run may have had its effect: it succeeded, timed out, or (for a
    /// step that calls out, not a `subworkflow` step, whose children are undone on their own) is
    /// still running.
    static func mayHaveTakenEffect(_ run: StepRunRecord, _ step: StepDefinition) -> Bool {
        switch run.status {
        case "SUCCEEDED": return true
        case "FAILED": return effectUnknown(run.error)
        case "RUNNING": return step.type.kind != .subworkflow
        default: return false
        }
    }

    /// Whether a failed run's effect is unknown: its last attempt timed out, or an earlier one did
    /// (a retry that then failed cleanly says nothing about the attempt that timed out).
    static func effectUnknown(_ error: JSONValue?) -> Bool {
        error?["timedOut"] == true || error?["earlierAttemptTimedOut"] == true
    }

    /// The order and parallelism for `cause`: the failed step's scope decides for an error, the
    /// workflow's settings otherwise.
    public static func mode(_ definition: WorkflowDefinition, cause: CompensationCause) -> (order: CompensationOrder, parallelism: Int) {
        var scope: String?
        if case .error(let stepID) = cause { scope = definition.step(stepID)?.transaction }
        let settings = definition.policy.compensation(forScope: scope)
        return (settings.order, settings.order == .sequential ? 1 : settings.parallelism)
    }

    private static func eligible(_ step: StepDefinition, definition: WorkflowDefinition, cause: CompensationCause) -> Bool {
        switch cause {
        case .manual, .nested:
            return true
        case .error(let failed):
            guard let scope = definition.step(failed)?.transaction, step.transaction == scope else { return false }
            return definition.policy.compensation(forScope: scope).triggers.contains(.error)
        case .cancel:
            guard let scope = step.transaction else { return false }
            return definition.policy.compensation(forScope: scope).triggers.contains(.cancel)
        }
    }
}
