import Foundation
import Testing
import TestSupport

@testable import Engine

@Suite("Version ranges")
struct VersionRangeTests {
    @Test("rewrites each form into npm's primitive comparators (node-semver README)", arguments: [
        // Hyphen ranges.
        ("1.2.3 - 2.3.4", ">=1.2.3 <=2.3.4"),
        ("1.2 - 2.3.4", ">=1.2.0 <=2.3.4"),
        ("1.2.3 - 2.3", ">=1.2.3 <2.4.0-0"),
        ("1.2.3 - 2", ">=1.2.3 <3.0.0-0"),
        // X-ranges and partial versions.
        ("*", "*"),
        ("1.x", ">=1.0.0 <2.0.0-0"),
        ("1.2.x", ">=1.2.0 <1.3.0-0"),
        ("", "*"),
        ("1", ">=1.0.0 <2.0.0-0"),
        ("1.2", ">=1.2.0 <1.3.0-0"),
        (">1.2", ">=1.3.0"),
        ("<=1", "<2.0.0-0"),
        (">*", "<0.0.0-0"),
        // Tilde ranges (`>=0.0.0` is npm's any version, so it drops out).
        ("~1.2.3", ">=1.2.3 <1.3.0-0"),
        ("~1.2", ">=1.2.0 <1.3.0-0"),
        ("~1", ">=1.0.0 <2.0.0-0"),
        ("~0.2.3", ">=0.2.3 <0.3.0-0"),
        ("~0.2", ">=0.2.0 <0.3.0-0"),
        ("~0", "<1.0.0-0"),
        ("~1.2.3-beta.2", ">=1.2.3-beta.2 <1.3.0-0"),
        ("~>1.2", ">=1.2.0 <1.3.0-0"),
        // Caret ranges.
        ("^1.2.3", ">=1.2.3 <2.0.0-0"),
        ("^0.2.3", ">=0.2.3 <0.3.0-0"),
        ("^0.0.3", ">=0.0.3 <0.0.4-0"),
        ("^1.2.3-beta.2", ">=1.2.3-beta.2 <2.0.0-0"),
        ("^0.0.3-beta", ">=0.0.3-beta <0.0.4-0"),
        ("^1.2.x", ">=1.2.0 <2.0.0-0"),
        ("^0.0.x", "<0.1.0-0"),
        ("^0.0", "<0.1.0-0"),
        ("^1.x", ">=1.0.0 <2.0.0-0"),
        ("^0.x", "<1.0.0-0"),
        // Primitives, prefixes, whitespace after operators, unions.
        ("=v1.2.3+build.7", "1.2.3"),
        (">= 1.2.7  <  1.3.0", ">=1.2.7 <1.3.0"),
        ("^ 1.2.3", ">=1.2.3 <2.0.0-0"),
        ("~> 1.2.3", ">=1.2.3 <1.3.0-0"),
        ("1.2.7 || >=1.2.9 <2.0.0", "1.2.7||>=1.2.9 <2.0.0"),
        ("1.2.3 ||", "*"),
    ])
    func rewrite(text: String, normalized: String) throws {
        #expect(try VersionRange(parsing: text).normalized == normalized)
    }

    @Test("matches the versions npm's satisfies accepts", arguments: [
        (">=1.2.7", ["1.2.7", "1.2.8", "2.5.3", "1.3.9"], ["1.2.6", "1.1.0"]),
        (">=1.2.7 <1.3.0", ["1.2.7", "1.2.8", "1.2.99"], ["1.2.6", "1.3.0", "1.1.0"]),
        ("1.2.7 || >=1.2.9 <2.0.0", ["1.2.7", "1.2.9", "1.4.6"], ["1.2.8", "2.0.0"]),
        ("1.2.3 - 2.3.4", ["1.2.3", "2.0.0", "2.3.4"], ["1.2.2", "2.3.5"]),
        ("1.2.3 - 2.3", ["2.3.9"], ["2.4.0", "2.4.0-0"]),
        ("1.x", ["1.0.0", "1.9.9"], ["0.9.9", "2.0.0", "1.5.0-beta"]),
        ("~1.2.3", ["1.2.3", "1.2.9"], ["1.3.0", "1.2.2"]),
        ("^0.2.3", ["0.2.3", "0.2.9"], ["0.3.0", "1.0.0"]),
        ("^0.0.3", ["0.0.3"], ["0.0.4", "0.0.2"]),
        ("=1.2.3", ["1.2.3", "1.2.3+build"], ["1.2.4", "1.2.3-beta"]),
    ])
    func membership(range text: String, inside: [String], outside: [String]) throws {
        let range = try VersionRange(parsing: text)
        for version in inside {
            #expect(range.contains(try SemanticVersion(parsing: version)), "\(version) is in \(text)")
        }
        for version in outside {
            #expect(!range.contains(try SemanticVersion(parsing: version)), "\(version) is not in \(text)")
        }
    }

