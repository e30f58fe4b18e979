import Testing
@testable import Engine

@Suite("Template rendering")
struct TemplateRendererTests {
    let context = TemplateContext(
        input: ["sku": "A-1", "count": 3, "ratio": 0.5, "gift": true, "note": nil,
                "items": [["sku": "A-1", "qty": 2], ["sku": "B-7", "qty": 1]], "address": ["city": "Lyon"]],
        stepOutputs: ["quote": ["price": 12.5, "currency": "EUR"]],
        env: ["PRICING_URL": "https://pricing.example"])

    private func render(_ value: JSONValue, in context: TemplateContext? = nil, secrets: ResolvedSecrets = .none) throws -> RenderedValue {
        try TemplateRenderer(context: context ?? self.context, secrets: secrets).render(TemplatedValue(parsing: value))
    }

    @Test("a whole-value template keeps the JSON type", arguments: [
        ("{{input.count}}", .int(3)), ("{{input.ratio}}", 0.5), ("{{input.gift}}", true), ("{{input.note}}", nil),
        ("{{input.address}}", ["city": "Lyon"]), ("{{input.items[1].sku}}", "B-7"), ("{{ steps.quote.output.price }}", 12.5),
        ("{{env.PRICING_URL}}", "https://pricing.example"),
    ] as [(String, JSONValue)])
    func typePreservation(template: String, expected: JSONValue) throws {
        #expect(try render(.string(template)).value == expected)
    }

    @Test("mixed templates interpolate, serialising non-strings as JSON")
    func interpolation() throws {
        #expect(try render("{{env.PRICING_URL}}/quote/{{input.sku}}").value == "https://pricing.example/quote/A-1")
        #expect(try render("n={{input.count}} a={{input.address}} g={{input.gift}} x={{input.note}}").value
            == #"n=3 a={"city":"Lyon"} g=true x=null"#)
    }

    @Test("objects and arrays render recursively and keep constants")
    func nested() throws {
        let rendered = try render(["order": ["sku": "{{input.sku}}", "lines": ["{{input.items[0]}}", 7]], "fixed": "x"])
        #expect(rendered.value == ["order": ["sku": "A-1", "lines": [["sku": "A-1", "qty": 2], 7]], "fixed": "x"])
        #expect(rendered.value.objectValue?.keys == ["order", "fixed"])
        #expect(!rendered.containsSecrets)
        #expect(rendered.redacted == rendered.value)
    }

    @Test("missing references are errors naming the reference", arguments: [
        ("{{input.qty}}", "cannot render {{input.qty}}: input has no member \"qty\""),
        ("{{input.items[2].sku}}", "cannot render {{input.items[2].sku}}: input.items has 2 elements, so [2] does not exist"),
        ("{{input.sku.code}}", "cannot render {{input.sku.code}}: input.sku is a string, not an object"),
        ("{{input.count[0]}}", "cannot render {{input.count[0]}}: input.count is an integer, not an array"),
        ("{{steps.reserve.output.id}}", "cannot render {{steps.reserve.output.id}}: step \"reserve\" has no output (it has not completed)"),
        ("{{env.MISSING}}", "cannot render {{env.MISSING}}: environment value \"MISSING\" is not set"),
        ("{{item.sku}}", "cannot render {{item.sku}}: item is only available inside a forEach step"),
        ("{{secret:a/b}}", "cannot render {{secret:a/b}}: the secret was not resolved"),
    ])
    func missing(template: String, message: String) throws {
        let parsed = try TemplatedValue(parsing: .string(template))
        #expect(throws: (any Error).self) { try TemplateRenderer(context: context).render(parsed) }
        do throws(TemplateRenderError) {
            _ = try TemplateRenderer(context: context).render(parsed)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("errors inside objects name the location")
    func errorLocation() throws {
        let parsed = try TemplatedValue(parsing: ["body": ["lines": ["ok", "{{input.nope}}"]]])
        do throws(TemplateRenderError) {
            _ = try TemplateRenderer(context: context).render(parsed)
            Issue.record("rendered")
        } catch {
            #expect(error.location.description == "/body/lines/1")
            #expect(error.description == "cannot render {{input.nope}} at /body/lines/1: input has no member \"nope\"")
        }
    }

    @Test("forEach item and index render per element")
    func forEachItem() throws {
        let element = context.forEachElement(["to": "ops@example.com"], index: 4)
        let rendered = try render(["to": "{{item.to}}", "position": "{{index}}", "label": "#{{index}} {{item.to}}"], in: element)
        #expect(rendered.value == ["to": "ops@example.com", "position": 4, "label": "#4 ops@example.com"])
    }

    @Test("secret values are flagged and redacted in the twin")
    func secrets() throws {
        let secrets = ResolvedSecrets(["payments/api-key": "s3cr3t"])
        let rendered = try render(
            ["auth": "Bearer {{secret:payments/api-key}}", "key": "{{secret:payments/api-key}}", "sku": "{{input.sku}}"],
            secrets: secrets)
        #expect(rendered.containsSecrets)
        #expect(rendered.value == ["auth": "Bearer s3cr3t", "key": "s3cr3t", "sku": "A-1"])
        #expect(rendered.redacted == ["auth": "Bearer {{secret:payments/api-key}}", "key": "{{secret:payments/api-key}}", "sku": "A-1"])
        #expect(!"\(secrets)".contains("s3cr3t"))
        #expect(!String(reflecting: secrets).contains("s3cr3t"))
    }
}
