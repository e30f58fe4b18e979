extension WorkflowDefinition {
    /// Parses and validates a document for publishing: everything `init(parsing:)` checks plus
    /// the graph rules of `validateGraph(options:)`.
    /// - Throws: `DefinitionErrors` with every problem found (up to `options.maxErrors`).
    public static func publishable(_ document: JSONValue, options: DefinitionOptions = DefinitionOptions()) throws(DefinitionErrors) -> WorkflowDefinition {
        let definition = try WorkflowDefinition(parsing: document, options: options)
        try definition.checkGraph(options: options)
        return definition
    }

    /// `publishable(_:options:)` for JSON text.
    /// - Throws: `DefinitionErrors`, including a JSON syntax error with line and column.
    public static func publishable(json text: String, options: DefinitionOptions = DefinitionOptions()) throws(DefinitionErrors) -> WorkflowDefinition {
        let definition = try WorkflowDefinition(json: text, options: options)
        try definition.checkGraph(options: options)
        return definition
    }

    private func checkGraph(options: DefinitionOptions) throws(DefinitionErrors) {
        let problems = validateGraph(options: options)
        if !problems.errors.isEmpty { throw problems }
    }

    /// The graph rules checked on publish (DESIGN.md §4):
    /// - at most `options.maxSteps` steps;
    /// - step ids are valid (`[A-Za-z_][A-Za-z0-9_-]*`, up to 64 characters) and unique;
    /// - `needs` names existing steps and the dependencies have no cycle;
    /// - `cache` only on deterministic steps;
    /// - templates reference only `input`, `env`, `secret:` (http and sql settings only),
    ///   `item`/`index` (forEach steps only) and `steps.X` where X is a transitive dependency
    ///   (the workflow `output` may reference any step; a compensate handler also its own step);
    /// - transaction scopes are contiguous and compensate handlers are not sub-workflows
    ///   (`TransactionScopeRules`).
    /// Returns the problems found (empty `errors` means valid), in step order.
    public func validateGraph(options: DefinitionOptions = DefinitionOptions()) -> DefinitionErrors {
        let diagnostics = DiagnosticCollector(limit: options.maxErrors)
        let stepsPointer = JSONPointer(tokens: ["steps"])
        guard steps.count <= options.maxSteps else {
            diagnostics.report(stepsPointer, "the workflow has \(steps.count) steps; at most \(options.maxSteps) are allowed")
            return diagnostics.asError
        }
        checkIdentifiers(diagnostics)
        let graph = StepGraph(steps: steps)
        for cycle in graph.cycles() {
            let first = steps.firstIndex { $0.id == cycle[0] } ?? 0
            diagnostics.report(stepsPointer.appending(first).appending("needs"), "dependency cycle: \(cycle.joined(separator: " → "))")
        }
        for (offset, step) in steps.enumerated() {
            if step.cache != nil, let reason = step.type.nonDeterminismReason {
                diagnostics.report(stepsPointer.appending(offset).appending("cache"), "cache is only allowed on deterministic steps: \(reason)")
            }
        }
        TemplateReferenceRules(definition: self, graph: graph, diagnostics: diagnostics).check()
        if graph.cycles().isEmpty { TransactionScopeRules(definition: self, graph: graph, diagnostics: diagnostics).check() }
        return diagnostics.asError
    }

    /// The dependency graph of the steps, for ordering and readiness at run time.
    public var graph: StepGraph { StepGraph(steps: steps) }

    /// Checks a step id; returns the problem, or nil when it is valid.
    public static func stepIDProblem(_ id: String) -> String? {
        guard id.unicodeScalars.count <= 64, TemplateParser.isIdentifier(id) else {
            return "\"\(id)\" is not a valid step id; use up to 64 letters, digits, \"_\" or \"-\", starting with a letter or \"_\""
        }
        return nil
    }

    private func checkIdentifiers(_ diagnostics: DiagnosticCollector) {
        let stepsPointer = JSONPointer(tokens: ["steps"])
        var firstOffset: [String: Int] = [:]
        for (offset, step) in steps.enumerated() {
            let idPointer = stepsPointer.appending(offset).appending("id")
            if let problem = WorkflowDefinition.stepIDProblem(step.id) { diagnostics.report(idPointer, problem) }
            if let first = firstOffset[step.id] {
                diagnostics.report(idPointer, "duplicate step id \"\(step.id)\"; it is already used by /steps/\(first)")
            } else {
                firstOffset[step.id] = offset
            }
        }
        let ids = steps.map(\.id)
        for (offset, step) in steps.enumerated() {
            for (position, need) in step.needs.enumerated() where firstOffset[need] == nil {
                let hint = DefinitionObjectReader.closest(to: need, among: ids).map { "; did you mean \"\($0)\"?" } ?? ""
                diagnostics.report(
                    stepsPointer.appending(offset).appending("needs").appending(position),
                    "step \"\(step.id)\" needs \"\(need)\", which is not a step of this workflow\(hint)")
            }
        }
    }
}
