import Testing
@testable import Engine

@Suite("Schema compatibility")
struct SchemaCompatibilityTests {
    /// A schema written as JSON text.
    static func json(_ text: String) throws -> JSONValue { try JSONValue.parse(text) }

    /// Input breaks (A = old, B = new) as `location: message` lines.
    static func input(_ old: JSONValue, _ new: JSONValue) -> [String] {
        SchemaCompatibility.inputBreakingChanges(old: old, new: new).map(\.description)
    }

    /// Output breaks (A = new, B = old) as `location: message` lines.
    static func output(old: JSONValue?, new: JSONValue?) -> [String] {
        SchemaCompatibility.outputBreakingChanges(old: old, new: new).map(\.description)
    }

    // MARK: Identity, annotations, booleans

    @Test("identical schemas never break, in either direction")
    func identical() throws {
        let schemas: [JSONValue] = [
            true, false, [:], ["type": "string", "pattern": "^[A-Z]{3}$"],
            ["not": ["const": 1], "if": ["type": "string"], "then": ["minLength": 1], "dependentSchemas": ["a": ["required": ["b"]]]],
            try Self.json(##"{"$defs": {"n": {"type": "object", "properties": {"next": {"$ref": "#/$defs/n"}}}}, "$ref": "#/$defs/n"}"##),
            ["type": "object", "unevaluatedProperties": false, "allOf": [["properties": ["a": true]]]],
        ]
        for schema in schemas {
            #expect(Self.input(schema, schema).isEmpty, "\(schema)")
            #expect(Self.output(old: schema, new: schema).isEmpty, "\(schema)")
        }
    }

    @Test("annotations never break")
    func annotations() {
        let old: JSONValue = ["type": "string", "title": "Name", "description": "old", "examples": ["a"], "default": "a"]
        let new: JSONValue = [
            "type": "string", "title": "Full name", "description": "new", "examples": ["b", "c"], "default": "b",
            "$comment": "renamed", "deprecated": true, "readOnly": true,
        ]
        #expect(Self.input(old, new).isEmpty)
        #expect(Self.output(old: old, new: new).isEmpty)
    }

    @Test("boolean schemas: false accepts nothing, true everything")
    func booleanSchemas() {
        #expect(Self.input(false, ["type": "string"]).isEmpty)
        #expect(Self.input(["type": "string"], true).isEmpty)
        #expect(Self.input(true, false) == ["/: no value is accepted here any more"])
        #expect(Self.input(["type": "string"], false) == ["/: no value is accepted here any more"])
        #expect(Self.output(old: false, new: ["type": "string"])
            == ["/: may now produce a value here, which the old outputSchema did not allow"])
        #expect(Self.input(true, ["type": "object"]) == [#"/: type narrowed from any type to ["object"]"#])
        #expect(Self.input([:], true).isEmpty)
    }

    // MARK: type

