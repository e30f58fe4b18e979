/// `delay`: the wait happened in the queue (the task was scheduled `duration` ahead), so running
/// it only records the step as done.
struct DelayStepExecutor: StepExecutor {
    func run(_ type: StepType, renderer: TemplateRenderer, invocation: StepInvocation) async throws(StepFailure) -> StepResult {
        guard case .delay(let config) = type else { throw StepFailure(message: "not a delay step", retryable: false) }
        return StepResult(output: ["delayedSeconds": .double(config.duration.seconds)], input: nil)
    }
}
