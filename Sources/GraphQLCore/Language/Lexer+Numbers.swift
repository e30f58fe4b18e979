extension Lexer {
    /// Reads an IntValue or, when a fractional or exponent part follows, a FloatValue.
    ///
    /// ```
    /// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
    /// IntegerPart ::
    ///   - NegativeSign? 0
    ///   - NegativeSign? NonZeroDigit Digit*
    /// FloatValue ::
    ///   - IntegerPart FractionalPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    ///   - IntegerPart FractionalPart [lookahead != {Digit, `.`, NameStart}]
    ///   - IntegerPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    /// FractionalPart :: . Digit+
    /// ExponentPart :: ExponentIndicator Sign? Digit+
    /// ```
    func readNumber(at start: Int) throws(GraphQLError) -> RawToken {
        var position = start
        var isFloat = false
        if byte(at: position) == 0x2D {  // -
            position += 1
        }
        if byte(at: position) == 0x30 {  // 0
            position += 1
            if Self.isDigit(byte(at: position)) {
                throw syntaxError(
                    "Invalid number, unexpected digit after 0: \(describeCharacter(at: position)).",
                    at: position)
            }
        } else {
            position = try readDigits(at: position)
        }
        if byte(at: position) == 0x2E {  // .
            isFloat = true
            position = try readDigits(at: position + 1)
        }
        if byte(at: position) == 0x45 || byte(at: position) == 0x65 {  // E e
            isFloat = true
            position += 1
            if byte(at: position) == 0x2B || byte(at: position) == 0x2D {  // + -
                position += 1
            }
            position = try readDigits(at: position)
        }
        // A number must not run straight into a `.` or a name: `1.2.3` and `0x1` are errors.
        if byte(at: position) == 0x2E || Self.isNameStart(byte(at: position)) {
            throw syntaxError(
                "Invalid number, expected digit but got: \(describeCharacter(at: position)).",
                at: position)
        }
        return RawToken(kind: isFloat ? .float : .int, start: start, end: position)
    }

    /// Reads `Digit+` and returns the offset after the last digit.
    private func readDigits(at start: Int) throws(GraphQLError) -> Int {
        guard Self.isDigit(byte(at: start)) else {
            throw syntaxError(
                "Invalid number, expected digit but got: \(describeCharacter(at: start)).",
                at: start)
        }
        var position = start + 1
        while Self.isDigit(byte(at: position)) {
            position += 1
        }
        return position
    }
}
