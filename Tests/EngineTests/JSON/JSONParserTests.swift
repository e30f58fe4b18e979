import Testing
@testable import Engine

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value and keeps key order")
    func parsesValues() throws {
        let value = try JSONValue.parse(#"{"b": [1, -2, 3.5, 1e3, true, false, null], "a": "x", "c": {}}"#)
        #expect(value == ["b": [1, -2, 3.5, 1000.0, true, false, nil], "a": "x", "c": [:]])
        #expect(value.objectValue?.keys == ["b", "a", "c"])
    }

    @Test("integers that fit Int64 are .int, others .double")
    func numberKinds() throws {
        #expect(try JSONValue.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSONValue.parse("-9223372036854775808") == .int(Int64.min))
        #expect(try JSONValue.parse("9223372036854775808") == .double(9223372036854775808.0))
        #expect(try JSONValue.parse("1.0") == .double(1.0))
        #expect(try JSONValue.parse("-0") == .int(0))
        #expect(try JSONValue.parse("2E-2") == .double(0.02))
    }

    @Test("decodes escapes, including surrogate pairs")
    func escapes() throws {
        let value = try JSONValue.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\u{8}\u{c}\n\r\té😀"))
        #expect(try JSONValue.parse(#""plain ünïcödé""#) == .string("plain ünïcödé"))
    }

    @Test("rejects non-JSON", arguments: [
        "", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "-", "1e", "[1 2]", "{\"a\" 1}", "{a:1}",
        "// c\n1", "/* c */1", "'x'", "\"\t\"", "tru", "nul", "NaN", "Infinity", "1 2", "[", "\"abc",
        #""\x""#, #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, #""\u12G4""#, "1e400",
    ])
    func rejects(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test("errors name the character, line and column")
    func errorMessages() {
        let text = "{\n  \"a\": 1,\n    }"
        #expect {
            try JSONValue.parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.description == "Unexpected character '}' at line 3, column 5; expected a property name."
                && error.offset == 16 && error.line == 3 && error.column == 5
        }
        #expect {
            try JSONValue.parse("[1, 2")
        } throws: { error in
            (error as? JSONParseError)?.description == "Unexpected end of input at line 1, column 6."
        }
        #expect {
            try JSONValue.parse("[01]")
        } throws: { error in
            (error as? JSONParseError)?.description == "Leading zeros are not allowed in numbers at line 1, column 3."
        }
    }

    @Test("nesting is limited, so hostile input cannot overflow the stack")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONValue.parse(ok)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            try JSONValue.parse(deep)
        } throws: { error in
            (error as? JSONParseError)?.description == "Nesting deeper than 512 levels at line 1, column 513."
        }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("[[[1]]]", maxDepth: 2) }
    }

    @Test("rejects invalid UTF-8 inside strings")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xFF, 0x22]
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
    }

    @Test("parses from any byte collection")
    func byteCollections() throws {
        let bytes = Array(#"{"k":[1]}"#.utf8)
        #expect(try JSONValue.parse(bytes[...]) == ["k": [1]])
        #expect(try JSONValue.parse(bytes.lazy.map { $0 }) == ["k": [1]])
    }

    @Test("duplicate keys keep the first position and the last value")
    func duplicateKeys() throws {
        let value = try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
    }
}
