import Foundation
import Testing

@testable import Engine

/// The pure part of sagas: which steps are undone, in which order.
@Suite("Compensation planner")
struct CompensationPlannerTests {
    static let definition: WorkflowDefinition = {
        let text = """
            {"name": "trip", "version": "1.0.0", "inputSchema": {"type": "object"},
             "policy": {"transactions": {"booking": {"compensateOn": ["error", "cancel"], "order": "parallel", "parallelism": 2}}},
             "steps": [
               {"id": "quote", "type": "transform", "with": {"output": {}}, "compensate": {"type": "transform", "with": {"output": {}}}},
               {"id": "flight", "type": "transform", "needs": ["quote"], "transaction": "booking", "with": {"output": {}},
                "compensate": {"type": "transform", "with": {"output": {}}}},
               {"id": "hotel", "type": "http", "needs": ["flight"], "transaction": "booking", "with": {"method": "GET", "url": "https://x.example"},
                "compensate": {"type": "transform", "with": {"output": {}}}},
               {"id": "pay", "type": "subworkflow", "needs": ["hotel"], "transaction": "booking", "with": {"workflow": "payments", "version": "^1"}},
               {"id": "mail", "type": "transform", "needs": ["pay"], "transaction": "booking", "with": {"output": {}}}
             ]}
            """
        do { return try WorkflowDefinition.publishable(json: text) } catch { fatalError("fixture does not parse: \(error)") }
    }()

    static func run(_ step: String, _ status: String, at second: Double?, error: JSONValue? = nil, compensated: String? = nil) -> StepRunRecord {
        StepRunRecord(
            executionID: UUID(), stepID: step, iteration: 0, status: status, attempts: 1, output: nil, error: error, cacheKey: nil, cacheHit: nil,
            childExecutionID: nil, compensationStatus: compensated, finishedAt: second.map { Date(timeIntervalSince1970: $0) })
    }

    func ids(_ cause: CompensationCause, _ runs: [StepRunRecord]) throws -> [String] {
        try CompensationPlanner.plan(Self.definition, runs: runs, cause: cause).map(\.stepID)
    }

    @Test func anErrorUndoesTheFailedStepsScopeInReverseCompletionOrder() throws {
        let runs = [
            Self.run("quote", "SUCCEEDED", at: 1), Self.run("flight", "SUCCEEDED", at: 2), Self.run("hotel", "SUCCEEDED", at: 3),
            Self.run("pay", "SUCCEEDED", at: 4), Self.run("mail", "FAILED", at: 5),
        ]
        // quote is outside the scope; mail failed (and has no handler).
        #expect(try ids(.error(stepID: "mail"), runs) == ["pay", "hotel", "flight"])
        let pay = try #require(try CompensationPlanner.plan(Self.definition, runs: runs, cause: .error(stepID: "mail")).first)
        #expect(pay.undoesChildren && !pay.hasHandler)
        #expect(CompensationPlanner.mode(Self.definition, cause: .error(stepID: "mail")) == (.parallel, 2))
        // A failure outside any scope undoes nothing.
        #expect(try ids(.error(stepID: "quote"), runs).isEmpty)
    }

    @Test func aTimedOutStepIsUndoneButAStepThatFailedOtherwiseOrNeverRanIsNot() throws {
        let timedOut = Self.run("hotel", "FAILED", at: 3, error: ["message": "timed out", "timedOut": true])
        #expect(try ids(.error(stepID: "hotel"), [Self.run("flight", "SUCCEEDED", at: 2), timedOut]) == ["hotel", "flight"])
        let refused = Self.run("hotel", "FAILED", at: 3, error: ["message": "HTTP 400"])
        #expect(try ids(.error(stepID: "hotel"), [Self.run("flight", "SUCCEEDED", at: 2), refused]) == ["flight"])
        #expect(try ids(.error(stepID: "hotel"), [Self.run("flight", "PENDING", at: nil), refused]).isEmpty)
    }

    /// A step still running when the execution ended may yet take effect: it is planned, first
    /// (its handler waits for the attempt to end). A running sub-workflow step is planned for its
    /// children only.
    @Test func aStepStillRunningIsInDoubtAndPlannedFirst() throws {
        let runs = [Self.run("flight", "SUCCEEDED", at: 2), Self.run("hotel", "RUNNING", at: nil)]
        #expect(try ids(.cancel, runs) == ["hotel", "flight"])
        let hotel = try #require(try CompensationPlanner.plan(Self.definition, runs: runs, cause: .cancel).first)
        #expect(hotel.hasHandler)
        let paying = [Self.run("flight", "SUCCEEDED", at: 2), Self.run("hotel", "SUCCEEDED", at: 3), Self.run("pay", "RUNNING", at: nil)]
        let pay = try #require(try CompensationPlanner.plan(Self.definition, runs: paying, cause: .cancel).first)
        #expect(pay.stepID == "pay" && pay.undoesChildren && !pay.hasHandler)
    }

    @Test func cancelAndManualCausesAndAlreadyCompensatedSteps() throws {
        let runs = [Self.run("quote", "SUCCEEDED", at: 1), Self.run("flight", "SUCCEEDED", at: 2), Self.run("hotel", "SUCCEEDED", at: 3, compensated: "COMPLETED")]
        #expect(try ids(.cancel, runs) == ["flight"])  // booking says cancel; quote has no scope; hotel is already undone
        #expect(try ids(.manual(fromStepID: nil), runs) == ["flight", "quote"])
        #expect(try ids(.manual(fromStepID: "quote"), runs) == ["quote"])
        #expect(throws: EngineError.self) { try ids(.manual(fromStepID: "mail"), runs) }
        #expect(CompensationPlanner.mode(Self.definition, cause: .cancel) == (.sequential, 1))
    }
}
