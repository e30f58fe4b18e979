import Testing
@testable import Engine

@Suite("Workflow graph validation")
struct WorkflowGraphValidationTests {
    typealias F = DefinitionFixtures

    private func step(_ id: String, needs: [String] = [], with settings: JSONValue, type: String = "http", extra: JSONObject = [:]) -> JSONValue {
        var object: JSONObject = ["id": .string(id), "type": .string(type), "with": settings]
        if !needs.isEmpty { object["needs"] = .array(needs.map(JSONValue.string)) }
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    @Test("duplicate and malformed step ids")
    func identifiers() {
        #expect(F.problems(F.document(steps: [F.get("quote"), F.get("quote")])) == [
            "/steps/1/id: duplicate step id \"quote\"; it is already used by /steps/0",
        ])
        #expect(F.problems(F.document(steps: [F.get("2fast")])) == [
            "/steps/0/id: \"2fast\" is not a valid step id; use up to 64 letters, digits, \"_\" or \"-\", starting with a letter or \"_\"",
        ])
    }

    @Test("needs must name existing steps")
    func unknownNeeds() {
        #expect(F.problems(F.document(steps: [F.get("quote"), F.get("charge", needs: ["qoute"])])) == [
            "/steps/1/needs/0: step \"charge\" needs \"qoute\", which is not a step of this workflow; did you mean \"quote\"?",
        ])
    }

    @Test("cycles are reported with their path")
    func cycles() {
        let document = F.document(steps: [F.get("a", needs: ["c"]), F.get("b", needs: ["a"]), F.get("c", needs: ["b"]), F.get("d", needs: ["d"])])
        #expect(F.problems(document) == [
            "/steps/0/needs: dependency cycle: a → c → b → a",
            "/steps/3/needs: dependency cycle: d → d",
        ])
    }

    @Test("steps.X must be a transitive dependency of the referencing step")
    func dependencyRule() {
        let steps = [
            F.get("a"), F.get("b", needs: ["a"]), F.get("c", needs: ["b"], url: "https://x.example/{{steps.a.output.id}}"),
            F.get("d", url: "https://x.example/{{steps.b.output.id}}"),
        ]
        #expect(F.problems(F.document(steps: steps, output: ["all": ["{{steps.c.output}}", "{{steps.d.output}}"]])) == [
            "/steps/3/with/url: {{steps.b.output.id}} refers to step \"b\", which is not a dependency of step \"d\"; add \"b\" to its needs (directly or through another step)",
        ])
    }

    @Test("unknown and self references in templates")
    func badStepReferences() {
        let steps = [F.get("quote"), F.get("x", needs: ["quote"], url: "{{steps.qoute.output.url}}/{{steps.x.output.id}}")]
        #expect(F.problems(F.document(steps: steps)) == [
            "/steps/1/with/url: {{steps.qoute.output.url}} refers to step \"qoute\", which does not exist; did you mean \"quote\"?",
            "/steps/1/with/url: {{steps.x.output.id}} refers to step \"x\" itself; a step can read its own output only in its compensate handler",
        ])
    }

    @Test("item and index only inside forEach steps")
    func forEachReferences() {
        let inside = step("n", with: ["workflow": "notify", "version": "^1.0", "input": ["to": "{{item}}", "i": "{{index}}"]],
                          type: "subworkflow", extra: ["forEach": "{{input.recipients}}"])
        #expect(F.problems(F.document(steps: [inside])) == [])
        let outside = step("n", with: ["method": "POST", "url": "https://x.example", "body": ["to": "{{item.to}}"]])
        #expect(F.problems(F.document(steps: [outside], output: ["i": "{{index}}"])) == [
            "/steps/0/with/body/to: {{item.to}} is only available in steps with forEach",
            "/output/i: {{index}} is only available in the settings of steps with forEach",
        ])
    }

    @Test("secrets only in http and sql settings")
    func secretPlacement() {
        let http = step("h", with: ["method": "GET", "url": "https://x.example", "headers": ["X-Key": "{{secret:svc/key}}"]])
        let transform = step("t", with: ["output": ["key": "{{secret:svc/key}}"]], type: "transform")
        #expect(F.problems(F.document(steps: [http, transform], output: ["k": "{{secret:svc/key}}"])) == [
            "/steps/1/with/output/key: {{secret:svc/key}} cannot be used in transform settings, which are stored; secrets may only appear in http and sql settings",
            "/output/k: {{secret:svc/key}} cannot be used here because the value would be stored; secrets may only appear in http and sql settings",
        ])
    }

    @Test("cache only on deterministic steps", arguments: [
        (["method": "POST", "url": "https://x.example"], "http",
         "/steps/0/cache: cache is only allowed on deterministic steps: a POST request may have side effects; use GET or HEAD, or set \"deterministic\": true in \"with\""),
        (["workflow": "child", "version": "^1.0"], "subworkflow",
         "/steps/0/cache: cache is only allowed on deterministic steps: a subworkflow step starts a new execution each time"),
        (["duration": "PT1S"], "delay", "/steps/0/cache: cache is only allowed on deterministic steps: a delay step has no output to cache"),
        (["method": "POST", "url": "https://x.example", "deterministic": true], "http", nil),
        (["dataSource": "main", "query": "SELECT 1"], "sql", nil),
        (["output": 1], "transform", nil),
    ] as [(JSONValue, String, String?)])
    func cacheRule(settings: JSONValue, type: String, message: String?) {
        let cached = step("s", with: settings, type: type, extra: ["cache": ["ttl": "PT1M"]])
        #expect(F.problems(F.document(steps: [cached])) == (message.map { [$0] } ?? []))
    }

    @Test("the step count limit comes from the options")
    func stepLimit() {
        let document = F.document(steps: [F.get("a"), F.get("b"), F.get("c")])
        #expect(F.problems(document, options: DefinitionOptions(maxSteps: 2)) == [
            "/steps: the workflow has 3 steps; at most 2 are allowed",
        ])
        #expect(F.problems(document, options: DefinitionOptions(maxSteps: 3)) == [])
    }
}
