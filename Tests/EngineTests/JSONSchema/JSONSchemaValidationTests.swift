import Testing
@testable import Engine

@Suite("JSON Schema validation errors")
struct JSONSchemaValidationTests {
    let orderSchema: JSONValue = [
        "type": "object",
        "required": ["items"],
        "properties": [
            "items": [
                "type": "array",
                "minItems": 1,
                "items": ["$ref": "#/$defs/line"],
            ],
        ],
        "additionalProperties": false,
        "$defs": [
            "line": [
                "type": "object",
                "required": ["sku", "qty"],
                "properties": ["sku": ["type": "string", "minLength": 1], "qty": ["type": "integer", "minimum": 1]],
            ],
        ],
    ]

    @Test("errors name the instance location, keyword location and keyword")
    func locations() throws {
        let schema = try JSONSchema(compiling: orderSchema)
        let errors = schema.validate(["items": [["sku": 42, "qty": 0]], "note": "x"])
        #expect(errors.map(\.description) == [
            "/items/0/sku: expected string but got integer (type)",
            "/items/0/qty: 0 must be at least 1 (minimum)",
            "(root): property \"note\" is not allowed (additionalProperties)",
        ])
        let first = try #require(errors.first)
        #expect(first.instanceLocation.description == "/items/0/sku")
        #expect(first.keywordLocation.description == "/properties/items/items/$ref/properties/sku/type")
        #expect(first.keyword == "type")
    }

    @Test("a valid instance has no errors, and isValid agrees")
    func valid() throws {
        let schema = try JSONSchema(compiling: orderSchema)
        let order: JSONValue = ["items": [["sku": "A-1", "qty": 2]]]
        #expect(schema.validate(order).isEmpty)
        #expect(schema.isValid(order))
        #expect(!schema.isValid(["items": []]))
    }

    @Test("messages of common keywords", arguments: [
        (["required": ["sku"]], [:], "(root): missing required property \"sku\" (required)"),
        (["enum": ["a", "b"]], "c", #"(root): value "c" is not one of ["a","b"] (enum)"#),
        (["const": 1], 2, "(root): value must be 1 (const)"),
        (["maxLength": 2], "abc", "(root): string is longer than 2 characters (maxLength)"),
        (["pattern": "^[a-z]+$"], "A", "(root): string does not match pattern ^[a-z]+$ (pattern)"),
        (["multipleOf": 3], 10, "(root): 10 is not a multiple of 3 (multipleOf)"),
        (["uniqueItems": true], [1, 2, 1.0], "(root): items at indices 0 and 2 are equal (uniqueItems)"),
        (["type": ["string", "null"]], 1.5, "(root): expected one of null, string but got number (type)"),
        (["anyOf": [["type": "string"], ["type": "null"]]], 1,
         "(root): value does not match any of the 2 alternatives (alternative 0: expected string but got integer; alternative 1: expected null but got integer) (anyOf)"),
        (["oneOf": [["required": ["a"]], ["properties": ["b": ["type": "string"]], "required": ["b"]]]], ["b": 1],
         "(root): value does not match any of the 2 alternatives (alternative 0: missing required property \"a\"; alternative 1 at /b: expected string but got integer) (oneOf)"),
        (["oneOf": [["minimum": 0], ["maximum": 10]]], 5, "(root): value matches alternatives 0 and 1 but must match exactly one (oneOf)"),
        (["not": ["type": "null"]], nil, "(root): value must not match the schema in not (not)"),
        (["contains": ["type": "string"]], [1], "(root): array does not contain a matching item (contains)"),
        (["dependentRequired": ["a": ["b"]]], ["a": 1], "(root): property \"b\" is required when \"a\" is present (dependentRequired)"),
        (["propertyNames": ["maxLength": 1]], ["ab": 1], "(root): property name \"ab\" is not allowed (propertyNames)"),
        (["prefixItems": [true], "items": false], [1, 2], "(root): array must have at most 1 item (items)"),
        (["unevaluatedProperties": false, "properties": ["a": true]], ["a": 1, "b": 2], "(root): property \"b\" is not allowed (unevaluatedProperties)"),
        (false, 1, "(root): no value is allowed here (false)"),
    ] as [(JSONValue, JSONValue, String)])
    func messages(schema: JSONValue, instance: JSONValue, message: String) throws {
        let compiled = try JSONSchema(compiling: schema)
        #expect(compiled.validate(instance).map(\.description) == [message])
    }

    @Test("then/else errors point at then/else")
    func conditionalLocations() throws {
        let schema = try JSONSchema(compiling: ["if": ["type": "string"], "then": ["minLength": 2], "else": ["minimum": 0]])
        #expect(schema.validate("a").map(\.keywordLocation.description) == ["/then/minLength"])
        #expect(schema.validate(-1).map(\.keywordLocation.description) == ["/else/minimum"])
    }

    @Test("unevaluatedProperties sees through allOf, $ref and if/then")
    func unevaluated() throws {
        let schema = try JSONSchema(compiling: [
            "$defs": ["base": ["properties": ["id": ["type": "string"]]]],
            "allOf": [["$ref": "#/$defs/base"]],
            "if": ["properties": ["kind": ["const": "http"]]],
            "then": ["properties": ["url": ["type": "string"]]],
            "unevaluatedProperties": false,
        ])
        #expect(schema.isValid(["id": "1", "kind": "http", "url": "u"]))
        // A failed "if" contributes no annotations, so "kind" is unevaluated as well.
        #expect(schema.validate(["id": "1", "kind": "sql", "url": "u"]).map(\.description) == [
            "(root): property \"kind\" is not allowed (unevaluatedProperties)",
            "(root): property \"url\" is not allowed (unevaluatedProperties)",
        ])
    }

    @Test("deeply nested instances against a recursive schema hit the depth limit, not the stack")
    func evaluationDepth() throws {
        let schema = try JSONSchema(compiling: ["$defs": ["n": ["items": ["$ref": "#/$defs/n"]]], "$ref": "#/$defs/n"])
        let shallow = try JSONValue.parse(String(repeating: "[", count: 40) + String(repeating: "]", count: 40))
        #expect(schema.isValid(shallow))
        let deep = try JSONValue.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500))
        let errors = schema.validate(deep)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("nested too deeply") == true)
        let looping = try JSONSchema(compiling: ["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]], "$ref": "#/$defs/a"])
        #expect(!looping.isValid(1))
    }

    @Test("explaining failed alternatives stays fast for deeply nested anyOf")
    func nestedAlternatives() throws {
        let schema = try JSONSchema(compiling: ["anyOf": [["type": "null"], ["type": "array", "items": ["$ref": "#"]]]])
        let deep = try JSONValue.parse(String(repeating: "[", count: 60) + "1" + String(repeating: "]", count: 60))
        let errors = schema.validate(deep)
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "anyOf")
    }

    @Test("a compiled schema (patterns included) is Sendable and can be shared across tasks")
    func concurrentUse() async throws {
        let schema = try JSONSchema(compiling: [
            "type": "array",
            "items": ["type": "string", "pattern": "^[A-Z]+-[0-9]+$"],
            "unevaluatedItems": false,
        ])
        let results = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { index in
                        schema.isValid([.string("SKU-\(task)\(index)")]) && !schema.isValid([.string("sku-\(index)")])
                    }
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
