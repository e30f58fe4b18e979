extension StepType {
    /// Every template in the step's settings with its location below `base` (the `with` pointer).
    public func templates(at base: JSONPointer) -> [(pointer: JSONPointer, template: Template)] {
        switch self {
        case .http(let config):
            var found: [(pointer: JSONPointer, template: Template)] = [(base.appending("url"), config.url)]
            for header in config.headers { found.append((base.appending("headers").appending(header.name), header.value)) }
            if let body = config.body { found += body.templates(at: base.appending("body")) }
            return found
        case .transform(let config):
            return config.output.templates(at: base.appending("output"))
        case .sql(let config):
            return config.parameters.enumerated().flatMap { offset, parameter in
                parameter.templates(at: base.appending("parameters").appending(offset))
            }
        case .subworkflow(let config):
            return config.input?.templates(at: base.appending("input")) ?? []
        case .delay:
            return []
        }
    }

    /// True when the settings may contain `{{secret:…}}`: http and sql send rendered values
    /// without storing them; transform output and subworkflow input are stored, so secrets there
    /// would end up in the database.
    public var allowsSecrets: Bool {
        switch self {
        case .http, .sql: return true
        case .transform, .subworkflow, .delay: return false
        }
    }

    /// Why caching this step is unsafe, or nil when it is deterministic.
    var nonDeterminismReason: String? {
        switch self {
        case .http(let config) where !isDeterministic:
            return "a \(config.method.rawValue) request may have side effects; use GET or HEAD, or set \"deterministic\": true in \"with\""
        case .subworkflow: return "a subworkflow step starts a new execution each time"
        case .delay: return "a delay step has no output to cache"
        default: return nil
        }
    }
}