    @Test("pre-releases only match an alternative naming a pre-release of the same MAJOR.MINOR.PATCH", arguments: [
        (">1.2.3-alpha.3", ["1.2.3-alpha.7", "3.4.5", "1.2.3"], ["3.4.5-alpha.9", "1.2.3-alpha.2"]),
        ("~1.2.3-beta.2", ["1.2.3-beta.4"], ["1.2.4-beta.2", "1.2.3-beta.1"]),
        ("^1.2.3-beta.2", ["1.2.3-beta.4", "1.9.0"], ["1.2.4-beta.2"]),
        ("^0.0.3-beta", ["0.0.3-pr.2", "0.0.3"], ["0.0.4-0"]),
        ("*", ["1.0.0"], ["1.0.0-beta"]),
        ("<1.2.3", ["1.2.2"], ["1.2.3-beta"]),
        ("<1.2.3-rc", ["1.2.3-beta"], ["1.2.3-rc.1"]),
        ("1.2.3-beta.2 - 2", ["1.2.3-beta.2", "2.9.9"], ["2.0.0-rc.1", "3.0.0-0"]),
        ("^1.2.3 || 2.0.0-rc.1 - 2.0.0", ["1.9.0", "2.0.0-rc.2"], ["1.9.0-beta", "2.0.0-rc.0"]),
    ])
    func prereleases(range text: String, inside: [String], outside: [String]) throws {
        try membership(range: text, inside: inside, outside: outside)
    }

    @Test("rejects malformed ranges, quoting the text and naming the bad part", arguments: [
        ("1.2.3.4", "\"1.2.3.4\" is not a version range: the version \"1.2.3.4\" has more than three parts"),
        (">=abc", "\">=abc\" is not a version range: the major version \"abc\" is not a number, x, X or *"),
        ("^", "\"^\" is not a version range: \"^\" is not followed by a version"),
        (">=1.2.3 <", "\">=1.2.3 <\" is not a version range: \"<\" is not followed by a version"),
        ("1 -", "\"1 -\" is not a version range: a hyphen range is one version on each side of \" - \" and nothing else"),
        ("01.2.3", "\"01.2.3\" is not a version range: the major version \"01\" has a leading zero"),
        ("^1.02", "\"^1.02\" is not a version range: the minor version \"02\" has a leading zero"),
        (">=1.0.0 <2..0", "\">=1.0.0 <2..0\" is not a version range: in \"<2..0\", the minor version \"\" in \"2..0\" is not a number, x, X or *"),
        ("1.2-beta", "\"1.2-beta\" is not a version range: \"1.2-beta\" has a pre-release or build without all of MAJOR.MINOR.PATCH"),
        ("1.2.3-01", "\"1.2.3-01\" is not a version range: the pre-release identifier \"01\" has a leading zero"),
        ("1.2.3+", "\"1.2.3+\" is not a version range: build metadata identifiers must be non-empty and use only 0-9, A-Z, a-z and -"),
        ("==1.2.3", "\"==1.2.3\" is not a version range: an exact version may only be prefixed with \"v\", not \"=\""),
        ("^1 || 1.2.3 | 2", "\"^1 || 1.2.3 | 2\" is not a version range: in \"|\", the major version \"|\" is not a number, x, X or *"),
        ("^9007199254740991.0.0", "\"^9007199254740991.0.0\" is not a version range: the implied bound 9007199254740992.0.0-0 has a number larger than 9007199254740991"),
        ("9007199254740992.0.0", "\"9007199254740992.0.0\" is not a version range: the major version \"9007199254740992\" is larger than 9007199254740991"),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: DefinitionValueError(message)) { try VersionRange(parsing: text) }
    }

