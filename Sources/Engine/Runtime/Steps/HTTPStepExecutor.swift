import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `http`: one request; the output is the response body (parsed as JSON when it is JSON).
///
/// Every attempt sends the same `Idempotency-Key` (execution, step, iteration) and a
/// `traceparent` in the execution's trace. 5xx, 408, 429 and network errors are retryable;
/// other statuses outside `successStatuses` fail the step for good.
struct HTTPStepExecutor: StepExecutor {
    let session: URLSession

    init(session: URLSession = URLSession(configuration: .ephemeral)) {
        self.session = session
    }

    func run(_ type: StepType, renderer: TemplateRenderer, invocation: StepInvocation) async throws(StepFailure) -> StepResult {
        guard case .http(let config) = type else { throw StepFailure(message: "not an http step", retryable: false) }
        let url = try renderer.renderText(config.url, what: "url")
        guard let target = URL(string: url.value), let scheme = target.scheme, scheme == "http" || scheme == "https" else {
            throw StepFailure(message: "The URL \"\(url.redacted)\" is not an http(s) URL.", retryable: false)
        }
        var request = URLRequest(url: target, timeoutInterval: invocation.timeout)
        request.httpMethod = config.method.rawValue
        var recordedHeaders = JSONObject()
        for header in config.headers {
            let value = try renderer.renderText(header.value, what: "header \(header.name)")
            request.setValue(value.value, forHTTPHeaderField: header.name)
            recordedHeaders[header.name] = .string(value.redacted)
        }
        request.setValue(invocation.idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        request.setValue(invocation.traceparent, forHTTPHeaderField: "traceparent")
        var recordedBody: JSONValue?
        if let body = config.body {
            let rendered = try renderer.renderForStep(body)
            request.httpBody = Data(rendered.value.serialized().utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            recordedBody = rendered.redacted
        }
        let provenance: JSONValue = [
            "method": .string(config.method.rawValue), "url": .string(url.redacted),
            "headers": .object(recordedHeaders), "body": recordedBody ?? .null,
        ]

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw StepFailure(message: "\(config.method.rawValue) \(url.redacted) failed: \(error.localizedDescription)", retryable: true)
        }
        guard let http = response as? HTTPURLResponse else {
            throw StepFailure(message: "\(config.method.rawValue) \(url.redacted) returned no HTTP response.", retryable: true)
        }
        let body = Self.decodeBody(data)
        guard config.isSuccess(status: http.statusCode) else {
            let retryable = http.statusCode >= 500 || http.statusCode == 408 || http.statusCode == 429
            let excerpt = String(decoding: data.prefix(300), as: UTF8.self)
            throw StepFailure(message: "\(config.method.rawValue) \(url.redacted) answered \(http.statusCode): \(excerpt)", retryable: retryable)
        }
        return StepResult(output: body, input: provenance)
    }

    /// JSON bodies become JSON; anything else is kept as text; an empty body is null.
    static func decodeBody(_ data: Data) -> JSONValue {
        if data.isEmpty { return .null }
        if let json = try? JSONValue.parse(data) { return json }
        return .string(String(decoding: data, as: UTF8.self))
    }
}
