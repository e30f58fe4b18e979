// Descriptions, `@deprecated` and applied directives in printed SDL.

extension SchemaPrinter {
    /// graphql-js `printDescription`: a block string when the text allows one, indented, and
    /// separated by a blank line from the previous member of a block.
    func description(_ text: String?, indentation: String = "", firstInBlock: Bool = true) -> String {
        guard let text else { return "" }
        let literal = isPrintableAsBlockString(text) ? printBlockString(text) : printString(text)
        let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
        return prefix + literal.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indentation) + "\n"
    }

    /// ` @deprecated`, with the reason only when it is not the default one.
    func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        guard reason != GraphQLDirective.defaultDeprecationReason else { return " @deprecated" }
        return " @deprecated(reason: \(printString(reason)))"
    }

    /// The applied directives graphql-js does not print (all but `@deprecated`, `@specifiedBy`
    /// and `@oneOf`), when the printer keeps them; nothing otherwise.
    func custom(_ applied: [DirectiveNode]) -> String {
        guard keepsAppliedDirectives else { return "" }
        return directiveSuffix(applied.filter { !derivedDirectives.contains($0.name.value) })
    }

    /// ` @a @b(x: 1)`, or nothing.
    func directiveSuffix(_ applied: [DirectiveNode]) -> String {
        applied.map { " " + Printer.print($0) }.joined()
    }
}

/// Directives the schema model already records (deprecation reason, specifiedBy URL, oneOf).
private let derivedDirectives: Set<String> = ["deprecated", "specifiedBy", "oneOf"]

/// graphql-js `isPrintableAsBlockString`: whether `value` survives a round trip through a
/// block string (no control characters, no leading or trailing blank line, no common indent).
func isPrintableAsBlockString(_ value: String) -> Bool {
    if value.isEmpty { return true }
    var isEmptyLine = true
    var hasIndent = false
    var hasCommonIndent = true
    var seenNonEmptyLine = false
    for scalar in value.unicodeScalars {
        switch scalar.value {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x0D:
            return false
        case 0x0A:
            if isEmptyLine && !seenNonEmptyLine { return false }
            seenNonEmptyLine = true
            isEmptyLine = true
            hasIndent = false
        case 0x09, 0x20:
            hasIndent = hasIndent || isEmptyLine
        default:
            hasCommonIndent = hasCommonIndent && hasIndent
            isEmptyLine = false
        }
    }
    if isEmptyLine { return false }
    if hasCommonIndent && seenNonEmptyLine { return false }
    return true
}