    @Test("description is the trimmed text; isExact only for one exact version")
    func descriptionAndExactness() throws {
        #expect(try VersionRange(parsing: "  ^1.2.3 \n").description == "^1.2.3")
        for exact in ["1.2.3", "=1.2.3", "v1.2.3", "=v1.2.3", " 1.2.3-beta.1+build "] {
            #expect(try VersionRange(parsing: exact).isExact, "\(exact)")
        }
        for inexact in ["1.2", "1.2.x", ">=1.2.3", "^1.2.3", "1.2.3 - 1.2.3", "1.2.3 1.2.3", "1.2.3 || 1.2.3", "*", ""] {
            #expect(try !VersionRange(parsing: inexact).isExact, "\(inexact)")
        }
    }

    @Test("highest picks npm's maxSatisfying, the first of equal versions")
    func highest() throws {
        let versions = try ["1.2.3+a", "1.9.0", "2.0.0-beta", "1.9.0+b", "2.0.0", "1.2.4-rc.1"].map { try SemanticVersion(parsing: $0) }
        #expect(try VersionRange(parsing: "^1.2.3").highest(in: versions)?.description == "1.9.0")
        #expect(try VersionRange(parsing: ">=2.0.0-alpha").highest(in: versions)?.description == "2.0.0")
        #expect(try VersionRange(parsing: "~1.2.4-beta").highest(in: versions)?.description == "1.2.4-rc.1")
        #expect(try VersionRange(parsing: "1.2.3").highest(in: versions)?.description == "1.2.3+a")
        #expect(try VersionRange(parsing: "3.x").highest(in: versions) == nil)
        #expect(try VersionRange(parsing: "*").highest(in: []) == nil)
    }

    @Test("ranges are equal when written the same")
    func equality() throws {
        #expect(try VersionRange(parsing: " ^1.2.3") == VersionRange(parsing: "^1.2.3"))
        #expect(try VersionRange(parsing: "^1.2.3") != VersionRange(parsing: ">=1.2.3 <2.0.0-0"))
        #expect(try Set([VersionRange(parsing: "1.x"), VersionRange(parsing: "1.x ")]).count == 1)
    }
}

/// Compares every answer with node-semver (Debian's `node-semver`): validity and the normalized
/// form (`validRange`), `satisfies` for each range and version, and `maxSatisfying` for a few lists.
@Suite("Version ranges against node-semver")
struct VersionRangeDifferentialTests {
    /// Ranges npm accepts only through accidents of its regular expressions; VersionRange rejects them.
    static let acceptedOnlyByNPM = [
        "1.2.3*", "*1.2.3", ">=0x0x0", "~ = 1.2.3", "^ = 1.2.3", "~= 1.2", "~ > 1.2.3", "~> >1.2.3", "v 1 - 2",
        "1.2.3-99999999999999999999", ">=1.2.3\u{00A0}<2.0.0",
    ]

