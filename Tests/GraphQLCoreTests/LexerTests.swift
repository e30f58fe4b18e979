import Testing

@testable import GraphQLCore

@Suite struct LexerTests {
    @Test func punctuators() throws {
        let expected: [(String, TokenKind)] = [
            ("!", .bang), ("$", .dollar), ("&", .ampersand), ("(", .parenLeft), (")", .parenRight),
            ("...", .spread), (":", .colon), ("=", .equals), ("@", .at), ("[", .bracketLeft),
            ("]", .bracketRight), ("{", .braceLeft), ("|", .pipe), ("}", .braceRight),
        ]
        for (text, kind) in expected {
            let token = try lexOne(text)
            #expect(token.kind == kind, "\(text)")
            #expect(token.start == 0 && token.end == text.utf8.count)
            #expect(token.value == nil)
        }
    }

    @Test func namesAndIgnoredTokens() throws {
        let token = try lexOne("\u{FEFF} \t,,\n\r\n\r  _a1_B2 ")
        #expect(token.kind == .name)
        #expect(token.value == "_a1_B2")
        #expect(token.start == 13 && token.end == 19)
        #expect(try lexAll("a,b c\td").map(\.value) == ["a", "b", "c", "d"])
    }

    @Test func commentsAreSkippedButReadable() throws {
        #expect(try lexAll("# one\na # two\r\n# three").map(\.value) == ["a"])
        let lexer = Lexer(source: Source("# hello ☕\nx"))
        let comment = try lexer.readToken(at: 0)
        #expect(comment.kind == .comment)
        #expect(comment.value == " hello ☕")
        #expect(try lexer.readToken(at: comment.end).value == "x")
    }

    @Test func lookaheadDoesNotMove() throws {
        var lexer = Lexer(source: Source("a # c\n b"))
        #expect(try lexer.advance().value == "a")
        #expect(try lexer.lookahead().value == "b")
        #expect(lexer.token.value == "a")
        #expect(try lexer.advance().value == "b")
        #expect(lexer.lastToken.value == "a")
        #expect(try lexer.advance().kind == .endOfFile)
        #expect(try lexer.advance().kind == .endOfFile)
    }

    @Test(arguments: [
        ("4", TokenKind.int), ("-4", .int), ("9", .int), ("0", .int), ("-0", .int),
        ("4.123", .float), ("-4.123", .float), ("0.123", .float), ("123e4", .float), ("123E4", .float),
        ("123e-4", .float), ("123e+4", .float), ("-1.123e4", .float), ("-1.123E4", .float),
        ("-1.123e-4", .float), ("-1.123e+4", .float), ("-1.123e4567", .float), ("0e0", .float),
    ])
    func validNumbers(text: String, kind: TokenKind) throws {
        let token = try lexOne(text)
        #expect(token.kind == kind)
        #expect(token.value == text)
    }

    @Test func numberFollowedByNonASCIIEndsTheNumber() throws {
        let token = try lexOne("1ß")
        #expect(token.kind == .int && token.value == "1")
    }

