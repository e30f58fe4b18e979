/// One problem in a workflow definition, located by a JSON pointer into the document.
///
/// `description` reads like
/// `/steps/2/with/method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE but got "FETCH"`;
/// the document root is written `(root)`.
public struct DefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is (the offending member, or the object missing a member).
    public let pointer: JSONPointer
    /// What is wrong, as a sentence fragment naming the thing.
    public let message: String

    /// Creates an error.
    public init(pointer: JSONPointer, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `<pointer>: <message>`.
    public var description: String {
        "\(pointer.tokens.isEmpty ? "(root)" : pointer.description): \(message)"
    }
}

/// Every problem found in a definition (parsing collects them instead of stopping at the first).
/// At most `DefinitionOptions.maxErrors` are kept; `truncated` says more were found.
public struct DefinitionErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems in document order (parse errors first, then graph errors).
    public let errors: [DefinitionError]
    /// True when the error limit was reached and later problems were dropped.
    public let truncated: Bool

    /// Creates the list.
    public init(errors: [DefinitionError], truncated: Bool = false) {
        self.errors = errors
        self.truncated = truncated
    }

    /// One error per line, plus a note when the list was truncated.
    public var description: String {
        let lines = errors.map(\.description) + (truncated ? ["(more errors were found but not reported)"] : [])
        return lines.joined(separator: "\n")
    }
}

/// Why a scalar value of a definition (a semantic version, an ISO-8601 duration, a secret) could
/// not be read. The message quotes the input, e.g.
/// `"PT5X" is not an ISO-8601 duration: unknown designator "X" after "T"`; the definition parser
/// puts the JSON pointer in front of it.
public struct DefinitionValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, quoting the input.
    public let message: String

    /// Creates an error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Limits applied when a definition is parsed and validated; limits are part of the API.
public struct DefinitionOptions: Sendable, Hashable {
    /// The most steps a workflow may declare.
    public var maxSteps: Int
    /// The most errors reported for one document; parsing keeps going until then.
    public var maxErrors: Int
    /// Options used when compiling `inputSchema` and `outputSchema`.
    public var schemaFormatAssertion: Bool

    /// Defaults: 200 steps, 100 errors, `format` as annotation.
    public init(maxSteps: Int = 200, maxErrors: Int = 100, schemaFormatAssertion: Bool = false) {
        self.maxSteps = maxSteps
        self.maxErrors = maxErrors
        self.schemaFormatAssertion = schemaFormatAssertion
    }
}

/// Collects errors up to a limit while one document is read. A class so the small object
/// readers of one parse can share it without threading `inout` through every call; it never
/// leaves the parse that created it.
final class DiagnosticCollector {
    let limit: Int
    private(set) var errors: [DefinitionError] = []
    private(set) var truncated = false

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func report(_ pointer: JSONPointer, _ message: String) {
        guard errors.count < limit else {
            truncated = true
            return
        }
        errors.append(DefinitionError(pointer: pointer, message: message))
    }

    var isEmpty: Bool { errors.isEmpty }

    var asError: DefinitionErrors { DefinitionErrors(errors: errors, truncated: truncated) }
}