    @Test("agrees with node-semver on validity, normalized form, satisfies and maxSatisfying")
    func agreesWithNodeSemver() throws {
        let corpus = SemverCorpus.ranges
        let versions = try SemverCorpus.versions.map { try SemanticVersion(parsing: $0) }
        let lists = try SemverCorpus.lists.map { try $0.map { try SemanticVersion(parsing: $0) } }
        let answers = try NodeSemver.answers(
            ranges: corpus + Self.acceptedOnlyByNPM, versions: SemverCorpus.versions, lists: SemverCorpus.lists)
        #expect(corpus.count >= 150 && versions.count >= 60)
        #expect(answers.count == corpus.count + Self.acceptedOnlyByNPM.count)

        var mismatches: [String] = []
        for (text, answer) in zip(corpus, answers) {
            let ours = try? VersionRange(parsing: text)
            guard let ours else {
                if let valid = answer.valid { mismatches.append("\(quoted(text)): npm reads \(quoted(valid)), we reject it") }
                continue
            }
            guard let valid = answer.valid else {
                mismatches.append("\(quoted(text)): npm rejects it, we read \(quoted(ours.normalized))")
                continue
            }
            if ours.normalized != valid {
                mismatches.append("\(quoted(text)): npm reads \(quoted(valid)), we read \(quoted(ours.normalized))")
            }
            for (version, npmSays) in zip(versions, answer.satisfies) where ours.contains(version) != (npmSays == "1") {
                mismatches.append("\(quoted(text)) contains \(version): npm says \(npmSays == "1"), we say \(!(npmSays == "1"))")
            }
            for (list, npmHighest) in zip(lists, answer.highest) where ours.highest(in: list)?.description != npmHighest {
                mismatches.append(
                    "\(quoted(text)) highest of \(list): npm says \(npmHighest ?? "none"), we say \(ours.highest(in: list)?.description ?? "none")")
            }
        }
        for (text, answer) in zip(Self.acceptedOnlyByNPM, answers.dropFirst(corpus.count)) {
            if answer.valid == nil { mismatches.append("\(quoted(text)) was expected to be accepted by npm, but npm rejects it") }
            if (try? VersionRange(parsing: text)) != nil { mismatches.append("\(quoted(text)) was expected to be rejected by VersionRange") }
        }
        if !mismatches.isEmpty {
            Issue.record(
                "\(mismatches.count) disagreements with node-semver over \(corpus.count) ranges × \(versions.count) versions:\n\(mismatches.joined(separator: "\n"))"
            )
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }
}

/// The differential corpus: README examples, each operator on each kind of partial version,
/// hyphen ranges, unions and intersections of those, odd spacing, and invalid texts.
private enum SemverCorpus {
    static let versions = [
        "0.0.0-0", "0.0.0-alpha", "0.0.0", "0.0.1-0", "0.0.1", "0.0.2", "0.0.3-beta", "0.0.3-pr.2", "0.0.3", "0.0.4-0",
        "0.0.4", "0.1.0-beta", "0.1.0", "0.1.5", "0.2.0", "0.2.3-beta", "0.2.3", "0.2.9", "0.3.0-0", "0.3.0", "0.9.9",
        "1.0.0-0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0-rc.1", "1.0.0", "1.0.0+build.1", "1.0.1", "1.1.0",
        "1.2.0-rc.1", "1.2.0", "1.2.2", "1.2.3-0", "1.2.3-alpha.3", "1.2.3-alpha.7", "1.2.3-beta", "1.2.3-beta.2",
        "1.2.3-beta.4", "1.2.3", "1.2.3+build", "1.2.4-beta.2", "1.2.4", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.2.99",
        "1.3.0-0", "1.3.0", "1.3.9", "1.4.6", "1.9.9", "2.0.0-0", "2.0.0-alpha", "2.0.0-beta", "2.0.0", "2.0.1",
        "2.3.0", "2.3.4-rc.1", "2.3.4", "2.3.5", "2.4.0-0", "2.4.0", "2.5.3", "3.0.0-0", "3.0.0", "3.4.5-alpha.9",
        "3.4.5", "10.0.0", "9007199254740991.0.0",
    ]

    static let lists = [
        ["1.2.3", "1.2.4", "1.3.0", "2.0.0", "2.0.0-beta", "0.9.0"],
        ["0.0.1", "0.0.2", "0.0.3-beta", "0.0.3", "0.1.0", "0.2.3"],
        ["1.2.3-alpha.3", "1.2.3-alpha.7", "1.2.3-beta.2", "1.2.3", "1.2.4-beta.2", "3.4.5-alpha.9"],
        ["1.2.3+a", "1.2.3+b", "1.0.0", "2.3.4", "2.3.4+z"],
        [],
    ]