    @Test("type: widening is compatible, narrowing is reported for input and output")
    func types() {
        #expect(Self.input(["type": "string"], ["type": ["string", "null"]]).isEmpty)
        #expect(Self.input(["type": "integer"], ["type": "number"]).isEmpty)
        #expect(Self.input(["type": ["integer", "string"]], ["type": ["string", "number"]]).isEmpty)
        #expect(Self.input(["type": ["string", "null"]], ["type": "string"])
            == [#"/: type narrowed from ["string","null"] to ["string"]"#])
        #expect(Self.input(["type": "number"], ["type": "integer"]) == [#"/: type narrowed from ["number"] to ["integer"]"#])
        #expect(Self.output(old: ["type": "string"], new: ["type": ["string", "null"]])
            == [#"/: may now produce type "null", which the old outputSchema did not allow"#])
        #expect(Self.output(old: ["type": "string"], new: ["type": ["string", "null", "integer"]])
            == [#"/: may now produce types "null" and "integer", which the old outputSchema did not allow"#])
        #expect(Self.output(old: ["type": "integer"], new: ["type": "number"])
            == [#"/: may now produce type "number", which the old outputSchema did not allow"#])
        #expect(Self.output(old: ["type": "object"], new: [:])
            == [#"/: may now produce any type, where the old outputSchema allowed only ["object"]"#])
    }

    @Test("integers: a whole-number multipleOf proves integer, enum values imply their types")
    func impliedTypes() {
        #expect(Self.input(["type": "number", "multipleOf": 2], ["type": "integer"]).isEmpty)
        #expect(Self.input(["enum": ["a", "b"]], ["type": "string"]).isEmpty)
        #expect(Self.input(["enum": ["a", 1]], ["type": "string"]) == [#"/: type narrowed from ["integer","string"] to ["string"]"#])
        #expect(Self.input(["const": 2.0], ["type": "integer"]).isEmpty)
    }

    // MARK: enum and const

    @Test("enum: extending is compatible for input, shrinking is reported")
    func enums() {
        let two: JSONValue = ["enum": ["EUR", "USD"]]
        let three: JSONValue = ["enum": ["EUR", "USD", "GBP"]]
        #expect(Self.input(two, three).isEmpty)
        #expect(Self.input(three, two) == [#"/: enum no longer allows "GBP""#])
        #expect(Self.output(old: three, new: two).isEmpty)
        #expect(Self.output(old: two, new: three) == [#"/: enum now allows "GBP""#])
        #expect(Self.input(["type": "string"], two) == [#"/: values now restricted to enum ["EUR","USD"]"#])
        #expect(Self.output(old: two, new: ["type": "string"])
            == [#"/: may now produce values outside enum ["EUR","USD"], which the old outputSchema did not allow"#])
        // Values are compared as JSON Schema does: 1 and 1.0 are the same number.
        #expect(Self.input(["enum": [1, 2]], ["enum": [1.0, 2.0, 3]]).isEmpty)
        // An enum value the old schema itself rejected was never accepted.
        #expect(Self.input(["type": "string", "enum": ["a", 1]], ["enum": ["a"]]).isEmpty)
        // Values the new schema rejects through other keywords.
        #expect(Self.input(["enum": ["ab", "abcd"]], ["type": "string", "maxLength": 3]) == [#"/: value "abcd" is no longer accepted"#])
        #expect(Self.output(old: ["type": "string", "maxLength": 3], new: ["enum": ["ab", "abcd"]])
            == [#"/: may now produce "abcd", which the old outputSchema did not allow"#])
    }

    @Test("const behaves as a one-value enum; booleans and null are finite")
    func consts() {
        #expect(Self.input(["const": "a"], ["enum": ["a", "b"]]).isEmpty)
        #expect(Self.input(["enum": ["a", "b"]], ["const": "a"]) == [#"/: enum no longer allows "b""#])
        #expect(Self.input(["type": "string"], ["const": "a"]) == [#"/: value now restricted to const "a""#])
        #expect(Self.output(old: ["const": "a"], new: ["type": "string"])
            == [#"/: may now produce values other than const "a", which the old outputSchema did not allow"#])
        #expect(Self.input(["type": "boolean"], ["enum": [true, false, nil]]).isEmpty)
        #expect(Self.input(["type": ["boolean", "null"]], ["enum": [true, false]]) == ["/: enum no longer allows null"])
    }

    // MARK: Objects

    @Test("required: a newly required property breaks input; a dropped one breaks output")
    func required() {
        let optional: JSONValue = ["type": "object", "properties": ["email": ["type": "string"]]]
        let mandatory: JSONValue = ["type": "object", "properties": ["email": ["type": "string"]], "required": ["email"]]
        #expect(Self.input(mandatory, optional).isEmpty)
        #expect(Self.input(optional, mandatory) == [#"/email: property "email" became required"#])
        #expect(Self.output(old: optional, new: mandatory).isEmpty)
        #expect(Self.output(old: mandatory, new: optional)
            == [#"/email: property "email" is no longer guaranteed (no longer required)"#])
        // required only constrains objects.
        #expect(Self.input(["type": "string"], ["required": ["a"]]).isEmpty)
    }

    @Test("properties: removed under additionalProperties false, newly declared over an open object")
    func properties() {
        let closed: JSONValue = [
            "type": "object", "additionalProperties": false,
            "properties": ["id": ["type": "string"], "note": ["type": "string"]],
        ]
        let withoutNote: JSONValue = ["type": "object", "additionalProperties": false, "properties": ["id": ["type": "string"]]]
        #expect(Self.input(closed, withoutNote) == [#"/note: property "note" removed while additionalProperties is false"#])
        #expect(Self.input(withoutNote, closed).isEmpty, "an optional property added to a closed object")
        #expect(Self.output(old: withoutNote, new: closed)
            == [#"/note: may now produce property "note", which the old outputSchema did not allow"#])
        #expect(Self.output(old: closed, new: withoutNote).isEmpty)

        // Open objects: removing a property is fine, declaring one narrows what was allowed through.
        let open: JSONValue = ["type": "object", "properties": ["id": ["type": "string"]]]
        let declared: JSONValue = ["type": "object", "properties": ["id": ["type": "string"], "tag": ["type": "string"]]]
        #expect(Self.input(declared, open).isEmpty)
        #expect(Self.input(open, declared) == [#"/tag: type narrowed from any type to ["string"]"#])
        // ... unless the old additionalProperties already constrained it the same way.
        let typedExtras: JSONValue = ["type": "object", "additionalProperties": ["type": "string"]]
        #expect(Self.input(typedExtras, ["type": "object", "properties": ["tag": ["type": "string", "maxLength": 5]]])
            == ["/tag: maxLength 5 added"])
        #expect(Self.input(typedExtras, ["type": "object", "properties": ["tag": ["type": "string"]]]).isEmpty)

        // Declared false: explicitly forbidden.
        #expect(Self.input(open, ["type": "object", "properties": ["id": false]]) == [#"/id: property "id" is no longer allowed"#])
        // A property schema the old one never allowed cannot break.
        #expect(Self.input(["type": "object", "properties": ["x": false]], ["type": "object", "properties": ["x": ["type": "string"]]]).isEmpty)
    }

    @Test("additionalProperties: closing or constraining extras")
    func additionalProperties() {
        let open: JSONValue = ["type": "object"]
        #expect(Self.input(open, ["type": "object", "additionalProperties": false])
            == ["/: additional properties are no longer allowed (additionalProperties is false)"])
        #expect(Self.output(old: ["type": "object", "additionalProperties": false], new: open)
            == ["/: may now produce additional properties, which the old outputSchema did not allow"])
        #expect(Self.input(["type": "object", "additionalProperties": ["type": "integer"]],
                           ["type": "object", "additionalProperties": ["type": "number"]]).isEmpty)
        #expect(Self.input(["type": "object", "additionalProperties": ["type": "number"]],
                           ["type": "object", "additionalProperties": ["type": "integer"]])
            == [#"/*: type narrowed from ["number"] to ["integer"]"#])
        #expect(Self.input(["type": "object", "additionalProperties": false], open).isEmpty)
        // unevaluatedProperties without applicators reads as additionalProperties.
        #expect(Self.input(["type": "object", "properties": ["a": true], "unevaluatedProperties": false],
                           ["type": "object", "properties": ["a": true, "b": true], "additionalProperties": false]).isEmpty)
    }

    @Test("patternProperties: same pattern compared, others unprovable through extras")
    func patternProperties() {
        let old: JSONValue = ["type": "object", "patternProperties": ["^x-": ["type": "string"]]]
        #expect(Self.input(old, ["type": "object", "patternProperties": ["^x-": ["type": ["string", "null"]]]]).isEmpty)
        #expect(Self.input(old, ["type": "object", "patternProperties": ["^x-": ["type": "string", "minLength": 1]]])
            == ["/*: minLength 1 added"])
        #expect(Self.input(["type": "object", "properties": ["x-id": ["type": "integer"]]],
                           ["type": "object", "patternProperties": ["^x-": ["type": "string"]]])
            == [#"/*: type narrowed from any type to ["string"]"#, #"/x-id: type narrowed from ["integer"] to ["string"]"#])
        #expect(Self.input(["type": "object", "properties": ["y": ["type": "integer"]], "additionalProperties": false],
                           ["type": "object", "patternProperties": ["^x-": ["type": "string"]]]).isEmpty)
    }

