/// Lower-case hexadecimal text, written without `String(format:)` (which goes through
/// `vsnprintf` per byte and showed up in profiles of hot paths such as trace ids).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `bytes` as two hex digits each.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `count` random bytes as hex (trace and span ids).
    static func random(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return encode((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
