import Testing
@testable import Engine

@Suite("JSON Pointer (RFC 6901)")
struct JSONPointerTests {
    // The example document of RFC 6901 §5.
    let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5,
        "k\"l": 6, " ": 7, "m~n": 8,
    ]

    @Test("evaluates the RFC 6901 examples", arguments: [
        ("/foo", JSONValue.array(["bar", "baz"])), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1),
        ("/c%d", 2), ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
    ])
    func rfcExamples(pointer: String, expected: JSONValue) throws {
        let parsed = try #require(JSONPointer(pointer))
        #expect(parsed.evaluate(in: document) == expected)
        #expect(parsed.description == pointer)
    }

    @Test("the empty pointer is the whole document")
    func root() throws {
        #expect(try #require(JSONPointer("")).evaluate(in: document) == document)
        #expect(JSONPointer.root.description == "")
    }

    @Test("rejects malformed pointers", arguments: ["foo", "/~2", "/a~", "#/a"])
    func malformed(text: String) {
        #expect(JSONPointer(text) == nil)
    }

    @Test("missing targets and non-canonical indices give nil", arguments: ["/foo/2", "/foo/01", "/foo/-", "/bar", "/foo/0/x"])
    func missing(text: String) throws {
        #expect(try #require(JSONPointer(text)).evaluate(in: document) == nil)
    }

    @Test("appending escapes tokens in the string form")
    func appending() {
        let pointer = JSONPointer.root.appending("a/b").appending(0).appending("~")
        #expect(pointer.tokens == ["a/b", "0", "~"])
        #expect(pointer.description == "/a~1b/0/~0")
    }
}
