/// A GraphQL document's text together with a name used in error reports.
///
/// The lexer works on the UTF-8 bytes of `body`; every offset in tokens and AST
/// locations is a UTF-8 byte offset into it.
public struct Source: Sendable, Equatable {
    /// The full text of the document.
    public let body: String
    /// A name for the document, such as a file name or `"GraphQL request"`.
    public let name: String
    /// The UTF-8 bytes of `body`, kept once so lexing never re-encodes.
    let bytes: [UInt8]

    /// Creates a source from text and an optional name.
    public init(_ body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
        self.bytes = Array(body.utf8)
    }

    public static func == (lhs: Source, rhs: Source) -> Bool {
        lhs.name == rhs.name && lhs.bytes == rhs.bytes
    }

    /// The line and column of a UTF-8 byte offset.
    ///
    /// Computed on demand because only error reports need it. Lines end at `\n`, `\r\n`
    /// or `\r`. Columns count UTF-16 code units, as graphql-js does, so that positions
    /// agree with the reference implementation and with editors that speak LSP.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            } else if byte == 0x0D {
                line += 1
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                    index += 1
                }
                lineStart = index + 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: 1 + Self.utf16Length(bytes[min(lineStart, end)..<end]))
    }

    /// Counts the UTF-16 code units that a run of UTF-8 bytes encodes.
    static func utf16Length(_ slice: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in slice {
            if byte & 0xC0 != 0x80 { count += 1 }  // a leading byte starts a scalar
            if byte >= 0xF0 { count += 1 }  // scalars above U+FFFF take a surrogate pair
        }
        return count
    }
}

/// A 1-based line and column in a `Source`, as shown to people reading an error.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column, in UTF-16 code units.
    public let column: Int

    /// Creates a location from a line and a column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
