import Foundation

/// Facts about the run a step executor may need.
struct StepInvocation: Sendable {
    let tenantID: String
    let executionID: UUID
    let stepID: String
    let iteration: Int
    let attempt: Int
    let traceID: String
    /// Seconds the step may take.
    let timeout: Double

    /// Derived from (execution, step, iteration) and stable across attempts and workers, so a
    /// downstream service can drop the duplicate of a request whose response we never saw.
    var idempotencyKey: String { "\(executionID.uuidString.lowercased()):\(stepID):\(iteration)\(keySuffix)" }
    /// Appended to the idempotency key: `:compensate` for a step's compensate handler, so the
    /// undo has a key of its own, derived from the forward step's.
    var keySuffix = ""

    /// A W3C `traceparent` for this attempt: the execution's trace, a fresh span.
    var traceparent: String {
        let span = Hex.random(bytes: 8)
        return "00-\(traceID)-\(span)-01"
    }
}

/// What a step produced.
struct StepResult: Sendable {
    /// The output other steps read as `steps.<id>.output`. Never contains secret values.
    let output: JSONValue
    /// The rendered input, redacted, recorded on the step run for provenance.
    let input: JSONValue?
    /// The cache key the output was looked up under, when the step is cached.
    var cacheKey: String? = nil
    /// Whether the output came from the cache (nil when the cache was not consulted).
    var cacheHit: Bool? = nil
}

/// Why a step failed, and whether trying again could help.
struct StepFailure: Error, Sendable, CustomStringConvertible {
    let message: String
    let retryable: Bool
    /// The attempt was abandoned because another worker took the task over.
    var leaseLost = false
    /// The step ran out of time: whether its effect happened is unknown (sagas compensate it).
    var timedOut = false
    var description: String { message }
}

/// Runs one kind of step. One file per step type.
protocol StepExecutor: Sendable {
    func run(_ type: StepType, renderer: TemplateRenderer, invocation: StepInvocation) async throws(StepFailure) -> StepResult
}

extension TemplateRenderer {
    /// Renders for a step, turning a missing reference into a permanent step failure.
    func renderForStep(_ value: TemplatedValue) throws(StepFailure) -> RenderedValue {
        do { return try render(value) } catch { throw StepFailure(message: error.description, retryable: false) }
    }

    /// Renders a template that must produce text (a URL, a header value).
    func renderText(_ template: Template, what: String) throws(StepFailure) -> (value: String, redacted: String) {
        let rendered: RenderedValue
        do { rendered = try render(template) } catch { throw StepFailure(message: error.description, retryable: false) }
        func text(_ value: JSONValue) -> String {
            if case .string(let string) = value { return string }
            return value.serialized()
        }
        return (text(rendered.value), text(rendered.redacted))
    }
}
