/// A JSON Schema (draft 2020-12), compiled once and then used to validate many instances.
///
/// ```swift
/// let schema = try JSONSchema(compiling: ["type": "object", "required": ["sku"]])
/// let errors = schema.validate(["qty": 2])   // [(root): missing required property "sku" (required)]
/// ```
///
/// Compiling resolves every `$ref` (embedded `$id`s, anchors, JSON-pointer fragments and,
/// through a `JSONSchemaResolver`, remote documents), checks keyword values and compiles
/// `pattern`s, so validation never parses strings or pointers. A compiled schema is immutable
/// and `Sendable`: share it across tasks.
public struct JSONSchema: Sendable {
    /// Knobs that change how a schema is compiled.
    public struct Options: Sendable {
        /// When true, `format` asserts for the supported formats (`date-time`, `date`, `time`,
        /// `email`, `ipv4`, `ipv6`, `uuid`, `uri`); otherwise `format` is an annotation only,
        /// as the 2020-12 default (format-annotation vocabulary) prescribes.
        public var formatAssertion: Bool
        /// The base URI of a root schema without `$id`.
        public var defaultBaseURI: String
        /// The deepest chain of nested schema evaluations before validation gives up on an
        /// instance (guards against `$ref` cycles that never consume the instance).
        public var maxEvaluationDepth: Int

        /// Options with 2020-12 defaults: format is an annotation.
        public init(
            formatAssertion: Bool = false,
            defaultBaseURI: String = "https://maestro.invalid/schema.json",
            maxEvaluationDepth: Int = 256
        ) {
            self.formatAssertion = formatAssertion
            self.defaultBaseURI = defaultBaseURI
            self.maxEvaluationDepth = maxEvaluationDepth
        }
    }

    let store: SchemaStore

    /// Compiles `document` with no access to remote documents.
    /// - Throws: `JSONSchemaCompileError` when the schema is invalid or a reference cannot be resolved.
    public init(compiling document: JSONValue, options: Options = Options()) throws(JSONSchemaCompileError) {
        try self.init(compiling: document, options: options, resolver: nil)
    }

    /// Compiles `document`, fetching unknown referenced documents through `resolver`.
    package init(
        compiling document: JSONValue,
        options: Options = Options(),
        resolver: (any JSONSchemaResolver)?
    ) throws(JSONSchemaCompileError) {
        var compiler = SchemaCompiler(options: options, resolver: resolver)
        store = try compiler.compileRoot(document)
    }

    /// Validates `instance`, returning every violation found (empty means valid).
    public func validate(_ instance: JSONValue) -> [JSONSchemaError] {
        var evaluator = SchemaEvaluator(store: store, collectsErrors: true)
        var annotations = SchemaAnnotations()
        _ = evaluator.evaluate(node: store.root, instance: instance, into: &annotations)
        return evaluator.errors
    }

    /// True when `instance` conforms; faster than `validate` because it stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(store: store, collectsErrors: false)
        var annotations = SchemaAnnotations()
        return evaluator.evaluate(node: store.root, instance: instance, into: &annotations)
    }
}
