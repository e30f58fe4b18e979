extension VersionRange {
    /// Reads npm range syntax and rewrites every form into primitive comparators the way
    /// node-semver does. Works on UTF-8 bytes: all syntax is ASCII, and any other byte is an error.
    struct Parser {
        /// What a range text reads as: the alternatives (`nil` is npm's any-version comparator).
        struct Result {
            var trimmed: String
            var alternatives: [[Comparator?]]
            var isExact: Bool
        }

        /// A version as written in a range: up to three parts, each a number or a wildcard
        /// (`x`, `X`, `*`, or missing), then an optional pre-release and build metadata.
        private struct Partial {
            enum Part {
                case wildcard
                case number(ArraySlice<UInt8>)
            }

            var parts: [Part]
            var prerelease: [ArraySlice<UInt8>]
            var hasBuild: Bool

            /// Three numbers: an exact version rather than an X-range.
            var isFull: Bool {
                parts.count == 3 && parts.allSatisfy { if case .number = $0 { true } else { false } }
            }
        }

        /// A partial version reduced to what npm looks at: the parts before the first wildcard.
        private enum Shape {
            case any
            case major(UInt64)
            case minor(UInt64, UInt64)
            case full(SemanticVersion)
        }

        private enum Operator {
            case primitive(String)
            case tilde
            case caret
        }

        /// JavaScript's `Number.MAX_SAFE_INTEGER`: node-semver rejects larger version numbers.
        private static let largestNumber: UInt64 = 9_007_199_254_740_991
        /// node-semver rejects a version in a comparator that is longer than this.
        private static let longestVersion = 256

        private let text: String
        private let bytes: [UInt8]
        /// The text without surrounding whitespace.
        private let trimmed: Range<Int>

        init(_ text: String) {
            let bytes = Array(text.utf8)
            self.text = text
            self.bytes = bytes
            self.trimmed = Parser.trim(bytes.indices, of: bytes)
        }

        func parse() throws(DefinitionValueError) -> Result {
            var alternatives: [[Comparator?]] = []
            var exact = false
            var start = 0
            var index = 0
            var parts: [Range<Int>] = []
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "|"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "|") {
                    parts.append(start..<index)
                    index += 2
                    start = index
                } else {
                    index += 1
                }
            }
            parts.append(start..<bytes.count)
            for part in parts {
                let (comparators, isExact) = try alternative(Parser.trim(part, of: bytes))
                alternatives.append(comparators)
                exact = isExact
            }
            return Result(trimmed: string(trimmed), alternatives: alternatives, isExact: parts.count == 1 && exact)
        }

        // MARK: Alternatives

        /// One `||` alternative: a hyphen range, or comparators separated by whitespace.
        private func alternative(_ part: Range<Int>) throws(DefinitionValueError) -> ([Comparator?], Bool) {
            var words: [Range<Int>] = []
            var index = part.lowerBound
            while index < part.upperBound {
                let start = index
                while index < part.upperBound, !isSpace(bytes[index]) { index += 1 }
                words.append(start..<index)
                while index < part.upperBound, isSpace(bytes[index]) { index += 1 }
            }
            let hyphen = [UInt8(ascii: "-")]
            if words.contains(where: { bytes[$0].elementsEqual(hyphen) }) {
                guard words.count == 3, bytes[words[1]].elementsEqual(hyphen) else {
                    throw fail("a hyphen range is one version on each side of \" - \" and nothing else", in: part)
                }
                return (try hyphenRange(from: words[0], to: words[2]), false)
            }
            return try comparators(part)
        }

        /// `LOW - HIGH`: `>=LOW <=HIGH`, where a partial HIGH admits all its versions (`1.2.3 - 2`
        /// is `>=1.2.3 <3.0.0-0`) and a partial LOW starts at its first (`1.2 - 2.3.4` is `>=1.2.0 <=2.3.4`).
        private func hyphenRange(from low: Range<Int>, to high: Range<Int>) throws(DefinitionValueError) -> [Comparator?] {
            let (lowPrefix, lowPartial) = try prefixedPartial(low)
            let (highPrefix, highPartial) = try prefixedPartial(high)
            // npm keeps the prefix of an exact LOW, and of an exact HIGH without pre-release, in the
            // comparator it builds, where only `v` is allowed.
            if lowPartial.isFull {
                try requireOnlyV(lowPrefix, in: low)
                try checkLength(low.count, in: low)
            }
            if highPartial.isFull, highPartial.prerelease.isEmpty {
                try requireOnlyV(highPrefix, in: high)
                try checkLength(high.count, in: high)
            }
            var result: [Comparator?] = []
            switch try shape(lowPartial, in: low) {
            case .any: break
            case .major(let major): result.append(atLeast(major, 0, 0))
            case .minor(let major, let minor): result.append(atLeast(major, minor, 0))
            case .full(let version):
                let plainZero = lowPrefix.isEmpty && !lowPartial.hasBuild && version == SemanticVersion(major: 0, minor: 0, patch: 0)
                result.append(plainZero ? nil : Comparator(.greaterOrEqual, version))
            }
            switch try shape(highPartial, in: high) {
            case .any: break
            case .major(let major): result.append(try below(major + 1, 0, 0, in: high))
            case .minor(let major, let minor): result.append(try below(major, minor + 1, 0, in: high))
            case .full(let version):
                let comparator = Comparator(.lessOrEqual, version)
                try checkLength(comparator.version.description.utf8.count, in: high)
                result.append(comparator)
            }
            return result
        }

        /// Whitespace-separated comparators, each an operator, optional whitespace and a version.
        /// Returns whether the alternative is one exact version.
        private func comparators(_ part: Range<Int>) throws(DefinitionValueError) -> ([Comparator?], Bool) {
            var result: [Comparator?] = []
            var count = 0
            var exact = false
            var index = part.lowerBound
            let end = part.upperBound
            while index < end {
                let start = index
                var op: Operator
                switch bytes[index] {
                case UInt8(ascii: "~"):
                    index += 1
                    if index < end, bytes[index] == UInt8(ascii: ">") { index += 1 }
                    op = .tilde
                case UInt8(ascii: "^"):
                    index += 1
                    op = .caret
                default:
                    var symbol = ""
                    if bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: ">") {
                        symbol.append(Character(Unicode.Scalar(bytes[index])))
                        index += 1
                    }
                    if index < end, bytes[index] == UInt8(ascii: "=") {
                        symbol += "="
                        index += 1
                    }
                    op = .primitive(symbol)
                }
                if index > start {
                    let afterOperator = index
                    while index < end, isSpace(bytes[index]) { index += 1 }
                    // npm deletes the whitespace after an operator before reading it, so `> =1.2.3` is `>=1.2.3`.
                    if index > afterOperator, index < end, bytes[index] == UInt8(ascii: "="),
                        case .primitive(let symbol) = op, symbol == "<" || symbol == ">"
                    {
                        op = .primitive(symbol + "=")
                        index += 1
                    }
                }
                let prefixStart = index
                while index < end, bytes[index] == UInt8(ascii: "v") || bytes[index] == UInt8(ascii: "=") { index += 1 }
                let versionStart = index
                while index < end, !isSpace(bytes[index]) { index += 1 }
                let token = start..<index
                guard versionStart < index else {
                    throw fail("\"\(string(token))\" is not followed by a version", in: nil)
                }
                let prefix = prefixStart..<versionStart
                let partial = try self.partial(versionStart..<index, in: token)
                let shape = try self.shape(partial, in: token)
                switch op {
                case .tilde: result += try tilde(shape, in: token)
                case .caret: result += try caret(shape, in: token)
                case .primitive(let symbol):
                    if partial.isFull {
                        try requireOnlyV(prefix, in: token)
                        try checkLength(index - prefixStart, in: token)
                    }
                    let plainZero = prefix.isEmpty && !partial.hasBuild
                    result += try primitive(symbol, shape, literalZeroIsAny: plainZero, in: token)
                    exact = partial.isFull && (symbol.isEmpty || symbol == "=")
                }
                count += 1
                while index < end, isSpace(bytes[index]) { index += 1 }
            }
            return (result, count == 1 && exact)
        }

        // MARK: Rewriting into primitive comparators

        /// `<`, `<=`, `>`, `>=`, `=` or nothing before a version or X-range: `>1.2` is `>=1.3.0`,
        /// `<=1` is `<2.0.0-0`, `1.2` is `>=1.2.0 <1.3.0-0`, `>*` and `<*` match nothing.
        private func primitive(_ symbol: String, _ shape: Shape, literalZeroIsAny: Bool, in token: Range<Int>)
            throws(DefinitionValueError) -> [Comparator?]
        {
            switch shape {
            case .full(let version):
                switch symbol {
                case "<": return [Comparator(.less, version)]
                case "<=": return [Comparator(.lessOrEqual, version)]
                case ">": return [Comparator(.greater, version)]
                case ">=":
                    // npm reads the literal `>=0.0.0` as any version (which differs for `0.0.0-x` pre-releases).
                    let isZero = version == SemanticVersion(major: 0, minor: 0, patch: 0)
                    return [literalZeroIsAny && isZero ? nil : Comparator(.greaterOrEqual, version)]
                default: return [Comparator(.equal, version)]
                }
            case .any:
                return symbol == "<" || symbol == ">" ? [Comparator(.less, Self.zeroPrerelease)] : [nil]
            case .major(let major):
                switch symbol {
                case ">": return [try atLeast(major + 1, 0, 0, in: token)]
                case ">=": return [atLeast(major, 0, 0)]
                case "<": return [try below(major, 0, 0, in: token)]
                case "<=": return [try below(major + 1, 0, 0, in: token)]
                default: return [atLeast(major, 0, 0), try below(major + 1, 0, 0, in: token)]
                }
            case .minor(let major, let minor):
                switch symbol {
                case ">": return [try atLeast(major, minor + 1, 0, in: token)]
                case ">=": return [atLeast(major, minor, 0)]
                case "<": return [try below(major, minor, 0, in: token)]
                case "<=": return [try below(major, minor + 1, 0, in: token)]
                default: return [atLeast(major, minor, 0), try below(major, minor + 1, 0, in: token)]
                }
            }
        }

        /// `~1.2.3` is `>=1.2.3 <1.3.0-0`, `~1.2` is `>=1.2.0 <1.3.0-0`, `~1` is `>=1.0.0 <2.0.0-0`.
        private func tilde(_ shape: Shape, in token: Range<Int>) throws(DefinitionValueError) -> [Comparator?] {
            switch shape {
            case .any: return [nil]
            case .major(let major): return [atLeast(major, 0, 0), try below(major + 1, 0, 0, in: token)]
            case .minor(let major, let minor): return [atLeast(major, minor, 0), try below(major, minor + 1, 0, in: token)]
            case .full(let version):
                try checkLength(version.description.utf8.count, in: token)
                return [lowerBound(version), try below(version.major, version.minor + 1, 0, in: token)]
            }
        }

        /// Up to the next change of the first non-zero part: `^1.2.3` is `>=1.2.3 <2.0.0-0`,
        /// `^0.2.3` is `>=0.2.3 <0.3.0-0`, `^0.0.3` is `>=0.0.3 <0.0.4-0`, `^0.0` is `>=0.0.0 <0.1.0-0`.
        private func caret(_ shape: Shape, in token: Range<Int>) throws(DefinitionValueError) -> [Comparator?] {
            switch shape {
            case .any: return [nil]
            case .major(let major): return [atLeast(major, 0, 0), try below(major + 1, 0, 0, in: token)]
            case .minor(let major, let minor):
                let upper = try major == 0 ? below(0, minor + 1, 0, in: token) : below(major + 1, 0, 0, in: token)
                return [atLeast(major, minor, 0), upper]
            case .full(let version):
                try checkLength(version.description.utf8.count, in: token)
                let upper: Comparator
                if version.major > 0 {
                    upper = try below(version.major + 1, 0, 0, in: token)
                } else if version.minor > 0 {
                    upper = try below(0, version.minor + 1, 0, in: token)
                } else {
                    upper = try below(0, 0, version.patch + 1, in: token)
                }
                return [lowerBound(version), upper]
            }
        }

        private static let zeroPrerelease = SemanticVersion(major: 0, minor: 0, patch: 0, prerelease: [.numeric(0)])

        /// `>=version` as npm writes it when rewriting, where `>=0.0.0` turns into any version.
        private func lowerBound(_ version: SemanticVersion) -> Comparator? {
            version == SemanticVersion(major: 0, minor: 0, patch: 0) ? nil : Comparator(.greaterOrEqual, version)
        }

        private func atLeast(_ major: UInt64, _ minor: UInt64, _ patch: UInt64) -> Comparator? {
            lowerBound(SemanticVersion(major: major, minor: minor, patch: patch))
        }

        /// `>=MAJOR.MINOR.PATCH` for a bound one above a written number, which may pass npm's limit.
        private func atLeast(_ major: UInt64, _ minor: UInt64, _ patch: UInt64, in token: Range<Int>)
            throws(DefinitionValueError) -> Comparator?
        {
            try checkBound(major, minor, patch, "", in: token)
            return atLeast(major, minor, patch)
        }

        /// `<MAJOR.MINOR.PATCH-0`: below every version of `MAJOR.MINOR.PATCH`, pre-releases included.
        private func below(_ major: UInt64, _ minor: UInt64, _ patch: UInt64, in token: Range<Int>)
            throws(DefinitionValueError) -> Comparator
        {
            try checkBound(major, minor, patch, "-0", in: token)
            return Comparator(.less, SemanticVersion(major: major, minor: minor, patch: patch, prerelease: [.numeric(0)]))
        }

        private func checkBound(_ major: UInt64, _ minor: UInt64, _ patch: UInt64, _ suffix: String, in token: Range<Int>)
            throws(DefinitionValueError)
        {
            guard max(major, minor, patch) > Self.largestNumber else { return }
            throw fail("the implied bound \(major).\(minor).\(patch)\(suffix) has a number larger than \(Self.largestNumber)", in: token)
        }

        // MARK: Versions

        /// A `v`/`=` prefix (any mix, as npm allows before X-ranges) and a partial version, no whitespace.
        private func prefixedPartial(_ word: Range<Int>) throws(DefinitionValueError) -> (Range<Int>, Partial) {
            var index = word.lowerBound
            while index < word.upperBound, bytes[index] == UInt8(ascii: "v") || bytes[index] == UInt8(ascii: "=") { index += 1 }
            guard index < word.upperBound else {
                throw fail("\"\(string(word))\" is not a version", in: nil)
            }
            return (word.lowerBound..<index, try partial(index..<word.upperBound, in: word))
        }

        /// npm's limit on the text of a version it builds a comparator from (`v` and build metadata count when kept).
        private func checkLength(_ length: Int, in token: Range<Int>) throws(DefinitionValueError) {
            guard length > Self.longestVersion else { return }
            throw fail("the version is longer than \(Self.longestVersion) characters", in: token)
        }

        /// Before an exact version npm keeps the prefix in the comparator, which only takes `v`.
        private func requireOnlyV(_ prefix: Range<Int>, in token: Range<Int>) throws(DefinitionValueError) {
            guard !prefix.isEmpty, !bytes[prefix].elementsEqual([UInt8(ascii: "v")]) else { return }
            throw fail("an exact version may only be prefixed with \"v\", not \"\(string(prefix))\"", in: token)
        }

        /// `MAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]`, each part a number or `x`, `X`, `*`.
        private func partial(_ range: Range<Int>, in token: Range<Int>) throws(DefinitionValueError) -> Partial {
            let plus = UInt8(ascii: "+")
            let dash = UInt8(ascii: "-")
            let versionText = string(range)
            var core = range
            var hasBuild = false
            if let buildStart = bytes[range].firstIndex(of: plus) {
                try checkIdentifiers(buildStart + 1..<range.upperBound, numeric: false, kind: "build metadata", in: token)
                hasBuild = true
                core = range.lowerBound..<buildStart
            }
            var prerelease: [ArraySlice<UInt8>] = []
            if let preStart = bytes[core].firstIndex(of: dash) {
                try checkIdentifiers(preStart + 1..<core.upperBound, numeric: true, kind: "pre-release", in: token)
                prerelease = bytes[preStart + 1..<core.upperBound].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                core = core.lowerBound..<preStart
            }
            let pieces = bytes[core].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard pieces.count <= 3 else {
                throw fail("the version \"\(versionText)\" has more than three parts", in: token)
            }
            var parts: [Partial.Part] = []
            for (piece, name) in zip(pieces, ["major", "minor", "patch"]) {
                if piece.elementsEqual([UInt8(ascii: "x")]) || piece.elementsEqual([UInt8(ascii: "X")])
                    || piece.elementsEqual([UInt8(ascii: "*")])
                {
                    parts.append(.wildcard)
                    continue
                }
                guard !piece.isEmpty, piece.allSatisfy(isDigit) else {
                    let within = string(piece) == versionText ? "" : " in \"\(versionText)\""
                    throw fail("the \(name) version \"\(string(piece))\"\(within) is not a number, x, X or *", in: token)
                }
                guard piece.count == 1 || piece.first != UInt8(ascii: "0") else {
                    throw fail("the \(name) version \"\(string(piece))\" has a leading zero", in: token)
                }
                parts.append(.number(piece))
            }
            if parts.count < 3, hasBuild || !prerelease.isEmpty {
                throw fail("\"\(versionText)\" has a pre-release or build without all of MAJOR.MINOR.PATCH", in: token)
            }
            return Partial(parts: parts, prerelease: prerelease, hasBuild: hasBuild)
        }

        /// Dot-separated identifiers of `[0-9A-Za-z-]`, none empty; numeric pre-release ones without leading zeros.
        private func checkIdentifiers(_ range: Range<Int>, numeric: Bool, kind: String, in token: Range<Int>)
            throws(DefinitionValueError)
        {
            for piece in bytes[range].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
                guard !piece.isEmpty, piece.allSatisfy(isIdentifierByte) else {
                    throw fail("\(kind) identifiers must be non-empty and use only 0-9, A-Z, a-z and -", in: token)
                }
                if numeric, piece.count > 1, piece.first == UInt8(ascii: "0"), piece.allSatisfy(isDigit) {
                    throw fail("the pre-release identifier \"\(string(piece))\" has a leading zero", in: token)
                }
            }
        }

        /// The parts npm uses: everything after the first wildcard is ignored, pre-release included.
        private func shape(_ partial: Partial, in token: Range<Int>) throws(DefinitionValueError) -> Shape {
            var numbers: [UInt64] = []
            for (part, name) in zip(partial.parts, ["major", "minor", "patch"]) {
                guard case .number(let digits) = part else { break }
                guard digits.count <= 16, let value = UInt64(string(digits)), value <= Self.largestNumber else {
                    throw fail("the \(name) version \"\(string(digits))\" is larger than \(Self.largestNumber)", in: token)
                }
                numbers.append(value)
            }
            switch numbers.count {
            case 0: return .any
            case 1: return .major(numbers[0])
            case 2: return .minor(numbers[0], numbers[1])
            default:
                var identifiers: [SemanticVersion.PrereleaseIdentifier] = []
                for piece in partial.prerelease {
                    guard piece.allSatisfy(isDigit) else {
                        identifiers.append(.alphanumeric(string(piece)))
                        continue
                    }
                    guard let value = UInt64(string(piece)) else {
                        throw fail("the pre-release identifier \"\(string(piece))\" is too large", in: token)
                    }
                    identifiers.append(.numeric(value))
                }
                return .full(SemanticVersion(major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: identifiers))
            }
        }

        // MARK: Helpers

        private func fail(_ reason: String, in token: Range<Int>?) -> DefinitionValueError {
            let context = token.map { $0 == trimmed ? "" : "in \"\(string($0))\", " } ?? ""
            return DefinitionValueError("\"\(text)\" is not a version range: \(context)\(reason)")
        }

        /// `range` without leading and trailing ASCII whitespace.
        private static func trim(_ range: Range<Int>, of bytes: [UInt8]) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }

        private func string(_ range: Range<Int>) -> String { string(bytes[range]) }

        private func string(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }

        /// ASCII whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
        private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

        private func isSpace(_ byte: UInt8) -> Bool { Parser.isSpace(byte) }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private func isIdentifierByte(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
        }
    }
}