    @Test func strings() throws {
        let cases: [(String, String)] = [
            (#""""#, ""),
            (#""simple""#, "simple"),
            (#"" white space ""#, " white space "),
            (#""quote \"""#, "quote \""),
            (#""escaped \n\r\b\t\f""#, "escaped \n\r\u{8}\t\u{C}"),
            (#""slashes \\ \/""#, "slashes \\ /"),
            (#""unescaped unicode outside BMP 😀""#, "unescaped unicode outside BMP 😀"),
            (#""unicode \u1234\u5678\u90AB\uCDEF""#, "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}"),
            (#""unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}""#, "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}"),
            (#""string with unicode escape outside BMP \u{1F600}""#, "string with unicode escape outside BMP 😀"),
            (#""string with minimal unicode escape \u{0}""#, "string with minimal unicode escape \u{0}"),
            (#""string with maximal unicode escape \u{10FFFF}""#, "string with maximal unicode escape \u{10FFFF}"),
            (#""string with maximal minimal unicode escape \u{00000000}""#, "string with maximal minimal unicode escape \u{0}"),
            (#""string with unicode surrogate pair escape \uD83D\uDE00""#, "string with unicode surrogate pair escape 😀"),
            (#""string with minimal surrogate pair escape \uD800\uDC00""#, "string with minimal surrogate pair escape \u{10000}"),
            (#""string with maximal surrogate pair escape \uDBFF\uDFFF""#, "string with maximal surrogate pair escape \u{10FFFF}"),
            ("\"contains unescaped \u{7} control char\"", "contains unescaped \u{7} control char"),
            ("\"null-byte is not \u{0} end of file\"", "null-byte is not \u{0} end of file"),
        ]
        for (text, value) in cases {
            let token = try lexOne(text)
            #expect(token.kind == .string, "\(text)")
            #expect(token.value == value, "\(text)")
            #expect(token.end == text.utf8.count)
        }
    }

    @Test func blockStrings() throws {
        let cases: [(String, String)] = [
            (#""""""""#, ""),
            (#""""simple""""#, "simple"),
            (#"""" white space """"#, " white space "),
            (#""""contains " quote""""#, "contains \" quote"),
            (#""""contains \""" triple quote""""#, "contains \"\"\" triple quote"),
            ("\"\"\"multi\nline\"\"\"", "multi\nline"),
            ("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized"),
            (#""""unescaped \n\r\b\t\f\u1234""""#, #"unescaped \n\r\b\t\f\u1234"#),
            (#""""unescaped unicode outside BMP 😀""""#, "unescaped unicode outside BMP 😀"),
            (#""""slashes \\ \/""""#, #"slashes \\ \/"#),
            ("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines"),
        ]
        for (text, value) in cases {
            let token = try lexOne(text)
            #expect(token.kind == .blockString, "\(text)")
            #expect(token.value == value, "\(text)")
            #expect(token.end == text.utf8.count)
        }
    }

    @Test func blockStringValueAlgorithm() {
        #expect(BlockString.value(ofRawText: "\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n")
            == "Hello,\n  World!\n\nYours,\n  GraphQL.")
        #expect(BlockString.value(ofRawText: "\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n\n")
            == "Hello,\n  World!\n\nYours,\n  GraphQL.")
        // Lines of only white space don't count towards the common indentation.
        #expect(BlockString.value(ofRawText: "  \n        \n    Hello,\n      World!\n  \n    \n")
            == "Hello,\n  World!")
        // The first line keeps its indentation and does not set the common one.
        #expect(BlockString.value(ofRawText: "    Hello,\n      World!") == "    Hello,\nWorld!")
        #expect(BlockString.value(ofRawText: "Hello,\n  World!\n\tYours") == "Hello,\n World!\nYours")
        // Trailing spaces stay.
        #expect(BlockString.value(ofRawText: "\n    Hello,     \n      World!   \n") == "Hello,     \n  World!   ")
        #expect(BlockString.value(ofRawText: "") == "")
        #expect(BlockString.value(ofRawText: "  \n\t\n ") == "")
    }

    @Test func errorLocationsCountUTF16Units() {
        let error = lexError("\"😀\" ?")
        #expect(error == nil)  // the first token is fine; the parser finds the `?`
        let parseFailure = parseError("{ f(a: \"😀é\") ? }")
        #expect(parseFailure?.message == "Syntax Error: Unexpected character: \"?\".")
        #expect(parseFailure?.locations == [SourceLocation(line: 1, column: 15)])
    }

    @Test(arguments: lexerErrorCases)
    func lexerErrors(text: String, message: String, line: Int, column: Int) {
        let error = lexError(text)
        #expect(error?.message == message, "\(text)")
        #expect(error?.locations == [SourceLocation(line: line, column: column)], "\(text)")
    }
}

/// Inputs whose first token is malformed, with graphql-js 16's message, line and column.
let lexerErrorCases: [(String, String, Int, Int)] = [
        ("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 2),
        ("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 2),
        ("01.23", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 2),
        ("+1", "Syntax Error: Unexpected character: \"+\".", 1, 1),
        ("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3),
        ("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3),
        ("1.e1", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 3),
        (".123", "Syntax Error: Unexpected character: \".\".", 1, 1),
        ("1.A", "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 3),
        ("-A", "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 2),
        ("1.0e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 5),
        ("1.0eA", "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 5),
        ("1.0e\"", "Syntax Error: Invalid number, expected digit but got: '\"'.", 1, 5),
        ("1.2e3e", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 6),
        ("1.2e3.4", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 6),
        ("1.23.4", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 5),
        ("0xF1", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 2),
        ("0b10", "Syntax Error: Invalid number, expected digit but got: \"b\".", 1, 2),
        ("123abc", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 4),
        ("1_234", "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 2),
        ("-", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 2),
        ("\"", "Syntax Error: Unterminated string.", 1, 2),
        ("\"\"\"", "Syntax Error: Unterminated string.", 1, 4),
        ("\"\"\"no end quote", "Syntax Error: Unterminated string.", 1, 16),
        ("'single quotes'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1),
        ("\"multi\nline\"", "Syntax Error: Unterminated string.", 1, 7),
        ("\"multi\rline\"", "Syntax Error: Unterminated string.", 1, 7),
        ("\"bad \\z esc\"", "Syntax Error: Invalid character escape sequence: \"\\z\".", 1, 6),
        ("\"bad \\x esc\"", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 6),
        ("\"bad \\u1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6),
        ("\"bad \\u0XX1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6),
        ("\"bad \\uXXXX esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6),
        ("\"bad \\uFXXX esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6),
        ("\"bad \\uXXXF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXF\".", 1, 6),
        ("\"bad \\u{} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 6),
        ("\"bad \\u{FXXX} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6),
        ("\"bad \\u{FFFF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF \".", 1, 6),
        ("\"bad \\u{FFFF\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1, 6),
        ("\"too high \\u{110000} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11),
        ("\"way too high \\u{12345678} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{12345678}\".", 1, 15),
        ("\"too long \\u{000000000} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11),
        ("\"bad surrogate \\uDEAD esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 16),
        ("\"bad high surrogate pair \\uDEAD\\uDEAD esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 26),
        ("\"bad low surrogate pair \\uD800\\uD800 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 25),
        ("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 39),
        ("\"cannot escape half a pair \\uD83D\\u{DE00} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 28),
        ("\"cannot escape half a pair \\uD83D\\uDBFF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 28),
        ("..", "Syntax Error: Unexpected character: \".\".", 1, 1),
        ("?", "Syntax Error: Unexpected character: \"?\".", 1, 1),
        ("※", "Syntax Error: Unexpected character: U+203B.", 1, 1),
        ("\u{200B}", "Syntax Error: Unexpected character: U+200B.", 1, 1),
        ("\n\n    ?\n", "Syntax Error: Unexpected character: \"?\".", 3, 5),
        ("\u{A0}", "Syntax Error: Unexpected character: U+00A0.", 1, 1),
]
