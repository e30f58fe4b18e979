extension StepDefinition {
    /// Keys of a step that a compensate handler may not have, with the reason.
    fileprivate static let notInCompensation: [String: String] = [
        "id": "a compensate handler has no id; it belongs to its step",
        "needs": "a compensate handler cannot declare \"needs\"; it runs when its step is undone, in reverse completion order",
        "compensate": "a compensate handler cannot have its own compensate handler",
        "transaction": "a compensate handler runs in its step's transaction and cannot name one",
        "cache": "a compensate handler cannot be cached",
        "forEach": "a compensate handler cannot declare forEach; it runs once per element of its step",
        "concurrency": "a compensate handler cannot declare concurrency",
    ]

    static func parse(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> StepDefinition? {
        guard var reader = DefinitionObjectReader(value, at: pointer, diagnostics: diagnostics) else { return nil }
        let id = reader.string("id", required: true)
        let type = StepType.parseTyped(from: &reader, diagnostics: diagnostics)
        let needs = reader.stringArray("needs") ?? []
        for (offset, need) in needs.enumerated() where needs[..<offset].contains(need) {
            diagnostics.report(pointer.appending("needs").appending(offset), "\"\(need)\" is listed twice")
        }
        let retry = reader.value("retry").flatMap { RetryPolicy.parse($0, at: pointer.appending("retry"), diagnostics: diagnostics) }
        let timeout = reader.duration("timeout")
        let compensate = reader.value("compensate").flatMap {
            CompensationDefinition.parse($0, at: pointer.appending("compensate"), diagnostics: diagnostics)
        }
        let transaction = reader.string("transaction")
        let cache = reader.value("cache").flatMap { CachePolicy.parse($0, at: pointer.appending("cache"), diagnostics: diagnostics) }
        let forEach = reader.template("forEach")
        if let forEach, let problem = StepDefinition.forEachProblem(forEach) { reader.report("forEach", problem) }
        let concurrency = reader.integer("concurrency", in: 1...1_000)
        if concurrency != nil, forEach == nil { reader.report("concurrency", "concurrency bounds forEach elements running at once; this step has no forEach") }
        if forEach != nil, let type, type.kind != .subworkflow {
            reader.report("forEach", "forEach runs one sub-workflow per element; put the \(type.kind.rawValue) step in a workflow and call it with a subworkflow step")
        }
        reader.finish()
        guard let id, let type else { return nil }
        return StepDefinition(
            id: id, type: type, needs: needs, retry: retry, timeout: timeout, compensate: compensate,
            transaction: transaction, cache: cache, forEach: forEach, concurrency: concurrency)
    }

    /// `forEach` must be exactly one reference to something that can be an array.
    private static func forEachProblem(_ template: Template) -> String? {
        guard let reference = template.wholeReference else {
            return "forEach must be a single reference that yields an array, such as \"{{input.recipients}}\""
        }
        switch reference.root {
        case .input, .step: return nil
        case .item: return "forEach cannot reference item; nested forEach is expressed with a subworkflow"
        case .env, .secret, .index: return "forEach must reference input or a step output, because \(reference) is never an array"
        }
    }
}

extension CompensationDefinition {
    static func parse(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> CompensationDefinition? {
        guard var reader = DefinitionObjectReader(value, at: pointer, diagnostics: diagnostics) else { return nil }
        let type = StepType.parseTyped(from: &reader, diagnostics: diagnostics)
        let retry = reader.value("retry").flatMap { RetryPolicy.parse($0, at: pointer.appending("retry"), diagnostics: diagnostics) }
        let timeout = reader.duration("timeout")
        reader.finish(explanations: StepDefinition.notInCompensation)
        guard let type else { return nil }
        return CompensationDefinition(type: type, retry: retry, timeout: timeout)
    }
}

extension RetryPolicy {
    static func parse(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> RetryPolicy? {
        guard var reader = DefinitionObjectReader(value, at: pointer, diagnostics: diagnostics) else { return nil }
        let attempts = reader.integer("attempts", in: 1...100, required: true)
        var backoff = Backoff.standard
        if let value = reader.value("backoff") {
            backoff = Backoff.parse(value, at: pointer.appending("backoff"), diagnostics: diagnostics) ?? backoff
        }
        let jitter = reader.bool("jitter") ?? true
        reader.finish()
        guard let attempts else { return nil }
        return RetryPolicy(attempts: attempts, backoff: backoff, jitter: jitter)
    }
}

extension RetryPolicy.Backoff {
    static func parse(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> Self? {
        guard var reader = DefinitionObjectReader(value, at: pointer, diagnostics: diagnostics) else { return nil }
        var backoff = Self.standard
        backoff.initial = reader.duration("initial") ?? backoff.initial
        backoff.max = reader.duration("max") ?? backoff.max
        backoff.multiplier = reader.number("multiplier", atLeast: 1) ?? backoff.multiplier
        reader.finish()
        if backoff.initial > backoff.max {
            diagnostics.report(pointer, "initial (\(backoff.initial)) is longer than max (\(backoff.max))")
        }
        return backoff
    }
}

extension CachePolicy {
    static func parse(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> CachePolicy? {
        guard var reader = DefinitionObjectReader(value, at: pointer, diagnostics: diagnostics) else { return nil }
        let ttl = reader.duration("ttl", required: true)
        reader.finish()
        return ttl.map(CachePolicy.init(ttl:))
    }
}
