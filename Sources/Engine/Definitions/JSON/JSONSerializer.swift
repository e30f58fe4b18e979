/// Writes `JSONValue` as JSON text.
///
/// Choices, so output is predictable:
/// - `.int` prints as an integer; `.double` prints Swift's shortest representation that reads
///   back to the same `Double`, and integral doubles keep a fraction (`1.0`, `1e+20`) so a
///   parse → serialize round trip preserves the int/double distinction.
/// - Non-finite doubles (which JSON cannot express and the parser never produces) print `null`.
/// - Strings escape `"`, `\` and control characters (`\n`, `\t`, … or `\u00XX`); `/` and
///   non-ASCII characters are written as-is (UTF-8).
/// - Object keys keep insertion order unless `sortedKeys` is set (sorted by UTF-8 bytes).
/// - `pretty` indents with two spaces and writes `"key": value`.
extension JSONValue {
    /// The JSON text of this value.
    public func serialized(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty, sortedKeys: sortedKeys)
        writer.write(self, indent: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { serialized() }
}

/// Appends JSON text to a byte buffer; one method per value kind.
struct JSONWriter {
    let pretty: Bool
    let sortedKeys: Bool
    var output: [UInt8] = []

    init(pretty: Bool, sortedKeys: Bool) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
        output.reserveCapacity(256)
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .double(let d): writeDouble(d)
        case .string(let s): writeString(s)
        case .array(let elements): writeArray(elements, indent: indent)
        case .object(let object): writeObject(object, indent: indent)
        }
    }

    private mutating func writeDouble(_ d: Double) {
        guard d.isFinite else {
            append("null")
            return
        }
        // Swift's description is the shortest round-tripping form and is valid JSON for finite
        // values ("1.0", "0.1", "1e-07", "1.5e+300").
        append(d.description)
    }

    mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them in one go.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: string.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case ..<0x20:
                append("\\u00")
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0xF))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func writeArray(_ elements: [JSONValue], indent: Int) {
        guard !elements.isEmpty else {
            append("[]")
            return
        }
        output.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            write(element, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int) {
        guard !object.isEmpty else {
            append("{}")
            return
        }
        output.append(UInt8(ascii: "{"))
        let keys = sortedKeys ? object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : object.keys
        for (index, key) in keys.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            writeString(key)
            append(pretty ? ": " : ":")
            write(object[key] ?? .null, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
