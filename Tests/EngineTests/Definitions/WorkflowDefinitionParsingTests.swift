import Testing
@testable import Engine

@Suite("Workflow definition parsing")
struct WorkflowDefinitionParsingTests {
    typealias F = DefinitionFixtures

    @Test("the DESIGN.md example parses into the typed model and passes the graph checks")
    func designExample() throws {
        let definition = try WorkflowDefinition.publishable(json: F.orderFulfilment)
        #expect(definition.name == "order-fulfilment")
        #expect(definition.version == SemanticVersion(major: 1, minor: 4, patch: 0))
        #expect(definition.policy == WorkflowPolicy(compensateOn: [.error, .cancel], maxFanOut: 50, timeout: try ISO8601Duration(parsing: "PT5M")))
        #expect(definition.steps.map(\.id) == ["quote", "reserve", "charge", "notify"])
        #expect(definition.inputSchema.validate(["sku": "A-1"]).isEmpty)
        #expect(!definition.inputSchema.validate([:]).isEmpty)
        #expect(definition.outputSchema?.source == ["type": "object", "properties": ["orderId": ["type": "string"]]])

        let reserve = try #require(definition.step("reserve"))
        guard case .http(let http) = reserve.type else { Issue.record("reserve is not http"); return }
        #expect(http.method == .post)
        #expect(http.url.source == "{{env.INVENTORY_URL}}/reservations")
        #expect(http.headers.map(\.name) == ["Authorization"])
        #expect(http.successStatuses == [200, 201] && http.isSuccess(status: 201) && !http.isSuccess(status: 204))
        #expect(reserve.retry?.attempts == 3)
        #expect(reserve.retry?.backoff.delay(afterAttempt: 2) == 1.0)
        #expect(reserve.retry?.backoff.delay(afterAttempt: 10) == 10.0)
        #expect(reserve.timeout?.seconds == 30)
        #expect(reserve.transaction == "order")
        #expect(reserve.compensate?.type.kind == .http)

        let quote = try #require(definition.step("quote"))
        #expect(quote.cache?.ttl.seconds == 600)
        #expect(quote.type.isDeterministic)

        let charge = try #require(definition.step("charge"))
        guard case .subworkflow(let sub) = charge.type else { Issue.record("charge is not a subworkflow"); return }
        #expect(sub.workflow == "payments" && sub.versionRange == "^2.1")

        let notify = try #require(definition.step("notify"))
        #expect(notify.forEach?.wholeReference == TemplateReference(root: .input, path: [.key("recipients")]))
        #expect(definition.output?.references.map(\.description) == ["steps.reserve.output.id"])
    }

    @Test("every step type parses with its settings and defaults")
    func stepTypes() throws {
        let document = F.document(steps: [
            ["id": "t", "type": "transform", "with": ["output": ["total": "{{input.n}}"]]],
            ["id": "q", "type": "sql", "with": ["dataSource": "reporting", "query": "SELECT * FROM t WHERE id = $1",
                                                "parameters": ["{{input.id}}"]]],
            ["id": "d", "type": "delay", "with": ["duration": "PT0.5S"]],
            ["id": "r", "type": "http", "retry": ["attempts": 2], "with": ["method": "HEAD", "url": "https://x.example"]],
        ])
        let definition = try WorkflowDefinition.publishable(document)
        #expect(definition.steps.map(\.type.kind) == [.transform, .sql, .delay, .http])
        #expect(definition.policy == WorkflowPolicy())
        guard case .delay(let delay) = definition.steps[2].type else { Issue.record("not a delay"); return }
        #expect(delay.duration.seconds == 0.5)
        #expect(definition.steps[3].retry == RetryPolicy(attempts: 2, backoff: .standard, jitter: true))
        guard case .sql(let sql) = definition.steps[1].type else { Issue.record("not sql"); return }
        #expect(sql.parameters.count == 1 && sql.dataSource == "reporting")
    }

