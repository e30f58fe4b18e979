/// The 2020-12 vocabularies a schema resource uses, read from its metaschema's `$vocabulary`.
/// Keywords of a disabled vocabulary are ignored (treated as unknown keywords).
struct SchemaVocabularies: OptionSet, Sendable {
    let rawValue: UInt8
    static let applicator = SchemaVocabularies(rawValue: 1 << 0)
    static let validation = SchemaVocabularies(rawValue: 1 << 1)
    static let unevaluated = SchemaVocabularies(rawValue: 1 << 2)
    static let formatAssertion = SchemaVocabularies(rawValue: 1 << 3)

    /// What the standard 2020-12 metaschema declares (format as annotation).
    static let standard: SchemaVocabularies = [.applicator, .validation, .unevaluated]

    static let standardMetaschemas: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema",
        "https://json-schema.org/draft/2020-12/schema#",
    ]

    private static let prefix = "https://json-schema.org/draft/2020-12/vocab/"

    /// SchemaVocabularies the validator understands that do not change evaluation here.
    private static let understoodWithoutEffect: Set<String> = ["core", "meta-data", "format-annotation", "content"]

    /// The vocabularies declared by a metaschema's `$vocabulary` object; nil when the
    /// metaschema declares none (then the standard set applies). Throws a message when a
    /// required vocabulary is unknown, as the spec demands.
    static func declared(by metaschema: JSONValue) throws(SchemaVocabularyError) -> SchemaVocabularies? {
        guard case .object(let declared)? = metaschema["$vocabulary"] else { return nil }
        var result: SchemaVocabularies = []
        for (uri, requiredValue) in declared {
            let name = uri.hasPrefix(prefix) ? String(uri.dropFirst(prefix.count)) : ""
            switch name {
            case "applicator": result.insert(.applicator)
            case "validation": result.insert(.validation)
            case "unevaluated": result.insert(.unevaluated)
            case "format-assertion": result.insert(.formatAssertion)
            case _ where understoodWithoutEffect.contains(name): break
            default:
                if requiredValue == .bool(true) { throw SchemaVocabularyError(uri: uri) }
            }
        }
        return result
    }
}

/// A metaschema requires a vocabulary this validator does not know.
struct SchemaVocabularyError: Error {
    let uri: String
}
