/// A semantic version as defined by SemVer 2.0.0 (https://semver.org):
/// `MAJOR.MINOR.PATCH[-prerelease][+build]`, e.g. `1.4.0`, `2.0.0-rc.1+build.7`.
///
/// Parsing is strict: no leading `v`, no leading zeros in numeric identifiers, no empty
/// identifiers. Ordering follows SemVer precedence (§11): build metadata is ignored, so `==`
/// and `hash` ignore it too (`1.0.0+a == 1.0.0+b`), which keeps `==` consistent with `<`.
/// Ranges (`^2.1`, `~1.0`) are a separate type resolved against published versions.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One dot-separated pre-release identifier: numeric ones sort numerically and below
    /// alphanumeric ones (SemVer §11.4).
    public enum PrereleaseIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Digits only, e.g. `1` in `rc.1`.
        case numeric(UInt64)
        /// Contains a letter or hyphen, e.g. `rc`.
        case alphanumeric(String)

        /// The identifier as written.
        public var description: String {
            switch self {
            case .numeric(let n): return String(n)
            case .alphanumeric(let s): return s
            }
        }

        /// SemVer §11.4 identifier order.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            switch (lhs, rhs) {
            case (.numeric(let a), .numeric(let b)): return a < b
            case (.numeric, .alphanumeric): return true
            case (.alphanumeric, .numeric): return false
            // ASCII sort order: identifiers are ASCII-only, so comparing UTF-8 bytes is exact.
            case (.alphanumeric(let a), .alphanumeric(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
            }
        }
    }

    /// Incremented for incompatible changes.
    public let major: UInt64
    /// Incremented for compatible additions.
    public let minor: UInt64
    /// Incremented for compatible fixes.
    public let patch: UInt64
    /// Pre-release identifiers (empty for a release).
    public let prerelease: [PrereleaseIdentifier]
    /// Build metadata identifiers; kept for display, ignored for precedence.
    public let build: [String]

    /// A version from its parts. Identifiers are not re-validated here; use `init(parsing:)` for text.
    public init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: [PrereleaseIdentifier] = [], build: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses `MAJOR.MINOR.PATCH[-prerelease][+build]`.
    /// - Throws: `DefinitionValueError` saying which part is malformed.
    public init(parsing text: String) throws(DefinitionValueError) {
        var rest = Substring(text)
        var build: [String] = []
        if let plus = rest.firstIndex(of: "+") {
            build = try SemanticVersion.identifiers(rest[rest.index(after: plus)...], of: text, kind: "build metadata")
            rest = rest[..<plus]
        }
        var prerelease: [PrereleaseIdentifier] = []
        if let dash = rest.firstIndex(of: "-") {
            let raw = try SemanticVersion.identifiers(rest[rest.index(after: dash)...], of: text, kind: "pre-release")
            prerelease = try raw.map { identifier throws(DefinitionValueError) in
                guard identifier.utf8.allSatisfy(SemanticVersion.isDigit) else { return .alphanumeric(identifier) }
                return .numeric(try SemanticVersion.number(identifier[...], of: text, kind: "pre-release identifier"))
            }
            rest = rest[..<dash]
        }
        let core = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard core.count == 3 else {
            throw DefinitionValueError("\"\(text)\" is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.4.0")
        }
        self.init(
            major: try SemanticVersion.number(core[0], of: text, kind: "major version"),
            minor: try SemanticVersion.number(core[1], of: text, kind: "minor version"),
            patch: try SemanticVersion.number(core[2], of: text, kind: "patch version"),
            prerelease: prerelease, build: build)
    }

    /// True when the version has pre-release identifiers (`1.0.0-alpha`).
    public var isPrerelease: Bool { !prerelease.isEmpty }

    /// The canonical text, including build metadata.
    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease.map(\.description).joined(separator: ".") }
        if !build.isEmpty { text += "+" + build.joined(separator: ".") }
        return text
    }

    /// SemVer precedence (§11): numeric core first; a pre-release sorts below its release;
    /// pre-release identifiers compare left to right, and a shorter list sorts first on a tie.
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): return lhs.prerelease.lexicographicallyPrecedes(rhs.prerelease)
        }
    }

    /// Equal precedence: build metadata is ignored (SemVer §10).
    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        lhs.major == rhs.major && lhs.minor == rhs.minor && lhs.patch == rhs.patch && lhs.prerelease == rhs.prerelease
    }

    /// Hash consistent with `==` (without build metadata).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }

    /// A numeric identifier: digits only, no leading zero, fits in 64 bits.
    private static func number(_ part: Substring, of text: String, kind: String) throws(DefinitionValueError) -> UInt64 {
        guard !part.isEmpty, part.utf8.allSatisfy(isDigit) else {
            throw DefinitionValueError("\"\(text)\" is not a semantic version: the \(kind) \"\(part)\" is not a number")
        }
        guard part == "0" || part.first != "0" else {
            throw DefinitionValueError("\"\(text)\" is not a semantic version: the \(kind) \"\(part)\" has a leading zero")
        }
        guard let value = UInt64(part) else {
            throw DefinitionValueError("\"\(text)\" is not a semantic version: the \(kind) \"\(part)\" is too large")
        }
        return value
    }

    /// Dot-separated identifiers of `[0-9A-Za-z-]`, none empty.
    private static func identifiers(_ part: Substring, of text: String, kind: String) throws(DefinitionValueError) -> [String] {
        let pieces = part.split(separator: ".", omittingEmptySubsequences: false)
        for piece in pieces where piece.isEmpty || !piece.utf8.allSatisfy(isIdentifierByte) {
            throw DefinitionValueError(
                "\"\(text)\" is not a semantic version: \(kind) identifiers must be non-empty and use only 0-9, A-Z, a-z and -")
        }
        return pieces.map(String.init)
    }
}
