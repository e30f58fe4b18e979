// Validation vocabulary, keywords for numeric instances (JSON Schema Validation 2020-12 §6.2):
// "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum".
// Non-numbers pass. Int64 pairs compare exactly; mixed pairs compare without lossy rounding.

extension SchemaCompiler {
    mutating func compileNumericKeyword(_ name: String, _ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        guard operand.isNumber else { throw error(scope, "\(name) must be a number") }
        switch name {
        case "multipleOf":
            // "The value of "multipleOf" MUST be a number, strictly greater than 0."
            guard let value = operand.doubleValue, value > 0 else { throw error(scope, "multipleOf must be greater than 0") }
            return .multipleOf(operand)
        case "maximum": return .maximum(operand)
        case "exclusiveMaximum": return .exclusiveMaximum(operand)
        case "minimum": return .minimum(operand)
        default: return .exclusiveMinimum(operand)
        }
    }
}

extension SchemaEvaluator {
    /// Compares two numbers: negative when `a < b`, zero when equal, positive when `a > b`.
    static func compare(_ a: JSONValue, _ b: JSONValue) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .double(let y)): return -compareDouble(y, withInt: x)
        case (.double(let x), .int(let y)): return compareDouble(x, withInt: y)
        default:
            let x = a.doubleValue ?? 0, y = b.doubleValue ?? 0
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    /// Exact Double-vs-Int64 comparison (Double(Int64) can round).
    private static func compareDouble(_ x: Double, withInt y: Int64) -> Int {
        if x < -9.3e18 { return -1 }
        if x > 9.3e18 { return 1 }
        let whole = x.rounded(.down)
        guard let truncated = Int64(exactly: whole) else { return x < Double(y) ? -1 : 1 }
        if truncated != y { return truncated < y ? -1 : 1 }
        return x > whole ? 1 : 0
    }

    mutating func evaluateBound(_ keyword: String, _ limit: JSONValue, _ instance: JSONValue,
                                passes: (Int) -> Bool, relation: String) -> Bool {
        guard instance.isNumber else { return true }
        if passes(SchemaEvaluator.compare(instance, limit)) { return true }
        report(keyword, "\(instance) must be \(relation) \(limit)")
        return false
    }

    mutating func evaluateMultipleOf(_ divisor: JSONValue, _ instance: JSONValue) -> Bool {
        guard instance.isNumber else { return true }
        if SchemaEvaluator.isMultiple(instance, of: divisor) { return true }
        report("multipleOf", "\(instance) is not a multiple of \(divisor)")
        return false
    }

    static func isMultiple(_ value: JSONValue, of divisor: JSONValue) -> Bool {
        if case .int(let x) = value, case .int(let d) = divisor { return x % d == 0 }
        guard let x = value.doubleValue, let d = divisor.doubleValue else { return false }
        let quotient = x / d
        guard quotient.isFinite else {
            // The quotient overflowed: fall back to the exact floating-point remainder.
            return x.truncatingRemainder(dividingBy: d) == 0
        }
        // Decimal divisors such as 0.01 are not exact in binary; accept a quotient within a
        // relative tolerance of an integer so that 0.0075 is a multiple of 0.0001.
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }
}
