// Format checks for network identifiers: "email", "ipv4", "ipv6", "uri".

extension FormatChecks {
    /// dotted-quad: four decimal octets 0–255 without leading zeros.
    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard part.count <= 3, let value = number(part), value <= 255 else { return false }
            return part.count == 1 || part.first != UInt8(ascii: "0")
        }
    }

    /// RFC 4291 §2.2 text forms: eight 16-bit hex groups, one "::" for a run of zero groups,
    /// optionally ending in an embedded dotted-quad. No zone ids, prefixes or brackets.
    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = Array(bytes)
        // At most one "::" (":::" counts twice, so it is rejected too).
        let doubleColons = text.indices.dropLast().filter { text[$0] == UInt8(ascii: ":") && text[$0 + 1] == UInt8(ascii: ":") }
        guard doubleColons.count <= 1 else { return false }
        let doubleColon = doubleColons.first
        func groups(_ part: ArraySlice<UInt8>, allowIPv4Tail: Bool) -> Int? {
            guard !part.isEmpty else { return 0 }
            let pieces = part.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            var count = 0
            for (index, piece) in pieces.enumerated() {
                if allowIPv4Tail, index == pieces.count - 1, piece.contains(UInt8(ascii: ".")) {
                    guard isIPv4(piece) else { return nil }
                    count += 2
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(isHexDigit) else { return nil }
                    count += 1
                }
            }
            return count
        }
        if let split = doubleColon {
            let left = text[..<split], right = text[(split + 2)...]
            guard let leftCount = groups(left, allowIPv4Tail: false),
                  let rightCount = groups(right, allowIPv4Tail: true) else { return false }
            return leftCount + rightCount <= 7
        }
        return groups(text[...], allowIPv4Tail: true) == 8
    }

    /// RFC 5321 Mailbox: dot-atom or quoted-string local part, then a hostname or an address
    /// literal (`[127.0.0.1]`, `[IPv6:::1]`).
    static func isEmail(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        return isEmailLocalPart(local) && isEmailDomain(domain)
    }

    private static func isEmailLocalPart(_ local: ArraySlice<UInt8>) -> Bool {
        if local.first == UInt8(ascii: "\""), local.count >= 2, local.last == UInt8(ascii: "\"") {
            var escaped = false
            for byte in local.dropFirst().dropLast() {
                guard byte >= 0x20, byte < 0x7F else { return false }
                if escaped { escaped = false; continue }
                if byte == UInt8(ascii: "\\") { escaped = true; continue }
                if byte == UInt8(ascii: "\"") { return false }
            }
            return !escaped
        }
        let atext = Set("!#$%&'*+-/=?^_`{|}~".utf8)
        let atoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { isAlpha($0) || isDigit($0) || atext.contains($0) }
        }
    }

    private static func isEmailDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        if domain.first == UInt8(ascii: "["), domain.last == UInt8(ascii: "]") {
            let literal = domain.dropFirst().dropLast()
            let ipv6Tag = Array("IPv6:".utf8)
            if literal.starts(with: ipv6Tag) { return isIPv6(literal.dropFirst(ipv6Tag.count)) }
            return isIPv4(literal)
        }
        return isHostname(domain)
    }

    /// Hostname labels: 1–63 letters, digits or hyphens, not starting or ending with a hyphen.
    static func isHostname(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }
}
