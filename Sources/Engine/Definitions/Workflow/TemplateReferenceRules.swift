/// Checks what each template of a definition may reference (DESIGN.md §4):
/// a step reads only values that exist when it runs.
///
/// - `input` and `env` are always available.
/// - `steps.X` needs X to be a transitive dependency of the step (through `needs`), since only
///   those are guaranteed complete; the workflow `output` runs last and may read any step, and
///   a compensate handler may also read its own step's output (it undoes a completed step).
/// - `item` and `index` exist only in the settings (and compensate handler) of a forEach step.
/// - `secret:` only in http and sql settings, whose rendered values are sent but never stored.
struct TemplateReferenceRules {
    let definition: WorkflowDefinition
    let graph: StepGraph
    let diagnostics: DiagnosticCollector
    /// Transitive dependencies per step id, computed once rather than per reference.
    private let dependencies: [String: Set<String>]

    init(definition: WorkflowDefinition, graph: StepGraph, diagnostics: DiagnosticCollector) {
        self.definition = definition
        self.graph = graph
        self.diagnostics = diagnostics
        var dependencies: [String: Set<String>] = [:]
        for id in graph.stepIDs where dependencies[id] == nil { dependencies[id] = graph.transitiveDependencies(of: id) }
        self.dependencies = dependencies
    }

    /// Where a template sits, which decides what it may reference.
    private enum Place {
        case settings(StepDefinition, StepType)
        case compensation(StepDefinition, StepType)
        case forEach(StepDefinition)
        case output
    }

    func check() {
        let stepsPointer = JSONPointer(tokens: ["steps"])
        for (offset, step) in definition.steps.enumerated() {
            let base = stepsPointer.appending(offset)
            for found in step.type.templates(at: base.appending("with")) {
                check(found.template, at: found.pointer, in: .settings(step, step.type))
            }
            if let compensate = step.compensate {
                for found in compensate.type.templates(at: base.appending("compensate").appending("with")) {
                    check(found.template, at: found.pointer, in: .compensation(step, compensate.type))
                }
            }
            if let forEach = step.forEach { check(forEach, at: base.appending("forEach"), in: .forEach(step)) }
        }
        for found in definition.output?.templates(at: JSONPointer(tokens: ["output"])) ?? [] {
            check(found.template, at: found.pointer, in: .output)
        }
    }

    private func check(_ template: Template, at pointer: JSONPointer, in place: Place) {
        for reference in template.references {
            if let problem = problem(with: reference, in: place) {
                diagnostics.report(pointer, "{{\(reference)}} \(problem)")
            }
        }
    }

    private func problem(with reference: TemplateReference, in place: Place) -> String? {
        switch reference.root {
        case .input, .env:
            return nil
        case .item, .index:
            switch place {
            case .settings(let step, _), .compensation(let step, _):
                return step.forEach == nil ? "is only available in steps with forEach" : nil
            case .forEach, .output:
                return "is only available in the settings of steps with forEach"
            }
        case .secret:
            switch place {
            case .settings(_, let type), .compensation(_, let type):
                return type.allowsSecrets ? nil : "cannot be used in \(type.kind.rawValue) settings, which are stored; secrets may only appear in http and sql settings"
            case .forEach, .output:
                return "cannot be used here because the value would be stored; secrets may only appear in http and sql settings"
            }
        case .step(let id):
            return stepProblem(id, in: place)
        }
    }

    private func stepProblem(_ id: String, in place: Place) -> String? {
        guard definition.steps.contains(where: { $0.id == id }) else {
            let hint = DefinitionObjectReader.closest(to: id, among: graph.stepIDs).map { "; did you mean \"\($0)\"?" } ?? ""
            return "refers to step \"\(id)\", which does not exist\(hint)"
        }
        switch place {
        case .output:
            return nil
        case .compensation(let step, _) where step.id == id:
            return nil
        case .settings(let step, _), .compensation(let step, _), .forEach(let step):
            if step.id == id {
                return "refers to step \"\(id)\" itself; a step can read its own output only in its compensate handler"
            }
            guard dependencies[step.id, default: []].contains(id) else {
                return "refers to step \"\(id)\", which is not a dependency of step \"\(step.id)\"; add \"\(id)\" to its needs (directly or through another step)"
            }
            return nil
        }
    }
}
