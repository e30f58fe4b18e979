import Foundation

// Validation vocabulary, keywords for strings (JSON Schema Validation 2020-12 §6.3):
// "maxLength", "minLength" (in Unicode code points), "pattern" (ECMA-262 in the spec;
// NSRegularExpression/ICU here, which agrees on the common syntax). Non-strings pass.

extension SchemaCompiler {
    mutating func compileStringKeyword(_ name: String, _ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> KeywordKind? {
        switch name {
        case "maxLength": return .maxLength(try nonNegativeInteger(operand, scope: scope, name: name))
        case "minLength": return .minLength(try nonNegativeInteger(operand, scope: scope, name: name))
        default: return .pattern(try compilePattern(operand, scope: scope))
        }
    }

    /// Compiles a regular expression operand (`pattern`, `patternProperties` keys).
    func compilePattern(_ operand: JSONValue, scope: CompileScope) throws(JSONSchemaCompileError) -> CompiledPattern {
        guard case .string(let source) = operand else { throw error(scope, "pattern must be a string") }
        do {
            return CompiledPattern(source: source, regex: try NSRegularExpression(pattern: ECMARegexTranslation.icuPattern(from: source)))
        } catch {
            throw self.error(scope, "\"\(source)\" is not a valid regular expression")
        }
    }
}

extension SchemaEvaluator {
    mutating func evaluateLength(_ limit: Int, _ instance: JSONValue, isMaximum: Bool) -> Bool {
        guard case .string(let string) = instance else { return true }
        let length = string.unicodeScalars.count
        if isMaximum ? length <= limit : length >= limit { return true }
        let unit = limit == 1 ? "character" : "characters"
        if isMaximum {
            report("maxLength", "string is longer than \(limit) \(unit)")
        } else {
            report("minLength", "string is shorter than \(limit) \(unit)")
        }
        return false
    }

    mutating func evaluatePattern(_ pattern: CompiledPattern, _ instance: JSONValue) -> Bool {
        guard case .string(let string) = instance else { return true }
        if pattern.matches(string) { return true }
        report("pattern", "string does not match pattern \(pattern.source)")
        return false
    }
}
