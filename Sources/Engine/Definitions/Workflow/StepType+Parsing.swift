extension StepType {
    /// Reads `"type"` and `"with"` of a step or compensate handler and parses the settings
    /// for that type.
    static func parseTyped(from reader: inout DefinitionObjectReader, diagnostics: DiagnosticCollector) -> StepType? {
        let kind = reader.oneOf("type", StepKind.self, required: true)
        let settings = reader.value("with", required: true)
        guard let kind, let settings else { return nil }
        let pointer = reader.pointer.appending("with")
        guard var with = DefinitionObjectReader(settings, at: pointer, diagnostics: diagnostics) else { return nil }
        defer { with.finish() }
        switch kind {
        case .http: return HTTPStepConfig.parse(&with).map(StepType.http)
        case .transform: return with.templatedValue("output", required: true).map { .transform(TransformStepConfig(output: $0)) }
        case .sql: return SQLStepConfig.parse(&with).map(StepType.sql)
        case .subworkflow: return SubworkflowStepConfig.parse(&with).map(StepType.subworkflow)
        case .delay: return with.duration("duration", required: true, allowZero: true).map { .delay(DelayStepConfig(duration: $0)) }
        }
    }
}

extension HTTPStepConfig {
    static func parse(_ with: inout DefinitionObjectReader) -> HTTPStepConfig? {
        let method = with.oneOf("method", Method.self, required: true)
        let url = with.template("url", required: true)
        if let url, url.source.isEmpty { with.report("url", "must not be empty") }
        let headers = with.value("headers").map { headerList($0, at: with.pointer.appending("headers"), with.diagnostics) } ?? []
        let body = with.templatedValue("body")
        if let method, body != nil, method == .get || method == .head {
            with.report("body", "a \(method.rawValue) request cannot have a body")
        }
        let timeout = with.duration("timeout")
        let statuses = with.value("successStatuses").flatMap { statusList($0, at: with.pointer.appending("successStatuses"), with.diagnostics) }
        let deterministic = with.bool("deterministic") ?? false
        guard let method, let url else { return nil }
        return HTTPStepConfig(
            method: method, url: url, headers: headers, body: body, timeout: timeout,
            successStatuses: statuses, deterministic: deterministic)
    }

    private static func headerList(_ value: JSONValue, at pointer: JSONPointer, _ diagnostics: DiagnosticCollector) -> [Header] {
        guard case .object(let object) = value else {
            diagnostics.report(pointer, "expected an object of header names to strings but got \(value.typeName)")
            return []
        }
        var headers: [Header] = []
        for (name, value) in object {
            let location = pointer.appending(name)
            // RFC 9110 token characters; anything else would be rejected by the HTTP client at run time.
            let tokenSymbols = "!#$%&'*+-.^_`|~"
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || tokenSymbols.unicodeScalars.contains($0)) }) else {
                diagnostics.report(location, "\"\(name)\" is not a valid HTTP header name")
                continue
            }
            guard case .string(let text) = value else {
                diagnostics.report(location, "expected a string but got \(value.typeName)")
                continue
            }
            do throws(TemplateSyntaxError) {
                headers.append(Header(name: name, value: try Template(parsing: text)))
            } catch {
                diagnostics.report(location, error.description)
            }
        }
        return headers
    }

    private static func statusList(_ value: JSONValue, at pointer: JSONPointer, _ diagnostics: DiagnosticCollector) -> [Int]? {
        guard case .array(let elements) = value, !elements.isEmpty else {
            diagnostics.report(pointer, "expected a non-empty array of HTTP status codes but got \(value.typeName)")
            return nil
        }
        var statuses: [Int] = []
        for (offset, element) in elements.enumerated() {
            guard element.typeName == "integer", let code = element.intValue.flatMap({ Int(exactly: $0) }), (100...599).contains(code) else {
                diagnostics.report(pointer.appending(offset), "expected an HTTP status code from 100 to 599 but got \(element)")
                continue
            }
            statuses.append(code)
        }
        return statuses
    }
}

extension SQLStepConfig {
    static func parse(_ with: inout DefinitionObjectReader) -> SQLStepConfig? {
        let dataSource = with.string("dataSource", required: true)
        let query = with.string("query", required: true)
        if let query, Template.containsMarkup(query) {
            with.report("query", "the query cannot contain templates; pass values as parameters ($1, $2, …) in \"parameters\"")
        }
        var parameters: [TemplatedValue] = []
        if let value = with.value("parameters") {
            let pointer = with.pointer.appending("parameters")
            if case .array(let elements) = value {
                parameters = elements.enumerated().map { offset, element in
                    DefinitionObjectReader.templated(element, at: pointer.appending(offset), diagnostics: with.diagnostics)
                }
            } else {
                with.report("parameters", "expected an array but got \(value.typeName)")
            }
        }
        guard let dataSource, let query else { return nil }
        return SQLStepConfig(dataSource: dataSource, query: query, parameters: parameters)
    }
}

extension SubworkflowStepConfig {
    static func parse(_ with: inout DefinitionObjectReader) -> SubworkflowStepConfig? {
        let workflow = with.string("workflow", required: true)
        if let workflow, let problem = WorkflowDefinition.nameProblem(workflow) { with.report("workflow", problem) }
        // The range syntax is checked by the version resolver at publish; here it only has to be text.
        let range = with.string("version", required: true)
        let input = with.templatedValue("input")
        guard let workflow, let range else { return nil }
        return SubworkflowStepConfig(workflow: workflow, versionRange: range, input: input)
    }
}