    @Test("one error per kind, each with the exact pointer and message", arguments: [
        (["steps", "0", "with", "method"], "FETCH",
         "/steps/0/with/method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE but got \"FETCH\""),
        (["steps", "0", "retyr"], ["attempts": 3], "/steps/0/retyr: unknown key \"retyr\"; did you mean \"retry\"?"),
        (["colour"], "blue", "/colour: unknown key \"colour\"; expected one of name, version, description, inputSchema, outputSchema, policy, steps, output"),
        (["steps", "0", "id"], nil, "/steps/0: missing required key \"id\""),
        (["inputSchema"], nil, "(root): missing required key \"inputSchema\""),
        (["steps", "0", "needs"], "quote", "/steps/0/needs: expected an array of strings but got string"),
        (["steps", "0", "type"], "ftp", "/steps/0/type: expected one of http, transform, sql, subworkflow, delay but got \"ftp\""),
        (["version"], "1.4", "/version: \"1.4\" is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.4.0"),
        (["name"], "-bad name", "/name: \"-bad name\" is not a valid workflow name; use up to 100 letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit"),
        (["steps", "0", "timeout"], "5m", "/steps/0/timeout: \"5m\" is not an ISO-8601 duration: it must start with \"P\" (e.g. PT5M)"),
        (["steps", "0", "timeout"], "PT0S", "/steps/0/timeout: \"PT0S\" is zero; expected a duration longer than zero"),
        (["steps", "0", "with", "url"], "{{input.sku", "/steps/0/with/url: invalid template \"{{input.sku\": \"{{\" is never closed with \"}}\" at character 1"),
        (["inputSchema", "type"], "text", "/inputSchema/type: invalid schema: type must name one of null, boolean, integer, number, string, array, object (got \"text\")"),
        (["steps", "0", "retry"], ["attempts": 0], "/steps/0/retry/attempts: expected an integer from 1 to 100 but got 0"),
        (["steps", "0", "retry"], ["attempts": 2, "backoff": ["initial": "PT1M", "max": "PT1S"]], "/steps/0/retry/backoff: initial (PT1M) is longer than max (PT1S)"),
        (["steps", "0", "cache"], [:], "/steps/0/cache: missing required key \"ttl\""),
        (["steps", "0", "with", "body"], ["a": 1], "/steps/0/with/body: a GET request cannot have a body"),
        (["steps", "0", "with", "successStatuses"], [200, 700], "/steps/0/with/successStatuses/1: expected an HTTP status code from 100 to 599 but got 700"),
        (["steps", "0", "with", "headers"], ["Bad Header": "x"], "/steps/0/with/headers/Bad Header: \"Bad Header\" is not a valid HTTP header name"),
        (["steps", "0", "forEach"], "{{input.items}}", "/steps/0/forEach: forEach runs one sub-workflow per element; put the http step in a workflow and call it with a subworkflow step"),
        (["steps", "0", "concurrency"], 5, "/steps/0/concurrency: concurrency bounds forEach elements running at once; this step has no forEach"),
        (["policy"], ["compensateOn": ["error", "crash"]], "/policy/compensateOn/1: expected one of error, cancel but got \"crash\""),
        (["policy"], ["maxFanOut": 0], "/policy/maxFanOut: expected an integer from 1 to 1000000 but got 0"),
        (["steps"], [], "/steps: a workflow needs at least one step"),
        (["steps", "0"], "quote", "/steps/0: expected an object but got string"),
    ] as [([String], JSONValue?, String)])
    func errorKinds(path: [String], value: JSONValue?, message: String) {
        let document = F.setting(F.document(steps: [F.get("quote")]), path, to: value)
        #expect(F.problems(document) == [message])
    }

    @Test("forEach errors on a subworkflow step", arguments: [
        (["steps", "0", "forEach"], "items: {{input.items}}", "/steps/0/forEach: forEach must be a single reference that yields an array, such as \"{{input.recipients}}\""),
        (["steps", "0", "forEach"], "{{env.LIST}}", "/steps/0/forEach: forEach must reference input or a step output, because env.LIST is never an array"),
        (["steps", "0", "concurrency"], 0, "/steps/0/concurrency: expected an integer from 1 to 1000 but got 0"),
    ] as [([String], JSONValue?, String)])
    func forEachErrorKinds(path: [String], value: JSONValue?, message: String) {
        let call: JSONValue = ["id": "each", "type": "subworkflow", "forEach": "{{input.items}}", "with": ["workflow": "notify", "version": "^1.0"]]
        let document = F.setting(F.document(steps: [call]), path, to: value)
        #expect(F.problems(document) == [message])
    }

    @Test("compensate handlers reject keys that only steps have, saying why")
    func compensateKeys() {
        let step: JSONValue = [
            "id": "reserve", "type": "http", "with": ["method": "POST", "url": "https://x.example"],
            "compensate": ["type": "http", "needs": ["quote"], "with": ["method": "DELETE", "url": "https://x.example"]],
        ]
        #expect(F.problems(F.document(steps: [step])) == [
            "/steps/0/compensate/needs: a compensate handler cannot declare \"needs\"; it runs when its step is undone, in reverse completion order",
        ])
    }

    @Test("sql queries may not contain templates")
    func sqlTemplates() {
        let step: JSONValue = ["id": "q", "type": "sql", "with": ["dataSource": "main", "query": "SELECT * FROM t WHERE id = '{{input.id}}'"]]
        #expect(F.problems(F.document(steps: [step])) == [
            "/steps/0/with/query: the query cannot contain templates; pass values as parameters ($1, $2, …) in \"parameters\"",
        ])
    }

    @Test("all errors are collected, in document order")
    func collectsAll() {
        var document = F.document(steps: [F.get("a"), F.get("b")])
        document = F.setting(document, ["version"], to: "one")
        document = F.setting(document, ["steps", "0", "with", "method"], to: "FETCH")
        document = F.setting(document, ["steps", "1", "timeout"], to: "P1Y")
        #expect(F.problems(document) == [
            "/version: \"one\" is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.4.0",
            "/steps/0/with/method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE but got \"FETCH\"",
            "/steps/1/timeout: \"P1Y\" is not an ISO-8601 duration: years and months have no fixed length; use days instead (e.g. P30D)",
        ])
    }

    @Test("the error list is bounded")
    func bounded() {
        let steps = (0..<10).map { F.setting(F.get("s\($0)"), ["typo"], to: 1) }
        do throws(DefinitionErrors) {
            _ = try WorkflowDefinition(parsing: F.document(steps: steps), options: DefinitionOptions(maxErrors: 3))
            Issue.record("parsed")
        } catch {
            #expect(error.errors.count == 3)
            #expect(error.truncated)
            #expect(error.description.hasSuffix("(more errors were found but not reported)"))
        }
    }

    @Test("invalid JSON text is reported with line and column")
    func invalidJSON() {
        do throws(DefinitionErrors) {
            _ = try WorkflowDefinition(json: "{\n  \"name\": ,\n}")
            Issue.record("parsed")
        } catch {
            #expect(error.errors.map(\.description) == [
                "(root): invalid JSON: Unexpected character ',' at line 2, column 11.",
            ])
        }
    }
}
