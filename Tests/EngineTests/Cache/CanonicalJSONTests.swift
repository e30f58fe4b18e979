import Testing
@testable import Engine

@Suite("Canonical JSON (RFC 8785)")
struct CanonicalJSONTests {
    // MARK: RFC 8785's own examples

    /// RFC 8785 §3.2.2 input, parsed as written in the RFC.
    static let rfcSampleInput = #"""
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """#

    @Test("§3.2.3: the §3.2.2 sample canonicalizes to the RFC's output")
    func rfcSample() throws {
        let value = try JSONValue.parse(Self.rfcSampleInput)
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try value.canonicalJSON() == expected)
    }

    @Test("§3.2.4: the sample's UTF-8 bytes match the RFC's hex dump")
    func rfcSampleBytes() throws {
        let hex = """
            7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
            75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
            5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
            65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
            5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
            30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
            """
        let expected = hex.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { UInt8($0, radix: 16) }
        #expect(expected.count == 118)
        #expect(try JSONValue.parse(Self.rfcSampleInput).canonicalJSONBytes() == expected)
    }

    @Test("§3.2.3: the property sorting test data sorts by UTF-16 code units")
    func rfcSortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let canonical = try JSONValue.parse(input).canonicalJSON()
        // The RFC's expected order of the values.
        let order = try JSONValue.parse(canonical).objectValue?.values.compactMap(\.stringValue)
        #expect(order == [
            "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
            "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
        ])
        // And the exact text: U+0080 is not an ASCII control, so it is written raw (C2 80).
        #expect(canonical == "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\","
            + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
            + "\"😀\":\"Emoji: Grinning Face\",\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}")
    }

    /// RFC 8785 Appendix B, Table 1: IEEE 754 bit pattern → JSON representation (finite rows).
    @Test("Appendix B number serialization samples", arguments: [
        (0x0000_0000_0000_0000, "0"),  // Zero
        (0x8000_0000_0000_0000, "0"),  // Minus zero
        (0x0000_0000_0000_0001, "5e-324"),  // Min pos number
        (0x8000_0000_0000_0001, "-5e-324"),  // Min neg number
        (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),  // Max pos number
        (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),  // Max neg number
        (0x4340_0000_0000_0000, "9007199254740992"),  // Max pos int
        (0xC340_0000_0000_0000, "-9007199254740992"),  // Max neg int
        (0x4430_0000_0000_0000, "295147905179352830000"),  // ~2**68
        (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"),
        (0x44B5_2D02_C7E1_4AF6, "1e+23"),
        (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
        (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
        (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
        (0x444B_1AE4_D6E2_EF50, "1e+21"),
        (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"),
        (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
        (0x41B3_DE43_5555_5553, "333333333.3333332"),
        (0x41B3_DE43_5555_5554, "333333333.33333325"),
        (0x41B3_DE43_5555_5555, "333333333.3333333"),
        (0x41B3_DE43_5555_5556, "333333333.3333334"),
        (0x41B3_DE43_5555_5557, "333333333.33333343"),
        (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
        (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),  // Round to even
    ] as [(UInt64, String)])
    func appendixB(bits: UInt64, expected: String) throws {
        #expect(try JSONValue.double(Double(bitPattern: bits)).canonicalJSON() == expected)
    }

    @Test("Appendix B: NaN and Infinity are rejected", arguments: [
        0x7FFF_FFFF_FFFF_FFFF,  // NaN
        0x7FF0_0000_0000_0000,  // Infinity
        0xFFF0_0000_0000_0000,  // -Infinity
    ] as [UInt64])
    func nonFinite(bits: UInt64) {
        #expect(throws: CanonicalJSONError.self) { try JSONValue.double(Double(bitPattern: bits)).canonicalJSON() }
    }

    // MARK: Numbers

    @Test("number forms follow ECMAScript Number::toString", arguments: [
        (JSONValue.double(1.0), "1"),
        (.int(1), "1"),
        (.double(-1.5), "-1.5"),
        (.double(0.1), "0.1"),
        (.double(100), "100"),
        (.double(1e20), "100000000000000000000"),
        (.double(1e21), "1e+21"),
        (.double(1.5e21), "1.5e+21"),
        (.double(1.5e300), "1.5e+300"),
        (.double(0.000001), "0.000001"),
        (.double(0.0000015), "0.0000015"),
        (.double(1e-7), "1e-7"),
        (.double(1.25e-7), "1.25e-7"),
        (.double(123e-20), "1.23e-18"),
        (.double(-0.0), "0"),
        (.int(0), "0"),
        (.int(-42), "-42"),
        (.double(4.50), "4.5"),
        (.double(2e-3), "0.002"),
        (.double(123456789012345.67), "123456789012345.67"),
    ])
    func numberForms(value: JSONValue, expected: String) throws {
        #expect(try value.canonicalJSON() == expected)
    }

    @Test(".int and the equal .double canonicalize identically")
    func intAndDoubleAgree() throws {
        for i: Int64 in [0, 1, -1, 7, 1_000_000, 9_007_199_254_740_992, -9_007_199_254_740_992] {
            #expect(try JSONValue.int(i).canonicalJSON() == JSONValue.double(Double(i)).canonicalJSON())
        }
    }

    @Test("integers within ±2^53 are written exactly, beyond it they throw with their location")
    func integerRange() throws {
        #expect(try JSONValue.int(9_007_199_254_740_992).canonicalJSON() == "9007199254740992")
        #expect(try JSONValue.int(-9_007_199_254_740_992).canonicalJSON() == "-9007199254740992")
        for i in [Int64(9_007_199_254_740_993), -9_007_199_254_740_993, .max, .min] {
            #expect(throws: CanonicalJSONError.integerOutOfRange(i, at: .root)) { try JSONValue.int(i).canonicalJSON() }
        }
        let nested: JSONValue = ["a": ["ok", ["b": .int(.max)]]]
        #expect(throws: CanonicalJSONError.integerOutOfRange(.max, at: JSONPointer(tokens: ["a", "1", "b"]))) {
            try nested.canonicalJSON()
        }
        let nan: JSONValue = ["x": [.double(.nan)]]
        do {
            _ = try nan.canonicalJSON()
            Issue.record("NaN was accepted")
        } catch {
            guard case .nonFiniteNumber(_, let pointer) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(pointer.description == "/x/0")
        }
    }

    @Test("random doubles: output parses back to the same double and is valid canonical layout")
    func randomRoundTrip() throws {
        // SplitMix64 with a fixed seed: deterministic, covers all exponents.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var checked = 0
        while checked < 20_000 {
            let value = Double(bitPattern: next())
            guard value.isFinite else { continue }
            checked += 1
            let text = try JSONValue.double(value).canonicalJSON()
            #expect(Double(text) == value, "\(text) does not read back as \(value)")
            // ECMAScript never writes a trailing ".", ".e", or a zero-padded exponent ("e-07").
            #expect(!text.hasSuffix(".") && !text.contains(".e") && !text.contains("e+0") && !text.contains("e-0"))
            // Shortest round-trip digits never need more than 17 significant digits.
            let mantissa = text.split(separator: "e")[0].utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let significant = mantissa.drop { $0 == UInt8(ascii: "0") }.reversed().drop { $0 == UInt8(ascii: "0") }
            #expect(significant.count <= 17, "\(text) has too many digits")
        }
    }

    // MARK: Strings

    @Test("control characters: short forms for \\b \\t \\n \\f \\r, lowercase \\u00hh otherwise")
    func controlCharacters() throws {
        var input = ""
        var expected = "\""
        for code in 0..<0x20 {
            input.unicodeScalars.append(Unicode.Scalar(UInt8(code)))
            switch code {
            case 0x08: expected += "\\b"
            case 0x09: expected += "\\t"
            case 0x0A: expected += "\\n"
            case 0x0C: expected += "\\f"
            case 0x0D: expected += "\\r"
            default:
                let hex = String(code, radix: 16)
                expected += "\\u00" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        expected += "\""
        let canonical = try JSONValue.string(input).canonicalJSON()
        #expect(canonical == expected)
        #expect(canonical.contains("\\u001f") && canonical.contains("\\u000b"))
    }

    @Test("only quote and backslash are escaped among printable characters")
    func printableCharacters() throws {
        #expect(try JSONValue.string("a\"b\\c/d'e\u{7F}").canonicalJSON() == "\"a\\\"b\\\\c/d'e\u{7F}\"")
    }

    @Test("unicode is written as raw UTF-8: surrogate pairs, U+2028/U+2029, no normalization")
    func unicode() throws {
        // U+1F600 (a surrogate pair in UTF-16, "\ud83d\ude00" in JSON) is four raw UTF-8 bytes.
        #expect(try JSONValue.string("😀").canonicalJSONBytes() == [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22])
        #expect(try JSONValue.parse(#""\ud83d\ude00""#).canonicalJSON() == "\"😀\"")
        // Line and paragraph separators are not escaped by JCS (unlike some JS-embedding encoders).
        #expect(try JSONValue.string("a\u{2028}b\u{2029}c").canonicalJSONBytes()
            == [0x22, 0x61, 0xE2, 0x80, 0xA8, 0x62, 0xE2, 0x80, 0xA9, 0x63, 0x22])
        // "é" precomposed and decomposed are canonically equivalent in Swift, but JCS keeps code
        // points as they are, so their canonical forms (and cache keys) differ.
        let composed = try JSONValue.string("\u{E9}").canonicalJSONBytes()
        let decomposed = try JSONValue.string("e\u{301}").canonicalJSONBytes()
        #expect(composed == [0x22, 0xC3, 0xA9, 0x22])
        #expect(decomposed == [0x22, 0x65, 0xCC, 0x81, 0x22])
    }

    @Test("keys are compared as UTF-16 code units, not code points or UTF-8")
    func utf16KeyOrder() throws {
        // U+FB33 < U+1F600 as code points, but in UTF-16 the emoji starts with 0xD83D < 0xFB33.
        let value: JSONValue = ["\u{FB33}": 1, "😀": 2, "\u{FFFF}": 3, "z": 4]
        #expect(try value.canonicalJSON() == "{\"z\":4,\"😀\":2,\"\u{FB33}\":1,\"\u{FFFF}\":3}")
    }

    @Test("keys differing only in normalization are distinct members, ordered by code units")
    func normalizationDistinctKeys() throws {
        let value = JSONValue.object(JSONObject([("e\u{301}", .int(2)), ("\u{E9}", .int(1))]))
        #expect(try value.canonicalJSON() == "{\"e\u{301}\":2,\"\u{E9}\":1}")
    }

    // MARK: Structure

    @Test("member order does not matter, at any depth; array order does")
    func keyOrderIndependence() throws {
        let a = try JSONValue.parse(#"{"b": {"y": [1, {"q": 1, "p": 2}], "x": null}, "a": true, "": "empty"}"#)
        let b = try JSONValue.parse(#"{"": "empty", "a": true, "b": {"x": null, "y": [1, {"p": 2, "q": 1}]}}"#)
        let expected = #"{"":"empty","a":true,"b":{"x":null,"y":[1,{"p":2,"q":1}]}}"#
        #expect(try a.canonicalJSON() == expected)
        #expect(try b.canonicalJSON() == expected)
        let reversed: JSONValue = ["b": ["y": [["p": 2, "q": 1], 1], "x": nil], "a": true, "": "empty"]
        #expect(try reversed.canonicalJSON() != expected)
    }

    @Test("no whitespace, empty containers, literals")
    func compact() throws {
        let value: JSONValue = ["list": [nil, true, false, [], [:]], "s": ""]
        #expect(try value.canonicalJSON() == #"{"list":[null,true,false,[],{}],"s":""}"#)
        let pretty = try JSONValue.parse("{ \"a\" : [ 1 ,\n 2 ] }")
        #expect(try pretty.canonicalJSON() == #"{"a":[1,2]}"#)
    }

    @Test("canonical output is a fixed point: parse → canonicalize is idempotent")
    func idempotent() throws {
        let once = try JSONValue.parse(Self.rfcSampleInput).canonicalJSON()
        #expect(try JSONValue.parse(once).canonicalJSON() == once)
    }
}