    static let handwritten = [
        // README.
        "1.2.3 - 2.3.4", "1.2 - 2.3.4", "1.2.3 - 2.3", "1.2.3 - 2", "*", "1.x", "1.2.x", "", "1", "1.2", "~1.2.3",
        "~1.2", "~1", "~0.2.3", "~0.2", "~0", "~1.2.3-beta.2", "^1.2.3", "^0.2.3", "^0.0.3", "^1.2.3-beta.2",
        "^0.0.3-beta", "^1.2.x", "^0.0.x", "^0.0", "^1.x", "^0.x", ">=1.2.7", ">=1.2.7 <1.3.0",
        "1.2.7 || >=1.2.9 <2.0.0", ">1.2.3-alpha.3", "<1.2.3", "<1.2.3-rc", ">=1.2.3-alpha.3 <1.2.4",
        // Primitives and prefixes.
        "=1.2.3", "v1.2.3", "=v1.2.3", "1.2.3+build", "<=1.2.3+build", ">=1.0.0-0", ">0.0.0", ">=0.0.0", ">=v0.0.0",
        ">=0.0.0+b", "<0.0.0-0", "<0.0.0", ">=0.0.0-0", "1.2.3-0", "0.0.0",
        // X-ranges.
        "1.*", "1.2.*", "X", "x.x", "*.*.*", "1.x.x", ">1", ">1.2", "<1", "<1.2", "<=1", "<=1.2", ">=1", ">=1.2",
        "=1.x", ">*", "<*", ">=*", "<=*", "1.*.3", "1.2.x-beta", ">1.2.x-beta", "x.x.x-beta", "vv1.x", "=v=1", ">==1.x",
        ">=0.x", "<=0.0.x",
        // More tilde and caret.
        "~>1.2.3", "~>1.2", "~> 1.2", "~ 1.2.3", "^ 1.2.3", "~1.x", "~0.0.0", "^0.0.0", "^0.0.0-beta", "~v1.2.3",
        "^=1.2.3", "~=1.2", "~>=1.2.3", "~*", "^*", "^x", "^0.0.1", "^0.1", "^1", "^v1.2.3-beta.2+b", "~0.0.3-beta",
        // More hyphen ranges.
        "1.2.3-beta - 2.3.4-rc.1", "v1.2.3 - v2.3.4", "=1.2 - =2", "* - 2", "1 - *", "0.0.0 - 1", "v0.0.0 - 1",
        "1.2.3+b - 2.3.4+c", "1 - =2.0.0-beta", "1.2.3\t-\t2.3.4", "  1.2.3   -   2.3.4  ", "0.0.0-0 - 0.0.1",
        // Spacing.
        ">= 1.2.3", ">=  v1.2.3   <   2.0.0", "> =1.2.3", "> =1.x", "< =1.2", "= 1.2.3", "  ^1.2.3  ", "1.2.3\t||\t2.x",
        "1.2.3||2.x", "1.2.3 ||2.x", ">=1.2.3\n<2", " \t\n ", "^1.2.3\t \t~1.2.5",
        // Unions and intersections.
        "1.2.3 ||", "|| 1.2.3", "||", "* || 1.2.3", "<0.0.0-0 || 1", "<0.0.0 || >*", "1.2.3 1.2.3 =1.2.3 v1.2.3",
        ">=1.0.0 *", "^1.2.3 || ^2.0.0-beta || ~0.2", ">=1.2.3-alpha.3 <1.2.3 || 2.x", "1.2.3-beta.2 || 1.2.3-beta.4",
        "^0.0.3-beta || 1.2.3-alpha.3 - 1.2.3-beta.4", ">=0.0.0 <=0.0.0-rc", ">=v0.0.0 <=0.0.0-rc", "0.x <=0.0.0-rc",
        // Large numbers.
        "9007199254740991.x", "^9007199254740990.0.0", "1.x.99999999999999999999", "<9007199254740991.0.0",
        // Invalid.
        "1.2.3.4", ">=abc", "^", "1 -", "01.2.3", "~", "~>", ">", ">=", "=", "<>1.2.3", "=>1.2.3", "=<1.2.3", "1.2-beta",
        "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1..3", "1.2.", "x.y", "1.2.3 - 2.3.4 - 5", "- 1.2.3",
        "1.2.3 -2.3.4", ">1.2.3 - 2", "1.2.3 | 2", "1.2.3 ||| 2", "==1.2.3", ">==1.2.3", "v=1.2.3", "vv1.2.3", "V1.2.3",
        "=1.2.3 - 2", "1 - =2.0.0", "~^1.2.3", ">= v 1.2.3", "^9007199254740991.0.0", "9007199254740992.0.0",
        ">9007199254740991", "1.2.3-é", "1.2.3 - 2.3.4 1", "^01.2", "~1.2.3.x", "1.2.3 >=", "1.2.3<2", "^1.2.3 ~",
        "1.x.01", "~ >=1.2.3 <",
    ]

