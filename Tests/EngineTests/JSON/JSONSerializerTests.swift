import Testing
@testable import Engine

@Suite("JSON serializer")
struct JSONSerializerTests {
    @Test("compact output keeps key order and escapes what JSON requires")
    func compact() {
        let value: JSONValue = ["z": "a\"b\\c/d\n\u{1}é", "a": [1, 2.5, true, nil], "m": [:], "e": []]
        #expect(value.serialized() == #"{"z":"a\"b\\c/d\n\u0001é","a":[1,2.5,true,null],"m":{},"e":[]}"#)
    }

    @Test("pretty output indents two spaces; sortedKeys orders members")
    func prettySorted() {
        let value: JSONValue = ["b": [1], "a": ["y": nil, "x": false]]
        #expect(value.serialized(pretty: true, sortedKeys: true) == """
            {
              "a": {
                "x": false,
                "y": null
              },
              "b": [
                1
              ]
            }
            """)
    }

    @Test("doubles print shortest round-trip; integral doubles keep their fraction")
    func doubles() {
        #expect(JSONValue.double(1.0).serialized() == "1.0")
        #expect(JSONValue.double(0.1).serialized() == "0.1")
        #expect(JSONValue.double(1e-7).serialized() == "1e-07")
        #expect(JSONValue.double(1.5e300).serialized() == "1.5e+300")
        #expect(JSONValue.double(.infinity).serialized() == "null")
        #expect(JSONValue.int(-42).serialized() == "-42")
    }

    @Test("serialize then parse is the identity", arguments: [
        #"{"a":[1,-0.5,1.0,1e+20,"x\u0000y",{"":null}],"b":"😀\\"}"#,
        "[9223372036854775807,-9223372036854775808,5e-324,1.7976931348623157e+308]",
    ])
    func roundTrip(text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(try JSONValue.parse(value.serialized()) == value)
        #expect(try JSONValue.parse(value.serialized(pretty: true)) == value)
    }
}
