/// ECMAScript's Number::toString (ECMA-262 §7.1.12.1, radix 10) for finite doubles, the number
/// format RFC 8785 §3.2.2.3 prescribes.
///
/// The algorithm needs the decimal digits `s` (k of them, k minimal) and exponent `n` with
/// `s × 10^(n−k) == x`, choosing the `s` closest to `x` when several k-digit strings round-trip
/// ("Note 2", ties to even). Swift's `Double.description` already produces exactly that digit
/// string (the runtime's shortest-and-closest conversion), so we take the digits and exponent
/// from it and then apply ECMAScript's own layout rules, which differ from Swift's (ECMAScript
/// writes `100` where Swift writes `100.0`, `0.000001` for `1e-06`, `1e-7` for `1e-07`,
/// `100000000000000000000` for `1e+20`). We read the digits out of
/// Swift's text generically (sign, integer part, fraction, exponent) rather than relying on
/// which of its layouts it picked, so only the digits and the value are trusted.
enum ECMAScriptNumber {
    /// The ECMAScript string for a finite `value`; `-0` gives `"0"`. Non-finite values must be
    /// rejected by the caller (they give `"NaN"`/`"Infinity"` here, as ECMAScript does).
    static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == 0 { return "0" }  // Covers -0: ECMAScript prints both zeros as "0".
        if value < 0 { return "-" + string(-value) }
        if value.isInfinite { return "Infinity" }

        let (digits, n) = decimalDigits(value)
        let k = digits.count
        var result = ""
        if k <= n && n <= 21 {
            // Integer: all digits, then n − k zeros (so 1e20 prints as 100000000000000000000).
            result.append(String(decoding: digits, as: UTF8.self))
            result.append(String(repeating: "0", count: n - k))
        } else if 0 < n && n <= 21 {
            // Decimal point inside the digits.
            result.append(String(decoding: digits[..<n], as: UTF8.self))
            result.append(".")
            result.append(String(decoding: digits[n...], as: UTF8.self))
        } else if -6 < n && n <= 0 {
            // Small fraction down to 1e-6: "0.", −n zeros, digits.
            result.append("0.")
            result.append(String(repeating: "0", count: -n))
            result.append(String(decoding: digits, as: UTF8.self))
        } else {
            // Exponent form: d[.ddd]e±(n−1).
            result.append(String(decoding: digits[..<1], as: UTF8.self))
            if k > 1 {
                result.append(".")
                result.append(String(decoding: digits[1...], as: UTF8.self))
            }
            result.append(n - 1 >= 0 ? "e+" : "e-")
            result.append(String(abs(n - 1)))
        }
        return result
    }

    /// The shortest round-tripping significant digits of a finite positive `value` (ASCII, no
    /// leading or trailing zeros) and the exponent `n` such that value = 0.d₁d₂…dₖ × 10ⁿ.
    static func decimalDigits(_ value: Double) -> (digits: [UInt8], exponent: Int) {
        let text = Array(value.description.utf8)
        var integerPart: [UInt8] = []
        var fractionPart: [UInt8] = []
        var exponent = 0
        var exponentSign = 1
        var section = 0  // 0: integer part, 1: fraction, 2: exponent
        for byte in text {
            switch byte {
            case UInt8(ascii: "."): section = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"): section = 2
            case UInt8(ascii: "-") where section == 2: exponentSign = -1
            case UInt8(ascii: "+"), UInt8(ascii: "-"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                switch section {
                case 0: integerPart.append(byte)
                case 1: fractionPart.append(byte)
                default: exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                }
            default: break
            }
        }
        var digits = integerPart + fractionPart
        // value = 0.(integerPart fractionPart) × 10^(exponent + integerPart.count)
        var n = exponentSign * exponent + integerPart.count
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        digits.removeFirst(leadingZeros)
        n -= leadingZeros
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, n)
    }
}
