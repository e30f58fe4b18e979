/// One reason an instance does not conform to a schema.
///
/// `description` reads like `/items/0/sku: expected string but got integer (type)`.
public struct JSONSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance the failing value is.
    public let instanceLocation: JSONPointer
    /// The path of keywords (through `$ref`s) from the schema root to the failing keyword.
    public let keywordLocation: JSONPointer
    /// The failing keyword, e.g. `type`, `required`, `additionalProperties`.
    public let keyword: String
    /// A sentence-like explanation without the location, e.g. `expected string but got integer`.
    public let message: String

    /// Creates an error; validation code builds these, tests may too.
    public init(instanceLocation: JSONPointer, keywordLocation: JSONPointer, keyword: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.keyword = keyword
        self.message = message
    }

    /// `<instance location>: <message> (<keyword>)`; the document root is written `(root)`.
    public var description: String {
        let location = instanceLocation.tokens.isEmpty ? "(root)" : instanceLocation.description
        return "\(location): \(message) (\(keyword))"
    }
}

/// Why a schema could not be compiled: it is not a valid 2020-12 schema, or a reference in it
/// cannot be resolved. `description` reads like
/// `Invalid schema at /properties/name/minLength: must be a non-negative integer.`
public struct JSONSchemaCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON pointer (from the compiled document's root) of the offending keyword.
    public let schemaLocation: JSONPointer
    /// What is wrong, as a sentence fragment.
    public let message: String

    /// Creates a compile error.
    public init(schemaLocation: JSONPointer, message: String) {
        self.schemaLocation = schemaLocation
        self.message = message
    }

    /// `Invalid schema at <location>: <message>.`
    public var description: String {
        let location = schemaLocation.tokens.isEmpty ? "(root)" : schemaLocation.description
        return "Invalid schema at \(location): \(message)."
    }
}
