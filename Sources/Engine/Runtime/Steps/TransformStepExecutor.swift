/// `transform`: a pure mapping of templates; its output is the rendered `output`.
struct TransformStepExecutor: StepExecutor {
    func run(_ type: StepType, renderer: TemplateRenderer, invocation: StepInvocation) async throws(StepFailure) -> StepResult {
        guard case .transform(let config) = type else { throw StepFailure(message: "not a transform step", retryable: false) }
        let rendered = try renderer.renderForStep(config.output)
        return StepResult(output: rendered.redacted, input: nil)
    }
}
