/// Reads one JSON object of a definition with typed getters that report problems by pointer.
///
/// Every getter marks its key as known; `finish()` then reports the remaining keys as unknown
/// (with a "did you mean" for near misses), so a typo such as `"retyr"` is never ignored.
struct DefinitionObjectReader {
    let object: JSONObject
    let pointer: JSONPointer
    let diagnostics: DiagnosticCollector
    private var known: [String] = []

    /// A reader for `value`, or nil (with an error reported) when it is not an object.
    init?(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) {
        guard case .object(let object) = value else {
            diagnostics.report(pointer, "expected an object but got \(value.typeName)")
            return nil
        }
        self.object = object
        self.pointer = pointer
        self.diagnostics = diagnostics
    }

    func report(_ key: String, _ message: String) {
        diagnostics.report(pointer.appending(key), message)
    }

    /// The raw member, marking `key` as known; reports a missing required member.
    mutating func value(_ key: String, required: Bool = false) -> JSONValue? {
        known.append(key)
        guard let value = object[key] else {
            if required { diagnostics.report(pointer, "missing required key \"\(key)\"") }
            return nil
        }
        return value
    }

    /// Marks `key` as accepted without reading it (e.g. when a sibling error makes it moot).
    mutating func skip(_ key: String) { known.append(key) }

    mutating func string(_ key: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let string) = value else {
            report(key, "expected a string but got \(value.typeName)")
            return nil
        }
        guard !nonEmpty || !string.isEmpty else {
            report(key, "must not be empty")
            return nil
        }
        return string
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let bool) = value else {
            report(key, "expected a boolean but got \(value.typeName)")
            return nil
        }
        return bool
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard let integer = value.intValue, value.typeName == "integer" else {
            report(key, "expected an integer but got \(value.typeName)")
            return nil
        }
        guard let int = Int(exactly: integer), range.contains(int) else {
            report(key, "expected an integer from \(range.lowerBound) to \(range.upperBound) but got \(integer)")
            return nil
        }
        return int
    }

    mutating func number(_ key: String, atLeast minimum: Double) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.doubleValue else {
            report(key, "expected a number but got \(value.typeName)")
            return nil
        }
        guard number >= minimum else {
            report(key, "expected a number of at least \(TemplateRenderer.interpolated(.double(minimum))) but got \(value)")
            return nil
        }
        return number
    }

    /// A string that must be one of `E`'s raw values.
    mutating func oneOf<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let value = value(key, required: required) else { return nil }
        return DefinitionObjectReader.decodeCase(value, at: pointer.appending(key), diagnostics: diagnostics)
    }

    static func decodeCase<E: RawRepresentable & CaseIterable>(
        _ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector
    ) -> E? where E.RawValue == String {
        if let text = value.stringValue, let decoded = E(rawValue: text) { return decoded }
        let names = E.allCases.map(\.rawValue).joined(separator: ", ")
        let got = value.stringValue.map { "\"\($0)\"" } ?? value.typeName
        diagnostics.report(pointer, "expected one of \(names) but got \(got)")
        return nil
    }

    /// An array of strings; each element is checked.
    mutating func stringArray(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else {
            report(key, "expected an array of strings but got \(value.typeName)")
            return nil
        }
        var strings: [String] = []
        for (offset, element) in elements.enumerated() {
            guard case .string(let string) = element else {
                diagnostics.report(pointer.appending(key).appending(offset), "expected a string but got \(element.typeName)")
                continue
            }
            strings.append(string)
        }
        return strings
    }

    /// An ISO-8601 duration; zero is rejected unless `allowZero` (a zero timeout or TTL is a mistake).
    mutating func duration(_ key: String, required: Bool = false, allowZero: Bool = false) -> ISO8601Duration? {
        guard let text = string(key, required: required) else { return nil }
        do throws(DefinitionValueError) {
            let duration = try ISO8601Duration(parsing: text)
            guard allowZero || duration.seconds > 0 else {
                report(key, "\"\(text)\" is zero; expected a duration longer than zero")
                return nil
            }
            return duration
        } catch {
            report(key, error.message)
            return nil
        }
    }

    /// A template string (any string, with or without `{{…}}`).
    mutating func template(_ key: String, required: Bool = false) -> Template? {
        guard let text = string(key, required: required, nonEmpty: false) else { return nil }
        do throws(TemplateSyntaxError) {
            return try Template(parsing: text)
        } catch {
            report(key, error.description)
            return nil
        }
    }

    /// Any JSON value whose strings may be templates.
    mutating func templatedValue(_ key: String, required: Bool = false) -> TemplatedValue? {
        guard let value = value(key, required: required) else { return nil }
        return DefinitionObjectReader.templated(value, at: pointer.appending(key), diagnostics: diagnostics)
    }

    static func templated(_ value: JSONValue, at pointer: JSONPointer, diagnostics: DiagnosticCollector) -> TemplatedValue {
        TemplatedValue.parse(value, at: pointer) { location, error in diagnostics.report(location, error.description) }
    }

    /// Reports every member that no getter asked for. `explanations` replace the generic
    /// message for keys that are known elsewhere but not allowed here.
    func finish(explanations: [String: String] = [:]) {
        for key in object.keys where !known.contains(key) {
            if let explanation = explanations[key] {
                report(key, explanation)
            } else if let suggestion = DefinitionObjectReader.closest(to: key, among: known) {
                report(key, "unknown key \"\(key)\"; did you mean \"\(suggestion)\"?")
            } else {
                report(key, "unknown key \"\(key)\"; expected one of \(known.joined(separator: ", "))")
            }
        }
    }

    /// The known key within edit distance 2 (case-insensitive), if any.
    static func closest(to key: String, among candidates: [String]) -> String? {
        let lowered = Array(key.lowercased())
        let scored = candidates.map { ($0, editDistance(lowered, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(2, max(1, key.count / 3)) else { return nil }
        return best.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