    @Test("minProperties / maxProperties, with bounds implied by required and closed objects")
    func propertyCounts() {
        #expect(Self.input(["type": "object", "maxProperties": 5], ["type": "object", "maxProperties": 3])
            == ["/: maxProperties lowered from 5 to 3"])
        #expect(Self.input(["type": "object", "minProperties": 1], ["type": "object", "minProperties": 2])
            == ["/: minProperties raised from 1 to 2"])
        #expect(Self.input(["type": "object", "maxProperties": 3], ["type": "object", "maxProperties": 5]).isEmpty)
        #expect(Self.input(["type": "object", "required": ["a", "b"]], ["type": "object", "minProperties": 2]).isEmpty)
        #expect(Self.input(["type": "object", "properties": ["a": true], "additionalProperties": false],
                           ["type": "object", "maxProperties": 1]).isEmpty)
        #expect(Self.output(old: ["type": "object", "minProperties": 1], new: ["type": "object"])
            == ["/: minProperties 1 is no longer guaranteed (removed)"])
    }

    @Test("dependentRequired and propertyNames")
    func dependentRequiredAndNames() {
        let card: JSONValue = ["type": "object", "dependentRequired": ["card": ["cvc"]]]
        #expect(Self.input(["type": "object"], card) == [#"/cvc: property "cvc" became required when "card" is present"#])
        #expect(Self.output(old: card, new: ["type": "object"])
            == [#"/cvc: property "cvc" is no longer guaranteed when "card" is present"#])
        #expect(Self.input(card, ["type": "object"]).isEmpty)
        #expect(Self.input(["type": "object", "required": ["cvc"]], card).isEmpty)

        let names: JSONValue = ["type": "object", "propertyNames": ["maxLength": 3]]
        #expect(Self.input(["type": "object"], names) == ["/: propertyNames added; cannot be proven compatible"])
        #expect(Self.input(["type": "object", "propertyNames": ["maxLength": 2]], names).isEmpty)
        #expect(Self.input(["type": "object", "properties": ["abc": true, "abcd": true], "additionalProperties": false], names)
            == [#"/abcd: property "abcd" is no longer allowed"#])
    }

    // MARK: Numbers and strings

    @Test("numeric bounds: relaxing is compatible, tightening is reported per direction")
    func numericBounds() {
        let wide: JSONValue = ["type": "number", "minimum": 0, "maximum": 100]
        let narrow: JSONValue = ["type": "number", "minimum": 10, "maximum": 50]
        #expect(Self.input(narrow, wide).isEmpty)
        #expect(Self.input(wide, narrow) == ["/: maximum lowered from 100 to 50", "/: minimum raised from 0 to 10"])
        #expect(Self.output(old: narrow, new: wide) == ["/: maximum raised from 50 to 100", "/: minimum lowered from 10 to 0"])
        #expect(Self.input(["type": "number"], ["type": "number", "maximum": 50]) == ["/: maximum 50 added"])
        #expect(Self.output(old: ["type": "number", "maximum": 50], new: ["type": "number"])
            == ["/: maximum 50 is no longer guaranteed (removed)"])
        #expect(Self.input(["type": "number", "maximum": 10], ["type": "number", "exclusiveMaximum": 10])
            == ["/: upper bound tightened from maximum 10 to exclusiveMaximum 10"])
        #expect(Self.output(old: ["type": "number", "exclusiveMaximum": 10], new: ["type": "number", "maximum": 10])
            == ["/: upper bound loosened from exclusiveMaximum 10 to maximum 10"])
        #expect(Self.input(["type": "number", "exclusiveMaximum": 10], ["type": "number", "maximum": 10]).isEmpty)
        #expect(Self.input(["type": "number", "maximum": 10.5], ["type": "number", "maximum": 10]) == ["/: maximum lowered from 10.5 to 10"])
        // Bounds only constrain numbers.
        #expect(Self.input(["type": "string"], ["type": "string", "maximum": 1]).isEmpty)
    }

    @Test("integer bounds compare as whole numbers")
    func integerBounds() {
        #expect(Self.input(["type": "integer", "minimum": 1], ["type": "integer", "exclusiveMinimum": 0]).isEmpty)
        #expect(Self.input(["type": "integer", "exclusiveMaximum": 10], ["type": "integer", "maximum": 9]).isEmpty)
        #expect(Self.input(["type": "integer", "maximum": 9.5], ["type": "integer", "maximum": 9]).isEmpty)
        #expect(Self.input(["type": "number", "minimum": 1], ["type": "number", "exclusiveMinimum": 0.5]).isEmpty)
        #expect(Self.input(["type": "number", "minimum": 0.5], ["type": "number", "exclusiveMinimum": 0.5])
            == ["/: lower bound tightened from minimum 0.5 to exclusiveMinimum 0.5"])
    }

    @Test("multipleOf: a multiple of the new divisor is compatible")
    func multipleOf() {
        #expect(Self.input(["type": "integer", "multipleOf": 4], ["type": "integer", "multipleOf": 2]).isEmpty)
        #expect(Self.input(["type": "number", "multipleOf": 0.5], ["type": "number", "multipleOf": 0.25]).isEmpty)
        #expect(Self.input(["type": "integer"], ["type": "integer", "multipleOf": 1]).isEmpty)
        #expect(Self.input(["type": "integer", "multipleOf": 2], ["type": "integer", "multipleOf": 4])
            == ["/: multipleOf changed from 2 to 4"])
        #expect(Self.input(["type": "number"], ["type": "number", "multipleOf": 5]) == ["/: multipleOf 5 added"])
        #expect(Self.output(old: ["type": "number", "multipleOf": 5], new: ["type": "number"])
            == ["/: multipleOf 5 is no longer guaranteed (removed)"])
    }

    @Test("string lengths, pattern and format")
    func strings() {
        #expect(Self.input(["type": "string", "maxLength": 10], ["type": "string", "maxLength": 20]).isEmpty)
        #expect(Self.input(["type": "string", "maxLength": 20], ["type": "string", "maxLength": 10])
            == ["/: maxLength lowered from 20 to 10"])
        #expect(Self.input(["type": "string"], ["type": "string", "minLength": 1]) == ["/: minLength 1 added"])
        #expect(Self.input(["type": "string"], ["type": "string", "minLength": 0]).isEmpty)
        #expect(Self.input(["type": "string", "pattern": "^a"], ["type": "string"]).isEmpty)
        #expect(Self.input(["type": "string", "pattern": "^a"], ["type": "string", "pattern": "^a"]).isEmpty)
        #expect(Self.input(["type": "string"], ["type": "string", "pattern": "^[A-Z]{3}$"])
            == [#"/: pattern "^[A-Z]{3}$" added; cannot be proven compatible"#])
        #expect(Self.input(["type": "string", "pattern": "^a"], ["type": "string", "pattern": "^b"])
            == [#"/: pattern changed from "^a" to "^b"; cannot be proven compatible"#])
        #expect(Self.output(old: ["type": "string", "pattern": "^a"], new: ["type": "string", "pattern": "^b"])
            == [#"/: pattern changed from "^a" to "^b"; cannot be proven compatible"#])
        #expect(Self.input(["type": "string"], ["type": "string", "format": "email"])
            == [#"/: format "email" added; cannot be proven compatible"#])
        #expect(Self.input(["type": "string", "format": "email"], ["type": "string"]).isEmpty)
        #expect(Self.output(old: ["type": "string", "format": "uuid"], new: ["type": "string"])
            == [#"/: format "uuid" is no longer guaranteed (removed)"#])
        // A finite old schema is checked value by value, so a pattern can be proven.
        #expect(Self.input(["enum": ["ABC", "XYZ"]], ["type": "string", "pattern": "^[A-Z]{3}$"]).isEmpty)
        #expect(Self.input(["enum": ["ABC", "xyz"]], ["type": "string", "pattern": "^[A-Z]{3}$"])
            == [#"/: value "xyz" is no longer accepted"#])
    }

    // MARK: Arrays

    @Test("items, counts and uniqueItems")
    func arrays() {
        let strings: JSONValue = ["type": "array", "items": ["type": "string"]]
        #expect(Self.input(strings, ["type": "array", "items": ["type": ["string", "null"]]]).isEmpty)
        #expect(Self.input(strings, ["type": "array", "items": ["type": "string", "maxLength": 3]]) == ["/*: maxLength 3 added"])
        #expect(Self.input(["type": "array"], strings) == [#"/*: type narrowed from any type to ["string"]"#])
        #expect(Self.input(strings, ["type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true, "items": ["type": "string"]])
            == ["/: maxItems 3 added", "/: minItems 1 added", "/: uniqueItems added"])
        #expect(Self.output(old: ["type": "array", "uniqueItems": true], new: ["type": "array"])
            == ["/: items are no longer guaranteed unique (uniqueItems removed)"])
        #expect(Self.input(["type": "array", "maxItems": 1], ["type": "array", "uniqueItems": true]).isEmpty)
        #expect(Self.input(["type": "array", "minItems": 2, "maxItems": 4], ["type": "array", "minItems": 1, "maxItems": 5]).isEmpty)
        #expect(Self.input(["type": "array", "items": ["type": "integer"], "maxItems": 0], ["type": "array", "items": ["type": "string"]]).isEmpty)
    }

    @Test("prefixItems: positions compared one by one, then the rest")
    func prefixItems() {
        let pair: JSONValue = ["type": "array", "prefixItems": [["type": "string"], ["type": "integer"]], "items": false]
        #expect(Self.input(pair, ["type": "array", "prefixItems": [["type": "string"], ["type": "number"]]]).isEmpty)
        #expect(Self.input(pair, ["type": "array", "prefixItems": [["type": "string"], ["type": "string"]]])
            == [#"/1: type narrowed from ["integer"] to ["string"]"#])
        #expect(Self.input(pair, ["type": "array", "maxItems": 2]).isEmpty, "a closed pair has at most two items")
        #expect(Self.input(["type": "array", "prefixItems": [["type": "string"]]], ["type": "array", "prefixItems": [["type": "string"]], "items": false])
            == ["/*: no value is accepted here any more"])
        #expect(Self.input(["type": "array", "items": ["type": "integer"]], ["type": "array", "prefixItems": [["type": "number"], ["type": "string"]]])
            == [#"/1: type narrowed from ["integer"] to ["string"]"#])
    }

    @Test("contains: only the same subschema (or a narrower one) proves it")
    func contains() {
        let old: JSONValue = ["type": "array", "contains": ["const": "x"], "minContains": 2]
        #expect(Self.input(old, ["type": "array", "contains": ["const": "x"]]).isEmpty)
        #expect(Self.input(old, ["type": "array", "contains": ["type": "string"]]).isEmpty)
        #expect(Self.input(old, ["type": "array", "contains": ["const": "x"], "minContains": 3]) == ["/: minContains raised from 2 to 3"])
        #expect(Self.input(["type": "array"], ["type": "array", "contains": ["const": "x"]]) == ["/: contains added; cannot be proven compatible"])
        #expect(Self.input(["type": "array"], ["type": "array", "contains": ["const": "x"], "minContains": 0]).isEmpty)
    }

    // MARK: Nesting and references

    @Test("nested objects and arrays report the instance location")
    func nested() throws {
        let old = try Self.json(#"""
        {"type": "object", "properties": {
          "customer": {"type": "object", "properties": {"email": {"type": "string"}, "a/b": {"type": "string"}}},
          "lines": {"type": "array", "items": {"type": "object", "properties": {"qty": {"type": "integer"}}}}}}
        """#)
        let new = try Self.json(#"""
        {"type": "object", "properties": {
          "customer": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}, "a/b": {"type": "integer"}}},
          "lines": {"type": "array", "items": {"type": "object", "properties": {"qty": {"type": "integer", "minimum": 1}}}}}}
        """#)
        #expect(Self.input(old, new) == [
            #"/customer/a~1b: type narrowed from ["string"] to ["integer"]"#,
            #"/customer/email: property "email" became required"#,
            "/lines/*/qty: minimum 1 added",
        ])
    }

    @Test("$ref: targets are resolved in each document and compared")
    func references() throws {
        let old = try Self.json(#"""
        {"type": "object", "properties": {"total": {"$ref": "#/$defs/money"}},
         "$defs": {"money": {"type": "object", "required": ["amount"], "properties": {"amount": {"type": "number", "minimum": 0}}}}}
        """#)
        let widened = try Self.json(#"""
        {"type": "object", "properties": {"total": {"$ref": "#/$defs/amount"}},
         "$defs": {"amount": {"type": "object", "required": ["amount"], "properties": {"amount": {"type": "number"}}}}}
        """#)
        let narrowed = try Self.json(#"""
        {"type": "object", "properties": {"total": {"$ref": "#/$defs/money"}},
         "$defs": {"money": {"type": "object", "required": ["amount", "currency"], "properties": {"amount": {"type": "number", "minimum": 0}}}}}
        """#)
        #expect(Self.input(old, widened).isEmpty)
        #expect(Self.input(old, narrowed) == [#"/total/currency: property "currency" became required"#])
        #expect(Self.output(old: old, new: narrowed).isEmpty)
        #expect(Self.output(old: narrowed, new: old) == [#"/total/currency: property "currency" is no longer guaranteed (no longer required)"#])
        // The same $ref text pointing at different definitions is not "identical".
        let inlined = try Self.json(#"{"type": "object", "properties": {"total": {"type": "object", "required": ["amount"]}}}"#)
        #expect(Self.input(inlined, old) == ["/total/amount: minimum 0 added", #"/total/amount: type narrowed from any type to ["number"]"#])
        // Unresolvable references cannot be proven.
        #expect(Self.input(["type": "string"], ["$ref": "#/$defs/missing"])
            == [##"/: $ref "#/$defs/missing" cannot be resolved here; cannot be proven compatible"##])
        #expect(Self.input(["$ref": "#/$defs/missing"], ["type": "string"]) == [#"/: type narrowed from any type to ["string"]"#])
    }

    @Test("$ref: anchors and embedded resources ($id) resolve where the validator resolves them")
    func referenceScopes() throws {
        func document(_ innerLength: Int) throws -> JSONValue {
            try Self.json(##"""
            {"type": "object", "properties": {"code": {"$ref": "#/$defs/inner"}, "name": {"$ref": "#name"}},
             "$defs": {"x": {"type": "string"},
                       "name": {"$anchor": "name", "type": "string", "maxLength": 50},
                       "inner": {"$id": "https://example.com/inner.json", "$ref": "#/$defs/x",
                                 "$defs": {"x": {"type": "string", "maxLength": \##(innerLength)}}}}}
            """##)
        }
        #expect(Self.input(try document(5), try document(8)).isEmpty)
        #expect(Self.input(try document(8), try document(5)) == ["/code: maxLength lowered from 8 to 5"])
        let renamed = try Self.json(##"""
        {"type": "object", "properties": {"name": {"$ref": "#n"}}, "$defs": {"n": {"$anchor": "n", "type": "string", "maxLength": 40}}}
        """##)
        #expect(Self.input(try document(5), renamed) == ["/name: maxLength lowered from 50 to 40"])
        #expect(Self.input(["type": "string"], ["$dynamicRef": "#meta"])
            == [##"/: $dynamicRef "#meta" added; cannot be proven compatible"##])
    }

    @Test("recursive $ref: compared once per place, assumed deeper down")
    func recursion() throws {
        func tree(_ name: String) throws -> JSONValue {
            try Self.json(#"""
            {"$ref": "#/$defs/node", "$defs": {"node": {"type": "object", "properties": {
              "name": \#(name), "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
            """#)
        }
        let short = try tree(#"{"type": "string", "maxLength": 10}"#)
        let long = try tree(#"{"type": "string", "maxLength": 20}"#)
        #expect(Self.input(short, long).isEmpty)
        #expect(Self.input(long, short) == [
            "/children/*/name: maxLength lowered from 20 to 10",
            "/name: maxLength lowered from 20 to 10",
        ])
        // A reference loop that never descends into the value cannot be proven.
        let loop = try Self.json(##"{"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/a"}}}"##)
        #expect(Self.input(["type": "string"], loop) == [##"/: $ref "#/$defs/a" recurses without descending into the value; cannot be proven compatible"##])
        // Root recursion through "#".
        let list = try Self.json(##"{"type": "object", "properties": {"next": {"$ref": "#"}, "value": {"type": "integer"}}}"##)
        let numberList = try Self.json(##"{"type": "object", "properties": {"next": {"$ref": "#"}, "value": {"type": "number"}}}"##)
        #expect(Self.input(list, numberList).isEmpty)
        #expect(Self.input(numberList, list) == [
            #"/next/value: type narrowed from ["number"] to ["integer"]"#,
            #"/value: type narrowed from ["number"] to ["integer"]"#,
        ])
    }

    // MARK: Unions and conjunctions

    @Test("anyOf: every old alternative must be covered by some new alternative")
    func anyOf() {
        let stringOrInteger: JSONValue = ["anyOf": [["type": "string"], ["type": "integer"]]]
        #expect(Self.input(["type": "string"], stringOrInteger).isEmpty)
        #expect(Self.input(stringOrInteger, ["anyOf": [["type": "integer"], ["type": "string"], ["type": "null"]]]).isEmpty)
        #expect(Self.input(stringOrInteger, ["type": ["string", "integer"]]).isEmpty)
        #expect(Self.input(["type": ["string", "integer"]], stringOrInteger).isEmpty)
        #expect(Self.input(stringOrInteger, ["anyOf": [["type": "string"]]]) == [
            #"/: anyOf: old alternative 2 is not accepted by any new alternative; cannot be proven compatible (closest, new alternative 1: /: type narrowed from ["integer"] to ["string"])"#,
        ])
        #expect(Self.input(["type": "number"], stringOrInteger) == [
            #"/: anyOf: no new alternative accepts everything the old schema accepted; cannot be proven compatible (closest, new alternative 1: /: type narrowed from ["number"] to ["string"])"#,
        ])
        #expect(Self.output(old: ["anyOf": [["type": "string"]]], new: stringOrInteger) == [
            #"/: anyOf: new alternative 2 may produce values that no old alternative allowed; cannot be proven compatible (closest, old alternative 1: /: may now produce type "integer", which the old outputSchema did not allow)"#,
        ])
        // Siblings of anyOf apply to every alternative.
        #expect(Self.input(["type": "object", "required": ["a"], "anyOf": [["required": ["b"]], ["required": ["c"]]]],
                           ["type": "object", "required": ["a"]]).isEmpty)
        #expect(Self.input(["type": "object", "anyOf": [["required": ["b"]], ["required": ["c"]]]],
                           ["type": "object", "required": ["b"]]) == [#"/b: property "b" became required"#])
    }

    @Test("oneOf: a new alternative must not overlap the one that covers the old values")
    func oneOf() throws {
        func variant(_ kind: String) -> JSONValue {
            ["type": "object", "required": ["kind"], "properties": ["kind": ["const": .string(kind)]]]
        }
        let two: JSONValue = ["oneOf": [variant("card"), variant("bank")]]
        let three: JSONValue = ["oneOf": [variant("card"), variant("bank"), variant("cash")]]
        #expect(Self.input(two, three).isEmpty)
        #expect(Self.output(old: three, new: two).isEmpty)
        #expect(Self.input(["type": "string"], ["oneOf": [["type": "string"], ["type": "integer"]]]).isEmpty)
        #expect(Self.input(["type": "string"], ["oneOf": [["type": "string"], ["maxLength": 3]]])
            == ["/: oneOf: new alternative 1 accepts these values but may overlap another alternative; cannot be proven compatible"])
        // Old values disjoint from the other alternative are fine.
        #expect(Self.input(["const": "abcd"], ["oneOf": [["type": "string"], ["type": "integer", "maximum": 3]]]).isEmpty)
    }

    @Test("allOf: each new conjunct must hold; old conjuncts all apply")
    func allOf() {
        let base: JSONValue = ["allOf": [["type": "object"], ["required": ["id"]]]]
        #expect(Self.input(base, ["type": "object", "required": ["id"]]).isEmpty)
        #expect(Self.input(["type": "object", "required": ["id"]], base).isEmpty)
        #expect(Self.input(base, ["allOf": [["type": "object"], ["required": ["id", "name"]]]]) == [#"/name: property "name" became required"#])
        #expect(Self.input(["allOf": [["type": "integer"], ["minimum": 0]]], ["type": "number", "minimum": -1]).isEmpty)
    }

    @Test("not, if/then/else, dependentSchemas, unevaluatedProperties: unprovable unless unchanged")
    func unprovableKeywords() {
        #expect(Self.input(["type": "string"], ["type": "string", "not": ["const": "x"]]) == ["/: not added; cannot be proven compatible"])
        #expect(Self.output(old: ["type": "string", "not": ["const": "x"]], new: ["type": "string"]) == ["/: not is no longer guaranteed (removed)"])
        #expect(Self.input(["type": "string", "not": ["const": "x"]], ["type": "string", "not": ["const": "x"], "minLength": 0]).isEmpty)
        // not(N_A) ⊆ not(N_B) when N_B ⊆ N_A.
        #expect(Self.input(["not": ["type": "string"]], ["not": ["type": "string", "maxLength": 2]]).isEmpty)
        #expect(Self.input(["not": ["type": "string", "maxLength": 2]], ["not": ["type": "string"]]) == ["/: not changed; cannot be proven compatible"])

        let conditional: JSONValue = ["type": "object", "if": ["required": ["a"]], "then": ["required": ["b"]]]
        #expect(Self.input(["type": "object"], conditional) == ["/: if/then/else added; cannot be proven compatible"])
        #expect(Self.input(conditional, ["type": "object", "if": ["required": ["a"]], "then": ["required": ["b"]], "title": "x"]).isEmpty)
        #expect(Self.input(["type": "object"], ["type": "object", "if": ["required": ["a"]]]).isEmpty, "if alone asserts nothing")

        #expect(Self.input(["type": "object"], ["type": "object", "dependentSchemas": ["a": ["required": ["b"]]]])
            == ["/: dependentSchemas added; cannot be proven compatible"])
        #expect(Self.input(["type": "object", "allOf": [["properties": ["a": true]]]],
                           ["type": "object", "allOf": [["properties": ["a": true]]], "unevaluatedProperties": false])
            == ["/: unevaluatedProperties false added; cannot be proven compatible"])
    }

    // MARK: Output schema presence

    @Test("outputSchema: none before promises nothing; removing one breaks a promise")
    func outputPresence() {
        #expect(Self.output(old: nil, new: ["type": "string"]).isEmpty)
        #expect(Self.output(old: nil, new: nil).isEmpty)
        #expect(Self.output(old: ["type": "object", "required": ["id"]], new: nil)
            == ["/: outputSchema removed; nothing is promised about the output any more"])
        #expect(Self.output(old: true, new: nil).isEmpty)
        #expect(Self.output(old: ["type": "string"], new: ["type": "string", "maxLength": 5]).isEmpty)
    }

    // MARK: A realistic change

    @Test("an order schema with several breaks, listed by location then message")
    func orderSchema() throws {
        let old = try Self.json(#"""
        {"type": "object", "required": ["orderId", "customer", "lines"], "additionalProperties": false,
         "properties": {
           "orderId": {"type": "string", "minLength": 1},
           "currency": {"enum": ["EUR", "USD", "GBP"]},
           "customer": {"type": "object", "required": ["id"],
                        "properties": {"id": {"type": "string"}, "email": {"type": "string"}}},
           "lines": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}},
           "note": {"type": "string"},
           "priority": {"type": ["integer", "null"], "minimum": 0, "maximum": 100}},
         "$defs": {"line": {"type": "object", "required": ["sku", "qty"],
                            "properties": {"sku": {"type": "string"}, "qty": {"type": "integer", "minimum": 1}}}}}
        """#)
        let new = try Self.json(#"""
        {"type": "object", "required": ["orderId", "customer", "lines"], "additionalProperties": false,
         "description": "An order, version 2",
         "properties": {
           "orderId": {"type": "string"},
           "currency": {"enum": ["EUR", "USD"]},
           "customer": {"type": "object", "required": ["id", "email"],
                        "properties": {"id": {"type": "string"}, "email": {"type": "string"}}},
           "lines": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}},
           "channel": {"enum": ["web", "store"]},
           "priority": {"type": "integer", "minimum": 0, "maximum": 10}},
         "$defs": {"line": {"type": "object", "required": ["sku", "qty"],
                            "properties": {"sku": {"type": "string"}, "qty": {"type": "integer", "minimum": 1, "maximum": 99}}}}}
        """#)
        #expect(Self.input(old, new) == [
            #"/currency: enum no longer allows "GBP""#,
            #"/customer/email: property "email" became required"#,
            "/lines/*/qty: maximum 99 added",
            #"/note: property "note" removed while additionalProperties is false"#,
            "/priority: maximum lowered from 100 to 10",
            #"/priority: type narrowed from ["integer","null"] to ["integer"]"#,
        ])
        // The same pair read as output schemas: what the new version may now produce.
        #expect(Self.output(old: old, new: new) == [
            #"/channel: may now produce property "channel", which the old outputSchema did not allow"#,
            "/orderId: minLength 1 is no longer guaranteed (removed)",
        ])
        let changes = SchemaCompatibility.inputBreakingChanges(old: old, new: new)
        #expect(changes.first == SchemaBreakingChange(location: "/currency", message: #"enum no longer allows "GBP""#))
        #expect(SchemaBreakingChange(location: "", message: "x").description == "/: x")
    }

    // MARK: Soundness against the real validator

    /// Pairs reported compatible; for each, every sample the old schema accepts must be accepted by the new one.
    static let compatiblePairs: [(String, String)] = [
        (#"{"type": "string"}"#, #"{"type": ["string", "null"]}"#),
        (#"{"type": "object", "required": ["a"], "additionalProperties": false, "properties": {"a": {"type": "string"}}}"#,
         #"{"type": "object", "required": ["a"], "additionalProperties": false, "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}}"#),
        (#"{"enum": ["EUR", "USD"]}"#, #"{"enum": ["EUR", "USD", "GBP"]}"#),
        (#"{"type": "integer", "minimum": 1, "maximum": 10}"#, #"{"type": "integer", "exclusiveMinimum": 0, "maximum": 20}"#),
        (#"{"type": "object", "required": ["a", "b"]}"#, #"{"type": "object", "required": ["a"], "minProperties": 2}"#),
        (#"{"type": "array", "items": {"type": "integer"}, "maxItems": 3}"#, #"{"type": "array", "items": {"type": "number"}, "maxItems": 5}"#),
        (##"{"type": "object", "properties": {"total": {"$ref": "#/$defs/m"}}, "$defs": {"m": {"type": "number", "minimum": 0}}}"##,
         ##"{"type": "object", "properties": {"total": {"$ref": "#/$defs/m"}}, "$defs": {"m": {"type": "number"}}}"##),
        (#"{"type": "string", "maxLength": 3}"#, #"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#),
        (#"{"oneOf": [{"type": "object", "required": ["kind"], "properties": {"kind": {"const": "a"}}}, {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "b"}}}]}"#,
         #"{"oneOf": [{"type": "object", "required": ["kind"], "properties": {"kind": {"const": "a"}}}, {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "b"}}}, {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "c"}}}]}"#),
        (##"{"$ref": "#/$defs/n", "$defs": {"n": {"type": "object", "properties": {"a": {"type": "string", "maxLength": 1}, "next": {"$ref": "#/$defs/n"}}}}}"##,
         ##"{"$ref": "#/$defs/n", "$defs": {"n": {"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}, "next": {"$ref": "#/$defs/n"}}}}}"##),
        (#"{"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}"#,
         #"{"type": "array", "prefixItems": [{"type": "string"}, {"type": "number"}], "maxItems": 2}"#),
        (#"{"type": "integer", "exclusiveMaximum": 10, "multipleOf": 4}"#, #"{"type": "integer", "maximum": 9, "multipleOf": 2}"#),
        (#"{"type": ["boolean", "null"]}"#, #"{"enum": [true, false, null]}"#),
        (#"{"type": "object", "patternProperties": {"^x-": {"type": "integer"}}, "additionalProperties": false}"#,
         #"{"type": "object", "patternProperties": {"^x-": {"type": "number"}}, "additionalProperties": {"type": "string"}}"#),
        (#"{"type": "object", "properties": {"a": {"type": "integer"}}, "additionalProperties": {"type": "string"}}"#,
         #"{"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "string"}}}"#),
        (#"{"not": {"type": "string"}}"#, #"{"not": {"type": "string", "maxLength": 2}}"#),
    ]

    @Test("every pair reported compatible is compatible on samples, per the project's validator")
    func soundness() throws {
        for (oldText, newText) in Self.compatiblePairs {
            let old = try Self.json(oldText), new = try Self.json(newText)
            #expect(Self.input(old, new).isEmpty, "\(oldText) → \(newText)")
            #expect(Self.output(old: new, new: old).isEmpty, "\(oldText) → \(newText)")
            let oldSchema = try JSONSchema(compiling: old), newSchema = try JSONSchema(compiling: new)
            let accepted = (Self.samples(old, root: old) + Self.samples(new, root: new)).filter { oldSchema.isValid($0) }
            #expect(Set(accepted).count >= 2, "too few samples for \(oldText)")
            for instance in accepted {
                #expect(newSchema.validate(instance).isEmpty, "\(instance): old \(oldText) accepts it, new \(newText) does not")
            }
        }
    }

    /// Values worth trying against `schema`: an assorted pool, the values its keywords mention,
    /// numbers and lengths at its bounds, and objects/arrays built from its subschemas' samples.
    static func samples(_ schema: JSONValue, root: JSONValue, depth: Int = 0) -> [JSONValue] {
        let pool: [JSONValue] = [
            nil, true, false, 0, 1, -1, 2, 2.5, 3, 4, 8, 9, 10, 11, 12, 20, 100, -0.5, "", "a", "abc", "abcd", "EUR", "GBP",
            [], [1], ["a"], [1, 1], ["a", 2], ["a", 2.5], ["a", 2, 3], [:], ["a": 1], ["kind": "c"],
        ]
        guard depth < 3, case .object(let object) = schema else { return pool }
        // Values specific to the schema come first, so that objects and arrays built below use them.
        var result: [JSONValue] = []
        if let reference = object["$ref"]?.stringValue, let pointer = JSONPointer(reference.dropFirst()),
           let target = pointer.evaluate(in: root) {
            result += samples(target, root: root, depth: depth + 1)
        }
        result += object["enum"]?.arrayValue ?? []
        if let constant = object["const"] { result.append(constant) }
        for keyword in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] {
            guard let bound = object[keyword]?.doubleValue else { continue }
            result += [bound - 1, bound - 0.5, bound, bound + 0.5, bound + 1].map { JSONValue.double($0) }
        }
        for keyword in ["minLength", "maxLength"] {
            guard let length = object[keyword]?.intValue else { continue }
            result += [length - 1, length, length + 1].filter { $0 >= 0 }.map { .string(String(repeating: "a", count: Int($0))) }
        }
        for keyword in ["anyOf", "oneOf", "allOf"] {
            for branch in object[keyword]?.arrayValue ?? [] { result += samples(branch, root: root, depth: depth + 1) }
        }
        if let not = object["not"] { result += samples(not, root: root, depth: depth + 1) }
        var members: [(String, [JSONValue])] = []
        for (name, subschema) in object["properties"]?.objectValue ?? JSONObject() {
            members.append((name, samples(subschema, root: root, depth: depth + 1)))
        }
        for (_, subschema) in object["patternProperties"]?.objectValue ?? JSONObject() {
            members.append(("x-a", samples(subschema, root: root, depth: depth + 1)))
        }
        for case .string(let name) in object["required"]?.arrayValue ?? [] where !members.contains(where: { $0.0 == name }) {
            members.append((name, pool))
        }
        if !members.isEmpty {
            for variant in 0..<40 {
                var instance = JSONObject()
                for (index, (name, values)) in members.enumerated() where (variant + index) % 5 != 4 {
                    instance[name] = values[(variant + index * 3) % values.count]
                }
                if variant % 3 == 0 { instance["extra"] = .string("x") }
                result.append(.object(instance))
            }
        }
        var itemSchemas = object["prefixItems"]?.arrayValue ?? []
        if let items = object["items"] { itemSchemas.append(items) }
        if !itemSchemas.isEmpty {
            let pools = itemSchemas.map { samples($0, root: root, depth: depth + 1) }
            for variant in 0..<30 {
                let length = variant % 4
                result.append(.array((0..<length).map { position in
                    let choices = pools[min(position, pools.count - 1)]
                    return choices[(variant + position * 2) % choices.count]
                }))
            }
        }
        return result + pool
    }
}
