import Foundation
import Testing
@testable import Engine

@Suite("JSON Schema compilation")
struct JSONSchemaCompileTests {
    @Test("invalid schemas are rejected with the keyword's location", arguments: [
        (["type": 1], "Invalid schema at /type: type must be a string or an array of strings."),
        (["type": "text"], "Invalid schema at /type: type must name one of null, boolean, integer, number, string, array, object (got \"text\")."),
        (["properties": ["name": ["minLength": -1]]], "Invalid schema at /properties/name/minLength: minLength must be a non-negative integer."),
        (["maxItems": 1.5], "Invalid schema at /maxItems: maxItems must be a non-negative integer."),
        (["multipleOf": 0], "Invalid schema at /multipleOf: multipleOf must be greater than 0."),
        (["required": ["a", "a"]], "Invalid schema at /required: required lists \"a\" twice."),
        (["pattern": "("], "Invalid schema at /pattern: \"(\" is not a valid regular expression."),
        (["allOf": []], "Invalid schema at /allOf: allOf must be a non-empty array of schemas."),
        (["items": 3], "Invalid schema at /items: a schema must be an object or a boolean, not integer."),
        (["$ref": "#/$defs/missing"], "Invalid schema at /$ref: cannot resolve reference \"#/$defs/missing\"."),
        (["$ref": "other.json"], "Invalid schema at /$ref: cannot resolve reference \"other.json\"."),
        (["$anchor": "1bad"], "Invalid schema at /$anchor: $anchor must be a string matching ^[A-Za-z_][-A-Za-z0-9._]*$."),
        ("schema", "Invalid schema at (root): a schema must be an object or a boolean, not string."),
    ] as [(JSONValue, String)])
    func compileErrors(schema: JSONValue, message: String) {
        #expect {
            try JSONSchema(compiling: schema)
        } throws: { error in
            (error as? JSONSchemaCompileError)?.description == message
        }
    }

    @Test("2.0 is accepted where an integer is required")
    func integralDoubles() throws {
        let schema = try JSONSchema(compiling: ["maxLength": 2.0])
        #expect(!schema.isValid("abc"))
    }

    @Test("$id scopes relative references and anchors")
    func identifiers() throws {
        let schema = try JSONSchema(compiling: [
            "$id": "https://example.com/root.json",
            "properties": [
                "a": ["$ref": "item.json"],
                "b": ["$ref": "#pos"],
                "c": ["$ref": "https://example.com/item.json#/$defs/small"],
            ],
            "$defs": [
                "item": [
                    "$id": "item.json",
                    "type": "integer",
                    "$defs": ["small": ["maximum": 9]],
                ],
                "positive": ["$anchor": "pos", "exclusiveMinimum": 0],
            ],
        ])
        #expect(schema.isValid(["a": 1, "b": 1, "c": 5]))
        #expect(schema.validate(["a": "x", "b": 0, "c": 10]).map(\.keyword) == ["type", "exclusiveMinimum", "maximum"])
    }

    @Test("remote references go through the resolver")
    func remoteResolver() throws {
        let resolver = InMemorySchemaResolver([
            "https://schemas.example/money.json": ["type": "object", "required": ["amount", "currency"]],
        ])
        let schema = try JSONSchema(
            compiling: ["properties": ["price": ["$ref": "https://schemas.example/money.json"]]], resolver: resolver)
        #expect(schema.validate(["price": ["amount": 1]]).map(\.description) == [
            "/price: missing required property \"currency\" (required)",
        ])
    }

    @Test("the directory resolver maps a URI prefix to files and refuses to leave the directory")
    func directoryResolver() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-resolver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"type": "string"}"#.utf8).write(to: directory.appendingPathComponent("s.json"))
        let resolver = DirectorySchemaResolver(uriPrefix: "http://localhost:1234/", directory: directory)
        #expect(try resolver.schemaDocument(for: "http://localhost:1234/s.json") == ["type": "string"])
        #expect(try resolver.schemaDocument(for: "http://localhost:1234/missing.json") == nil)
        #expect(try resolver.schemaDocument(for: "http://localhost:1234/../etc/passwd") == nil)
        #expect(try resolver.schemaDocument(for: "http://elsewhere/s.json") == nil)
    }

    @Test("$dynamicRef resolves to the outermost dynamic anchor")
    func dynamicReference() throws {
        let schema = try JSONSchema(compiling: [
            "$id": "https://example.com/strict-list",
            "$ref": "list",
            "$defs": [
                "item": ["$dynamicAnchor": "item", "type": "string"],
                "list": [
                    "$id": "list",
                    "type": "array",
                    "items": ["$dynamicRef": "#item"],
                    "$defs": ["item": ["$dynamicAnchor": "item"]],
                ],
            ],
        ])
        #expect(schema.isValid(["a", "b"]))
        #expect(!schema.isValid(["a", 1]))
    }

    @Test("format is an annotation unless assertion is enabled")
    func formatOptIn() throws {
        let annotation = try JSONSchema(compiling: ["format": "date"])
        #expect(annotation.isValid("not a date"))
        let asserting = try JSONSchema(compiling: ["format": "date"], options: .init(formatAssertion: true))
        #expect(asserting.validate("2024-02-30").map(\.description) == [#"(root): "2024-02-30" is not a valid date (format)"#])
        #expect(asserting.isValid("2024-02-29"))
        let unknown = try JSONSchema(compiling: ["format": "color"], options: .init(formatAssertion: true))
        #expect(unknown.isValid("anything"))
    }

    @Test("patterns follow ECMA-262 character classes", arguments: [
        ("^\\d+$", "123", true), ("^\\d+$", "১২", false), ("^\\w$", "é", false), ("^\\W$", "é", true),
        ("^\\s$", "\u{FEFF}", true), ("^[\\d.]+$", "1.5", true), ("^[^\\d]$", "a", true), ("^[[]$", "[", true),
    ])
    func ecmaPatterns(pattern: String, text: String, matches: Bool) throws {
        let schema = try JSONSchema(compiling: ["pattern": .string(pattern)])
        #expect(schema.isValid(.string(text)) == matches)
    }
}
