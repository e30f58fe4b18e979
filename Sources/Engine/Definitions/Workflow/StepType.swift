/// The name of a step type as written in `"type"`.
public enum StepKind: String, Sendable, Hashable, CaseIterable {
    /// `"http"`.
    case http
    /// `"transform"`.
    case transform
    /// `"sql"`.
    case sql
    /// `"subworkflow"`.
    case subworkflow
    /// `"delay"`.
    case delay
}

/// What a step does, with the settings of its `"with"` object. The case is chosen by `"type"`.
public enum StepType: Sendable, Hashable {
    /// Calls an HTTP endpoint.
    case http(HTTPStepConfig)
    /// Maps values without side effects.
    case transform(TransformStepConfig)
    /// Runs a read-only query on a named data source.
    case sql(SQLStepConfig)
    /// Starts a child execution of another workflow.
    case subworkflow(SubworkflowStepConfig)
    /// Waits.
    case delay(DelayStepConfig)

    /// The type name.
    public var kind: StepKind {
        switch self {
        case .http: return .http
        case .transform: return .transform
        case .sql: return .sql
        case .subworkflow: return .subworkflow
        case .delay: return .delay
        }
    }

    /// True when running the step twice with the same inputs gives the same output and no
    /// extra side effect, which is what makes caching it safe: HTTP `GET`/`HEAD` or
    /// `deterministic: true`, `sql` (read-only) and `transform`.
    public var isDeterministic: Bool {
        switch self {
        case .http(let config): return config.deterministic || config.method == .get || config.method == .head
        case .transform, .sql: return true
        case .subworkflow, .delay: return false
        }
    }
}

/// `"type": "http"`.
public struct HTTPStepConfig: Sendable, Hashable {
    /// HTTP methods a step may use (nested so it cannot clash with NIO's or HTTPTypes' method types).
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Safe methods: no side effects, so cacheable.
        case get = "GET", head = "HEAD"
        /// Methods that may change state.
        case post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }

    /// One request header; the value may be a template (e.g. a secret bearer token).
    public struct Header: Sendable, Hashable {
        /// The header name (an RFC 9110 token).
        public let name: String
        /// The header value template.
        public let value: Template
    }

    /// The request method.
    public var method: Method
    /// The URL template, e.g. `{{env.PRICING_URL}}/quote/{{input.sku}}`.
    public var url: Template
    /// Headers in declaration order.
    public var headers: [Header]
    /// The request body (sent as JSON), nil for none.
    public var body: TemplatedValue?
    /// Timeout of one request (the step's `timeout` bounds all attempts).
    public var timeout: ISO8601Duration?
    /// Statuses that count as success; nil means any 2xx.
    public var successStatuses: [Int]?
    /// Declares a non-GET request free of side effects, so it may be cached.
    public var deterministic: Bool

    /// True when `status` counts as success.
    public func isSuccess(status: Int) -> Bool {
        successStatuses.map { $0.contains(status) } ?? (200...299).contains(status)
    }
}

/// `"type": "transform"`: the output is the rendered `output` template.
public struct TransformStepConfig: Sendable, Hashable {
    /// The step output, rendered against the context.
    public var output: TemplatedValue
}

/// `"type": "sql"`: a read-only query whose `$1…$n` parameters are rendered templates.
/// The query text itself is never a template, so values cannot be spliced into SQL.
public struct SQLStepConfig: Sendable, Hashable {
    /// The name of a data source configured for the tenant.
    public var dataSource: String
    /// The query text with `$1…$n` placeholders.
    public var query: String
    /// Values for `$1…$n`, in order.
    public var parameters: [TemplatedValue]
}

/// `"type": "subworkflow"`.
public struct SubworkflowStepConfig: Sendable, Hashable {
    /// The child workflow's name.
    public var workflow: String
    /// The version range text (`^2.1`, `~1.0`, `2.1.0`), resolved to a published version on publish.
    public var versionRange: String
    /// The child's input, nil for an empty object.
    public var input: TemplatedValue?
}

/// `"type": "delay"`.
public struct DelayStepConfig: Sendable, Hashable {
    /// How long to wait.
    public var duration: ISO8601Duration
}
