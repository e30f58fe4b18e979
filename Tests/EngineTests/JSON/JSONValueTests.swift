import Testing
@testable import Engine

@Suite("JSONValue and JSONObject")
struct JSONValueTests {
    @Test("== is structural; jsonEquals treats 1 and 1.0 as equal")
    func equality() {
        #expect(JSONValue.int(1) != .double(1.0))
        #expect(JSONValue.int(1).jsonEquals(.double(1.0)))
        #expect(!JSONValue.int(9007199254740993).jsonEquals(.double(9007199254740992.0)))
        #expect(JSONValue.array([1, ["a": 2.0]]).jsonEquals([1.0, ["a": 2]]))
        #expect(!JSONValue.bool(false).jsonEquals(.int(0)))
    }

    @Test("objects are equal and hash alike regardless of key order")
    func objectOrder() {
        let a: JSONValue = ["x": 1, "y": 2]
        let b: JSONValue = ["y": 2, "x": 1]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
    }

    @Test("strings compare by code points, not canonical equivalence")
    func codePoints() {
        let composed = JSONValue.string("\u{e9}")
        let decomposed = JSONValue.string("e\u{301}")
        #expect(composed != decomposed)
        #expect(!composed.jsonEquals(decomposed))
        var object = JSONObject()
        object["\u{e9}"] = 1
        object["e\u{301}"] = 2
        #expect(object.count == 2)
    }

    @Test("object members can be replaced and removed, keeping order")
    func objectMutation() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = 20
        object["a"] = nil
        object["d"] = 4
        #expect(object.keys == ["b", "c", "d"])
        #expect(object["b"] == 20 && object["c"] == 3 && object["a"] == nil)
        #expect(object.contains(key: "d"))
    }

    @Test("subscripts and accessors")
    func accessors() {
        let value: JSONValue = ["items": [["sku": "A"]], "n": 2.0]
        #expect(value["items"]?[0]?["sku"]?.stringValue == "A")
        #expect(value["items"]?[5] == nil)
        #expect(value["n"]?.intValue == 2)
        #expect(value["n"]?.typeName == "integer")
        #expect(JSONValue.double(2.5).typeName == "number")
    }
}
