/// Publish-time rules for sagas (DESIGN.md §6):
/// - a transaction scope is contiguous in the graph: no step outside it lies on a dependency path
///   between two of its steps (otherwise "undo the scope" would undo around a step it keeps);
/// - `policy.transactions` only names scopes that steps use;
/// - a compensate handler is an `http`, `sql`, `transform` or `delay` step (a `subworkflow`
///   handler would need a child execution of its own; undo a sub-workflow step by the child's own
///   compensate handlers, which run nested).
struct TransactionScopeRules {
    let definition: WorkflowDefinition
    let graph: StepGraph
    let diagnostics: DiagnosticCollector

    func check() {
        let steps = definition.steps
        let pointer = JSONPointer(tokens: ["steps"])
        var members: [String: Set<String>] = [:]
        for step in steps { if let scope = step.transaction { members[scope, default: []].insert(step.id) } }
        // Transitive dependencies of each step, once.
        var dependencies: [String: Set<String>] = [:]
        for step in steps { dependencies[step.id] = graph.transitiveDependencies(of: step.id) }
        for (offset, step) in steps.enumerated() {
            for (scope, inside) in members.sorted(by: { $0.key < $1.key }) where step.transaction != scope {
                let after = inside.filter { dependencies[step.id]?.contains($0) == true }
                let before = inside.filter { dependencies[$0]?.contains(step.id) == true }
                guard let first = after.sorted().first, let last = before.sorted().first else { continue }
                diagnostics.report(
                    pointer.appending(offset).appending("transaction"),
                    "step \"\(step.id)\" is not in transaction \"\(scope)\" but runs between its steps \"\(first)\" and \"\(last)\"; a transaction's steps must be contiguous")
            }
            if let handler = step.compensate, handler.type.kind == .subworkflow {
                diagnostics.report(
                    pointer.appending(offset).appending("compensate").appending("type"),
                    "a compensate handler cannot be a subworkflow; a subworkflow step is undone by the child's own compensate handlers")
            }
        }
        for name in definition.policy.transactions.keys.sorted() where members[name] == nil {
            let hint = DefinitionObjectReader.closest(to: name, among: Array(members.keys)).map { "; did you mean \"\($0)\"?" } ?? ""
            diagnostics.report(
                JSONPointer(tokens: ["policy", "transactions", name]), "no step is in transaction \"\(name)\"\(hint)")
        }
    }
}
