import Foundation

// Numbers printed the way JavaScript's `Number.prototype.toString` prints them, so that our JSON
// and error messages match graphql-js byte for byte (`1e+21`, `1e-7`, `100`, not `1e+02`).

enum JSNumber {
    /// ECMAScript Number::toString(10) for a finite or non-finite double.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        if value.rounded(.towardZero) == value, abs(value) < 1e21 {
            // Exact integers below 2^63 print through Int to avoid Swift's exponent form.
            if abs(value) < 9.2e18 { return String(Int(value)) }
        }
        // Swift's shortest form equals JavaScript's whenever it has no exponent.
        let plain = value.description
        if !plain.utf8.contains(UInt8(ascii: "e")) { return plain }
        let negative = value < 0
        let (digits, exponent) = shortestDigits(abs(value))
        // n is the position of the decimal point relative to the digit string (ECMAScript's n).
        let k = digits.count
        let n = exponent
        var out = negative ? "-" : ""
        if k <= n && n <= 21 {
            out += digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            let index = digits.index(digits.startIndex, offsetBy: n)
            out += digits[..<index] + "." + digits[index...]
        } else if -6 < n && n <= 0 {
            out += "0." + String(repeating: "0", count: -n) + digits
        } else {
            let e = n - 1
            let sign = e < 0 ? "-" : "+"
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            out += first + (rest.isEmpty ? "" : "." + rest) + "e" + sign + String(abs(e))
        }
        return out
    }

    /// The shortest round-tripping decimal digits of a positive double and the decimal exponent n
    /// such that value = 0.d1d2... × 10^n; Swift's `description` already finds the shortest digits.
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        let text = value.description  // e.g. "1.5", "1e-07", "1.2345e+20", "0.001"
        var mantissa = Substring(text)
        var exponent = 0
        if let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<eIndex]
            exponent = Int(text[text.index(after: eIndex)...]) ?? 0
        }
        var digits = ""
        var pointPosition = mantissa.count
        for (offset, character) in mantissa.enumerated() {
            if character == "." { pointPosition = offset } else { digits.append(character) }
        }
        // Strip leading zeros (moving the point) and trailing zeros.
        var n = pointPosition + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            n -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, n)
    }

    /// JavaScript's `Number(string)` for the forms that matter to scalar coercion: decimal,
    /// exponent, hex/octal/binary prefixes, `Infinity`, surrounding whitespace; `nil` means NaN.
    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return 0 }
        let lower = trimmed.lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            guard let value = UInt64(lower.dropFirst(2), radix: radix) else { return nil }
            return Double(value)
        }
        switch trimmed {
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        // Swift accepts "inf", "nan" and hex floats, JavaScript does not.
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(trimmed)
    }
}
