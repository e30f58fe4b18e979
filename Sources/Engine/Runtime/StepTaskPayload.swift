import Foundation

/// The payload of a `step` task: which step of which execution to run.
struct StepTaskPayload: Sendable, Equatable {
    static let kind = "step"

    let executionID: UUID
    let stepID: String
    let iteration: Int

    var json: String {
        JSONValue.object(["executionId": .string(executionID.uuidString.lowercased()), "stepId": .string(stepID), "iteration": .int(Int64(iteration))]).serialized()
    }

    /// The task's unique key: a step is scheduled once per execution and iteration, however many
    /// completions race to schedule it.
    var uniqueKey: String { "\(executionID.uuidString.lowercased())/\(stepID)/\(iteration)" }

    init(executionID: UUID, stepID: String, iteration: Int = 0) {
        self.executionID = executionID
        self.stepID = stepID
        self.iteration = iteration
    }

    init(json: String) throws {
        let value = try JSONValue.parse(json)
        guard case .string(let id)? = value["executionId"], let executionID = UUID(uuidString: id),
            case .string(let stepID)? = value["stepId"]
        else { throw EngineError(.invalidState, "A step task carries a malformed payload: \(json)") }
        self.executionID = executionID
        self.stepID = stepID
        if case .int(let iteration)? = value["iteration"] { self.iteration = Int(iteration) } else { self.iteration = 0 }
    }
}
