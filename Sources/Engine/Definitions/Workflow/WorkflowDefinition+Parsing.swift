extension WorkflowDefinition {
    /// Parses JSON text. A syntax error is reported at the root with its line and column.
    /// - Throws: `DefinitionErrors` with every problem found (up to `options.maxErrors`).
    public init(json text: String, options: DefinitionOptions = DefinitionOptions()) throws(DefinitionErrors) {
        let document: JSONValue
        do throws(JSONParseError) {
            document = try JSONValue.parse(text)
        } catch {
            throw DefinitionErrors(errors: [DefinitionError(pointer: .root, message: "invalid JSON: \(error.description)")])
        }
        try self.init(parsing: document, options: options)
    }

    /// Parses a definition document: structure, types, unknown keys, templates, durations, versions,
    /// and compiles the schemas. Graph rules are checked separately by `validateGraph(options:)`.
    /// - Throws: `DefinitionErrors` with every problem found (up to `options.maxErrors`).
    public init(parsing document: JSONValue, options: DefinitionOptions = DefinitionOptions()) throws(DefinitionErrors) {
        let diagnostics = DiagnosticCollector(limit: options.maxErrors)
        guard var reader = DefinitionObjectReader(document, at: .root, diagnostics: diagnostics) else {
            throw diagnostics.asError
        }
        let name = reader.string("name", required: true)
        if let name, let problem = WorkflowDefinition.nameProblem(name) { reader.report("name", problem) }
        let version = reader.string("version", required: true).flatMap { text -> SemanticVersion? in
            do throws(DefinitionValueError) {
                return try SemanticVersion(parsing: text)
            } catch {
                reader.report("version", error.message)
                return nil
            }
        }
        let description = reader.string("description", nonEmpty: false)
        let schemaOptions = JSONSchema.Options(formatAssertion: options.schemaFormatAssertion)
        let inputSchema = reader.value("inputSchema", required: true)
            .flatMap { WorkflowDefinition.schema($0, at: JSONPointer(tokens: ["inputSchema"]), schemaOptions, diagnostics) }
        let outputSchema = reader.value("outputSchema")
            .flatMap { WorkflowDefinition.schema($0, at: JSONPointer(tokens: ["outputSchema"]), schemaOptions, diagnostics) }
        let policy: WorkflowPolicy? = switch reader.value("policy") {
        case .some(let value): WorkflowPolicy.parse(value, at: JSONPointer(tokens: ["policy"]), diagnostics: diagnostics)
        case .none: WorkflowPolicy()
        }
        let steps = reader.value("steps", required: true).flatMap { WorkflowDefinition.steps($0, diagnostics: diagnostics) }
        let output = reader.templatedValue("output")
        reader.finish()

        guard diagnostics.isEmpty, let name, let version, let inputSchema, let policy, let steps else {
            throw diagnostics.asError
        }
        self.init(
            name: name, version: version, description: description, inputSchema: inputSchema, outputSchema: outputSchema,
            policy: policy, steps: steps, output: output, source: document)
    }

    /// Checks a workflow name: 1–100 letters, digits, `.`, `_` or `-`, starting with a letter or digit.
    /// Returns the problem, or nil when the name is fine.
    public static func nameProblem(_ name: String) -> String? {
        let scalars = name.unicodeScalars
        let valid = scalars.count <= 100 && scalars.allSatisfy { $0.isASCII && (TemplateParser.isIdentifierContinue($0) || $0 == ".") }
            && scalars.first.map { $0 != "_" && $0 != "-" && $0 != "." } == true
        return valid ? nil : "\"\(name)\" is not a valid workflow name; use up to 100 letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit"
    }

    private static func schema(
        _ value: JSONValue, at pointer: JSONPointer, _ options: JSONSchema.Options, _ diagnostics: DiagnosticCollector
    ) -> DefinitionSchema? {
        do throws(JSONSchemaCompileError) {
            return try DefinitionSchema(value, options: options)
        } catch {
            diagnostics.report(JSONPointer(tokens: pointer.tokens + error.schemaLocation.tokens), "invalid schema: \(error.message)")
            return nil
        }
    }

    private static func steps(_ value: JSONValue, diagnostics: DiagnosticCollector) -> [StepDefinition]? {
        let pointer = JSONPointer(tokens: ["steps"])
        guard case .array(let elements) = value else {
            diagnostics.report(pointer, "expected an array of steps but got \(value.typeName)")
            return nil
        }
        guard !elements.isEmpty else {
            diagnostics.report(pointer, "a workflow needs at least one step")
            return nil
        }
        let steps = elements.enumerated().compactMap { offset, element in
            StepDefinition.parse(element, at: pointer.appending(offset), diagnostics: diagnostics)
        }
        return steps.count == elements.count ? steps : nil
    }
}

extension WorkflowPolicy {
    static func parse(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> WorkflowPolicy? {
        guard var reader = DefinitionObjectReader(value, at: pointer, diagnostics: diagnostics) else { return nil }
        var policy = WorkflowPolicy()
        if let triggers = reader.value("compensateOn") {
            policy.compensateOn = compensateOn(triggers, at: pointer.appending("compensateOn"), diagnostics: diagnostics)
        }
        policy.maxFanOut = reader.integer("maxFanOut", in: 1...1_000_000)
        policy.timeout = reader.duration("timeout")
        if let value = reader.value("compensation") {
            policy.compensation = settings(value, at: pointer.appending("compensation"), triggers: false, diagnostics: diagnostics)
        }
        if let value = reader.value("transactions") {
            let scopes = pointer.appending("transactions")
            if case .object(let object) = value {
                for (name, settings) in object {
                    policy.transactions[name] = self.settings(settings, at: scopes.appending(name), triggers: true, diagnostics: diagnostics)
                }
            } else {
                diagnostics.report(scopes, "expected an object of transaction names to settings but got \(value.typeName)")
            }
        }
        reader.finish()
        return policy
    }

    /// `{compensateOn, order, parallelism}`; `compensateOn` only where `triggers` (a scope).
    private static func settings(_ value: JSONValue, at pointer: JSONPointer, triggers: Bool, diagnostics: DiagnosticCollector) -> CompensationSettings {
        guard var reader = DefinitionObjectReader(value, at: pointer, diagnostics: diagnostics) else { return CompensationSettings() }
        var settings = CompensationSettings()
        if triggers, let value = reader.value("compensateOn") {
            settings.compensateOn = compensateOn(value, at: pointer.appending("compensateOn"), diagnostics: diagnostics)
        }
        settings.order = reader.oneOf("order", CompensationOrder.self)
        settings.parallelism = reader.integer("parallelism", in: 1...100)
        reader.finish(explanations: triggers ? [:] : ["compensateOn": "the workflow's triggers are policy.compensateOn"])
        return settings
    }

    private static func compensateOn(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> [CompensationTrigger] {
        guard case .array(let elements) = value else {
            diagnostics.report(pointer, "expected an array of error, cancel but got \(value.typeName)")
            return []
        }
        var triggers: [CompensationTrigger] = []
        for (offset, element) in elements.enumerated() {
            let trigger: CompensationTrigger? = DefinitionObjectReader.decodeCase(element, at: pointer.appending(offset), diagnostics: diagnostics)
            guard let trigger else { continue }
            if triggers.contains(trigger) {
                diagnostics.report(pointer.appending(offset), "\"\(trigger.rawValue)\" is listed twice")
            } else {
                triggers.append(trigger)
            }
        }
        return triggers
    }
}
