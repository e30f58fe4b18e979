// String productions of the JSON grammar (RFC 8259 §7), split from JSONParser.swift.

extension JSONParser {
    /// string = quotation-mark *char quotation-mark
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1  // opening quote
        let start = position
        var unionOfBytes: UInt8 = 0
        // Fast path: no escapes, so the bytes can be decoded in one go.
        while position < bytes.count {
            let byte = bytes[position]
            unionOfBytes |= byte
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                // Pure ASCII needs no UTF-8 validation (and skips the generic validating initializer).
                if unionOfBytes < 0x80 { return String(decoding: slice, as: UTF8.self) }
                return try decodeUTF8(slice, at: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("Unescaped control character in string") }
            position += 1
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return try scalars.withUnsafeBufferPointer { buffer throws(JSONParseError) -> String in
                    try decodeUTF8(buffer, at: start)
                }
            case UInt8(ascii: "\\"):
                try parseEscape(into: &scalars)
            case ..<0x20:
                throw error("Unescaped control character in string")
            default:
                scalars.append(byte)
                position += 1
            }
        }
        throw error("Unterminated string")
    }

    /// escape = %x5C ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )
    private mutating func parseEscape(into output: inout [UInt8]) throws(JSONParseError) {
        position += 1
        guard let byte = peek() else { throw error("Unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = position - 2
            var code = UInt32(try parseHex4())
            if (0xD800...0xDBFF).contains(code) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw JSONParseError(reason: "Unpaired surrogate in \\u escape", offset: escapeStart, in: bytes)
                }
                position += 2
                let low = UInt32(try parseHex4())
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONParseError(reason: "Unpaired surrogate in \\u escape", offset: escapeStart, in: bytes)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw JSONParseError(reason: "Unpaired surrogate in \\u escape", offset: escapeStart, in: bytes)
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw JSONParseError(reason: "Invalid \\u escape", offset: escapeStart, in: bytes)
            }
            UTF8.encode(scalar) { output.append($0) }
        default:
            position -= 1
            throw error("Invalid escape sequence '\\\(printable(byte))'")
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw error("Unterminated string") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("Invalid hex digit '\(printable(byte))' in \\u escape")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    private func decodeUTF8(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONParseError) -> String {
        guard let string = String(validating: buffer, as: UTF8.self) else {
            throw JSONParseError(reason: "Invalid UTF-8 in string", offset: offset, in: bytes)
        }
        return string
    }
}
