/// A parsed workflow definition (DESIGN.md §4; the document format is in docs/workflow-definitions.md).
///
/// ```swift
/// let definition = try WorkflowDefinition(json: text)        // structure, types, templates, schemas
/// let problems = definition.validateGraph()                   // ids, needs, cycles, references, cache
/// ```
/// `WorkflowDefinition.publishable(json:)` does both and throws every problem at once.
public struct WorkflowDefinition: Sendable {
    /// The workflow's name, e.g. `order-fulfilment`.
    public var name: String
    /// This version's number.
    public var version: SemanticVersion
    /// Free text for people.
    public var description: String?
    /// Validates execution input; required.
    public var inputSchema: DefinitionSchema
    /// Describes the output (checked at publish for compatibility), optional.
    public var outputSchema: DefinitionSchema?
    /// Saga, fan-out and timeout policy.
    public var policy: WorkflowPolicy
    /// Steps in declaration order.
    public var steps: [StepDefinition]
    /// The execution output; may reference any step. Nil means `{}`.
    public var output: TemplatedValue?
    /// The document this was parsed from (what gets stored and exported).
    public var source: JSONValue

    /// The step with `id`, if any.
    public func step(_ id: String) -> StepDefinition? {
        steps.first { $0.id == id }
    }
}

/// A JSON Schema of a definition: the compiled validator and the JSON it came from (kept for
/// storage, export and the compatibility check between versions).
public struct DefinitionSchema: Sendable {
    /// The schema document as written.
    public let source: JSONValue
    /// The compiled validator.
    public let compiled: JSONSchema

    /// Compiles `source`.
    /// - Throws: `JSONSchemaCompileError` when it is not a valid 2020-12 schema.
    public init(_ source: JSONValue, options: JSONSchema.Options = JSONSchema.Options()) throws(JSONSchemaCompileError) {
        self.source = source
        self.compiled = try JSONSchema(compiling: source, options: options)
    }

    /// Validates `instance` against the schema.
    public func validate(_ instance: JSONValue) -> [JSONSchemaError] { compiled.validate(instance) }
}

/// What triggers compensation of completed steps.
public enum CompensationTrigger: String, Sendable, Hashable, CaseIterable {
    /// A step failed for good.
    case error
    /// The execution was cancelled.
    case cancel
}

/// `"policy"`.
public struct WorkflowPolicy: Sendable, Hashable {
    /// When to run compensations; defaults to `[.error]`.
    public var compensateOn: [CompensationTrigger]
    /// The most elements one `forEach` may fan out to; nil means the deployment's cap.
    public var maxFanOut: Int?
    /// Bound on a whole execution.
    public var timeout: ISO8601Duration?

    /// Creates a policy.
    public init(compensateOn: [CompensationTrigger] = [.error], maxFanOut: Int? = nil, timeout: ISO8601Duration? = nil) {
        self.compensateOn = compensateOn
        self.maxFanOut = maxFanOut
        self.timeout = timeout
    }
}
