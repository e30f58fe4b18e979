import Testing
@testable import Engine

@Suite("Template parsing")
struct TemplateParserTests {
    @Test("splits literals and references")
    func parts() throws {
        let template = try Template(parsing: "{{env.PRICING_URL}}/quote/{{ input.sku }}?n={{index}}")
        #expect(template.parts == [
            .reference(TemplateReference(root: .env("PRICING_URL"))),
            .literal("/quote/"),
            .reference(TemplateReference(root: .input, path: [.key("sku")])),
            .literal("?n="),
            .reference(TemplateReference(root: .index)),
        ])
        #expect(template.wholeReference == nil)
        #expect(template.source == "{{env.PRICING_URL}}/quote/{{ input.sku }}?n={{index}}")
    }

    @Test("reads every kind of reference", arguments: [
        ("{{input.items[0].sku}}", TemplateReference(root: .input, path: [.key("items"), .index(0), .key("sku")])),
        ("{{steps.quote.output.price}}", TemplateReference(root: .step("quote"), path: [.key("price")])),
        ("{{steps.quote.output}}", TemplateReference(root: .step("quote"))),
        ("{{secret:payments/api-key}}", TemplateReference(root: .secret("payments/api-key"))),
        ("{{item}}", TemplateReference(root: .item)),
        ("{{item.address[\"post code\"]}}", TemplateReference(root: .item, path: [.key("address"), .key("post code")])),
        ("{{ input }}", TemplateReference(root: .input)),
        ("{{input.order-id}}", TemplateReference(root: .input, path: [.key("order-id")])),
    ])
    func references(text: String, reference: TemplateReference) throws {
        #expect(try Template(parsing: text).wholeReference == reference)
    }

    @Test("prints references canonically")
    func descriptions() throws {
        let template = try Template(parsing: #"{{ input.items[0]["a b"].sku }} {{steps.s.output.x}} {{secret:a/b}}"#)
        #expect(template.references.map(\.description) == [#"input.items[0]["a b"].sku"#, "steps.s.output.x", "secret:a/b"])
    }

    @Test("text without braces is one literal; a lone brace is text")
    func literals() throws {
        #expect(try Template(parsing: "plain { text }}").parts == [.literal("plain { text }}")])
        #expect(try Template(parsing: "").parts.isEmpty)
    }

    @Test("syntax errors name the problem and position", arguments: [
        ("{{input.sku", "\"{{\" is never closed with \"}}\" at character 1"),
        ("ab {{}}", "empty reference \"{{}}\" at character 6"),
        ("{{inptu.sku}}", "unknown reference \"inptu\"; expected input, steps, env, secret:, item or index at character 3"),
        ("{{steps.quote.price}}", "expected steps.<id>.output, e.g. {{steps.quote.output.price}} at character 3"),
        ("{{env.A.B}}", "expected env.NAME, where NAME uses letters, digits and \"_\" at character 3"),
        ("{{index.x}}", "\"index\" is a number and has no members at character 3"),
        ("{{secret.x}}", "secret references are written with a colon, e.g. {{secret:payments/api-key}} at character 3"),
        ("{{secret:../etc/passwd}}", "secret path \"../etc/passwd\" has an empty, \".\" or \"..\" segment at character 10"),
        ("{{secret:}}", "a secret reference needs a path, e.g. {{secret:payments/api-key}} at character 10"),
        ("{{input.}}", "expected a name after \".\" at character 9"),
        ("{{input.items[01]}}", "expected an index such as [0] or a quoted key such as [\"name\"] at character 15"),
        ("{{input.items[0}}", "expected \"]\" at character 16"),
        ("{{input sku}}", "unexpected character \" \"; expected \".\" or \"[\" at character 8"),
    ])
    func syntaxErrors(text: String, message: String) {
        do throws(TemplateSyntaxError) {
            _ = try Template(parsing: text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.description == "invalid template \"\(text)\": \(message)")
        }
    }

    @Test("templated values keep constants and find templates with their pointers")
    func templatedValues() throws {
        let value = try TemplatedValue(parsing: ["sku": "{{input.sku}}", "fixed": [1, "two"], "lines": ["x", "{{item}}"]])
        #expect(value.templates().map(\.pointer.description) == ["/sku", "/lines/1"])
        #expect(try TemplatedValue(parsing: ["a": [1, "b"]]) == .constant(["a": [1, "b"]]))
        #expect(value.references.map(\.description) == ["input.sku", "item"])
    }
}