    static let operators = ["", "=", "<", "<=", ">", ">=", "~", "~>", "^"]
    static let partials = [
        "0", "1", "0.0", "0.2", "1.2", "0.0.0", "0.0.3", "0.2.3", "1.2.3", "1.x", "1.2.x", "*", "x.X.*", "1.2.3-beta.2",
        "0.0.3-beta", "v1.2", "0.0.0-0",
    ]
    static let hyphenLows = ["1", "1.2", "1.2.3", "1.2.3-alpha.3", "*", "0.0.0"]
    static let hyphenHighs = ["2", "2.3", "2.3.4", "2.3.4-rc.1", "x", "v3.0.0"]

    static var ranges: [String] {
        let generated = operators.flatMap { op in partials.map { op + $0 } }
        let hyphens = hyphenLows.flatMap { low in hyphenHighs.map { "\(low) - \($0)" } }
        let unions = (0..<30).map { generated[($0 * 5) % generated.count] + " || " + generated[($0 * 7 + 3) % generated.count] }
        let intersections = (0..<20).map { generated[($0 * 11 + 1) % generated.count] + "  " + generated[($0 * 13 + 2) % generated.count] }
        // node-semver's 256-character limit on the version text it builds each comparator from.
        let long = { (count: Int) in "1.2.3-" + String(repeating: "a", count: count) }
        let lengths = [
            long(250), long(251), "v" + long(250), "=" + long(250), "^" + long(250), "^" + long(251), ">= " + long(251),
            long(240) + "+" + String(repeating: "b", count: 10), long(240) + "+" + String(repeating: "b", count: 11),
            "^" + long(240) + "+" + String(repeating: "b", count: 40), long(251) + " - 2", "v" + long(250) + " - 2",
            "1 - " + long(251), "1 - v" + long(250), "1 - =" + long(250), "1 - v1.2.3+" + String(repeating: "b", count: 250),
        ]
        return handwritten + generated + hyphens + unions + intersections + lengths
    }
}

/// Runs one node process with node-semver over the whole corpus.
private enum NodeSemver {
    struct Answer: Decodable {
        /// `validRange`: npm's normalized form, nil when npm rejects the range.
        let valid: String?
        /// `satisfies` for each version, as a string of 0 and 1.
        let satisfies: String
        /// `maxSatisfying` for each list (empty when the range is invalid).
        let highest: [String?]
    }

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    private struct Input: Encodable {
        let ranges: [String]
        let versions: [String]
        let lists: [[String]]
    }

    private static let script = """
        'use strict';
        let semver;
        try {
          semver = require('semver');
        } catch (error) {
          process.stderr.write('node-semver is not installed (apt-get install node-semver): ' + error.message + '\\n');
          process.exit(2);
        }
        const input = JSON.parse(process.argv[1]);
        process.stdout.write(JSON.stringify(input.ranges.map((range) => {
          const valid = semver.validRange(range);
          return {
            valid,
            satisfies: input.versions.map((version) => (semver.satisfies(version, range) ? '1' : '0')).join(''),
            highest: valid === null ? [] : input.lists.map((list) => semver.maxSatisfying(list, range)),
          };
        })));
        """

    static func answers(ranges: [String], versions: [String], lists: [[String]]) throws -> [Answer] {
        let install = "install Node.js and node-semver (Debian packages nodejs and node-semver) to run the differential test"
        guard let node = Shell.which("node") else {
            throw Unavailable(description: "`node` was not found on PATH; \(install)")
        }
        let input = String(decoding: try JSONEncoder().encode(Input(ranges: ranges, versions: versions, lists: lists)), as: UTF8.self)
        // Debian installs node modules in /usr/share/nodejs, which NodeSource builds do not search.
        let modules = [ProcessInfo.processInfo.environment["NODE_PATH"], "/usr/share/nodejs"].compactMap { $0 }.joined(separator: ":")
        let output: String
        do {
            output = try Shell.run(node, ["-e", script, input], environment: ["NODE_PATH": modules])
        } catch {
            throw Unavailable(description: "node-semver failed: \(error)\n\(install)")
        }
        return try JSONDecoder().decode([Answer].self, from: Data(output.utf8))
    }
}
