/// A range of semantic versions in npm's syntax (node-semver, https://github.com/npm/node-semver#ranges),
/// e.g. `^1.2.3`, `~1.4 || >=2.0.0 <2.3.0-0`, `1.2 - 2`, `1.x`, `*`.
///
/// Supported: the primitive comparators `<`, `<=`, `>`, `>=`, `=` and bare versions; a `v` or `=`
/// prefix on versions; whitespace between an operator and its version; X-ranges and partial
/// versions (`1.x`, `1.2.*`, `*`, `1`, `1.2`, and the empty range); tilde (`~`, `~>`) and caret
/// ranges; hyphen ranges (`1.2.3 - 2.3.4`); intersection by whitespace and union by `||`.
/// Each form is rewritten into primitive comparators exactly as node-semver does (`^1.2.3` is
/// `>=1.2.3 <2.0.0-0`), and matching follows npm's `satisfies` without `includePrerelease`: a
/// pre-release version only matches an alternative that names a pre-release of the same
/// `MAJOR.MINOR.PATCH`, so `>1.2.3-alpha.3` matches `1.2.3-alpha.7` but not `3.4.5-alpha.9`.
///
/// Parsing is npm's strict (not loose) mode, including its limits: numbers up to 9007199254740991
/// (2^53-1), also in the bounds a range implies (`^9007199254740991` throws), and versions of at
/// most 256 characters. A few of npm's accidental acceptances throw here instead: a `*` glued to a
/// version (`1.2.3*`, `*1.2.3`), `>=0x0x0` read as `>=0.0.0`, whitespace after a `v`/`=` prefix or
/// between `~` and `>` (`v 1 - 2`, `^= 1.2.3`, `~ >1.2.3`), non-ASCII whitespace, and numeric
/// pre-release identifiers above 2^64-1. Nothing that parses means something else than in npm
/// (numeric pre-release identifiers above 2^53 aside, which npm compares as floating point).
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    /// One primitive comparison against a version. Build metadata is dropped: it never matters.
    struct Comparator: Sendable, Hashable, CustomStringConvertible {
        enum Operation: String, Sendable, Hashable {
            case equal = ""
            case less = "<"
            case lessOrEqual = "<="
            case greater = ">"
            case greaterOrEqual = ">="
        }

        let operation: Operation
        let version: SemanticVersion

        init(_ operation: Operation, _ version: SemanticVersion) {
            self.operation = operation
            self.version = SemanticVersion(
                major: version.major, minor: version.minor, patch: version.patch, prerelease: version.prerelease)
        }

        /// Whether `candidate` passes this comparison (precedence order, build metadata ignored).
        func accepts(_ candidate: SemanticVersion) -> Bool {
            switch operation {
            case .equal: return candidate == version
            case .less: return candidate < version
            case .lessOrEqual: return candidate <= version
            case .greater: return candidate > version
            case .greaterOrEqual: return candidate >= version
            }
        }

        /// npm's text for the comparator, e.g. `>=1.2.3`, `<2.0.0-0`, `1.2.3` for equality.
        var description: String { operation.rawValue + version.description }

        /// `<0.0.0-0`, which nothing satisfies: npm's form of an empty range (`<0.0.0`, `>*`).
        var isNothing: Bool {
            operation == .less && version == SemanticVersion(major: 0, minor: 0, patch: 0, prerelease: [.numeric(0)])
        }
    }

    private let text: String
    private let exact: Bool
    /// The alternatives joined by `||`, after npm's simplification (duplicates dropped, a `*`
    /// alternative absorbing the others). A version is in the range when it passes every
    /// comparator of one alternative; an empty alternative is `*`.
    let comparatorSets: [[Comparator]]

    /// Parses npm range syntax; throws DefinitionValueError with a readable message naming the bad part.
    public init(parsing text: String) throws(DefinitionValueError) {
        let parsed = try Parser(text).parse()
        self.text = parsed.trimmed
        self.exact = parsed.isExact
        self.comparatorSets = VersionRange.simplified(parsed.alternatives)
    }

    /// npm `satisfies(version, range)` (includePrerelease false): prerelease versions only match a comparator set that has a comparator with a prerelease on the same [major, minor, patch] tuple.
    public func contains(_ version: SemanticVersion) -> Bool {
        comparatorSets.contains { VersionRange.alternative($0, accepts: version) }
    }

    /// npm `maxSatisfying`: the highest of `versions` inside the range, nil if none.
    /// Of versions with equal precedence (differing only in build metadata) the first one wins.
    public func highest(in versions: some Sequence<SemanticVersion>) -> SemanticVersion? {
        var best: SemanticVersion?
        for version in versions where contains(version) {
            if let current = best, !(current < version) { continue }
            best = version
        }
        return best
    }

    /// The text as written (trimmed).
    public var description: String { text }

    /// True when the text is a single exact version ("1.2.3" or "=1.2.3", "v1.2.3").
    public var isExact: Bool { exact }

    /// The range in npm's normalized form, what node-semver's `validRange` returns:
    /// `>=1.2.3 <2.0.0-0` for `^1.2.3`, `*` for any version.
    var normalized: String {
        let text = comparatorSets.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "||")
        return text.isEmpty ? "*" : text
    }

    /// One alternative: every comparator passes, and a pre-release version is only let in when
    /// a comparator names a pre-release of the same `MAJOR.MINOR.PATCH` (so `^1.2.3` does not
    /// pull in `1.3.0-beta`, while `>=1.2.3-beta.1` admits `1.2.3-beta.2`).
    private static func alternative(_ comparators: [Comparator], accepts version: SemanticVersion) -> Bool {
        guard comparators.allSatisfy({ $0.accepts(version) }) else { return false }
        guard version.isPrerelease else { return true }
        return comparators.contains {
            $0.version.isPrerelease && $0.version.major == version.major && $0.version.minor == version.minor
                && $0.version.patch == version.patch
        }
    }

    /// node-semver's clean-up of parsed alternatives, kept so `normalized` matches `validRange`
    /// (it never changes which versions match). `nil` stands for npm's any-version comparator.
    /// Within an alternative: `<0.0.0-0` replaces everything, duplicates go, and an any-version
    /// comparator goes when others remain. Across alternatives: empty ones (`<0.0.0-0`) go unless
    /// all are, and an any-version alternative replaces all the others.
    private static func simplified(_ alternatives: [[Comparator?]]) -> [[Comparator]] {
        var sets = alternatives.map { comparators -> [Comparator] in
            var unique: [Comparator?] = []
            for comparator in comparators {
                if let comparator, comparator.isNothing { return [comparator] }
                if !unique.contains(comparator) { unique.append(comparator) }
            }
            return unique.compactMap { $0 }
        }
        guard sets.count > 1 else { return sets }
        let first = sets[0]
        sets.removeAll { $0.first?.isNothing ?? false }
        if sets.isEmpty { return [first] }
        if sets.count > 1, sets.contains(where: \.isEmpty) { return [[]] }
        return sets
    }
}
