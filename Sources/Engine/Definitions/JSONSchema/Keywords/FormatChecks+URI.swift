// The "uri" format: an absolute URI per RFC 3986 §3 (scheme required, fragment allowed).

extension FormatChecks {
    /// URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
    static func isURI(_ bytes: [UInt8]) -> Bool {
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]),
              bytes[1..<colon].allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        var rest = bytes[(colon + 1)...]
        var fragment: ArraySlice<UInt8>?
        var query: ArraySlice<UInt8>?
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[(hash + 1)...]
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[(question + 1)...]
            rest = rest[..<question]
        }
        if rest.starts(with: Array("//".utf8)) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard isAuthority(rest[..<end]) else { return false }
            rest = rest[end...]
        }
        let pathAllowed: Set<UInt8> = [UInt8(ascii: "/")]
        let queryAllowed: Set<UInt8> = [UInt8(ascii: "/"), UInt8(ascii: "?")]
        return isEncoded(rest, allowing: pathCharacters.union(pathAllowed))
            && (query.map { isEncoded($0, allowing: pathCharacters.union(queryAllowed)) } ?? true)
            && (fragment.map { isEncoded($0, allowing: pathCharacters.union(queryAllowed)) } ?? true)
    }

    /// unreserved / sub-delims (pct-encoded is handled by `isEncoded`).
    private static let unreservedAndSubDelims: Set<UInt8> = {
        var set = Set("-._~!$&'()*+,;=".utf8)
        set.formUnion(Array(UInt8(ascii: "a")...UInt8(ascii: "z")))
        set.formUnion(Array(UInt8(ascii: "A")...UInt8(ascii: "Z")))
        set.formUnion(Array(UInt8(ascii: "0")...UInt8(ascii: "9")))
        return set
    }()

    /// pchar = unreserved / pct-encoded / sub-delims / ":" / "@"
    private static let pathCharacters: Set<UInt8> = unreservedAndSubDelims.union([UInt8(ascii: ":"), UInt8(ascii: "@")])

    /// True if every byte is in `allowed` or part of a well-formed `%XX` escape.
    private static func isEncoded(_ bytes: ArraySlice<UInt8>, allowing allowed: Set<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 <= bytes.endIndex - 1, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                index += 3
            } else {
                guard allowed.contains(bytes[index]) else { return false }
                index += 1
            }
        }
        return true
    }

    /// authority = [ userinfo "@" ] host [ ":" port ]
    private static func isAuthority(_ authority: ArraySlice<UInt8>) -> Bool {
        var hostPort = authority
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            guard isEncoded(authority[..<at], allowing: unreservedAndSubDelims.union([UInt8(ascii: ":")])) else { return false }
            hostPort = authority[(at + 1)...]
        }
        var port: ArraySlice<UInt8> = []
        if hostPort.first == UInt8(ascii: "[") {
            // IP-literal = "[" ( IPv6address / IPvFuture ) "]"
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = hostPort[(hostPort.startIndex + 1)..<close]
            let isFuture = literal.first == UInt8(ascii: "v") || literal.first == UInt8(ascii: "V")
            guard isFuture || isIPv6(literal) else { return false }
            let after = hostPort[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return false }
                port = after.dropFirst()
            }
        } else {
            if let colon = hostPort.lastIndex(of: UInt8(ascii: ":")) {
                port = hostPort[(colon + 1)...]
                hostPort = hostPort[..<colon]
            }
            // reg-name = *( unreserved / pct-encoded / sub-delims ); also covers IPv4address.
            guard isEncoded(hostPort, allowing: unreservedAndSubDelims) else { return false }
        }
        return port.allSatisfy(isDigit)
    }
}
