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

/// How the compensations of one run are ordered.
public enum CompensationOrder: String, Sendable, Hashable, CaseIterable {
    /// One at a time, in reverse completion order (the default).
    case sequential
    /// Up to `parallelism` at a time, started in reverse completion order.
    case parallel
}

/// Compensation settings of the workflow (`policy.compensation`) or of one transaction scope
/// (`policy.transactions.<name>`); a scope's settings override the workflow's.
public struct CompensationSettings: Sendable, Hashable {
    /// When to compensate; nil inherits.
    public var compensateOn: [CompensationTrigger]?
    /// The order; nil inherits (sequential at the top).
    public var order: CompensationOrder?
    /// Compensations at once with `parallel`; nil inherits (4 at the top).
    public var parallelism: Int?

    /// Creates settings.
    public init(compensateOn: [CompensationTrigger]? = nil, order: CompensationOrder? = nil, parallelism: Int? = nil) {
        self.compensateOn = compensateOn
        self.order = order
        self.parallelism = parallelism
    }
}

/// `"policy"`.
public struct WorkflowPolicy: Sendable, Hashable {
    /// When to run compensations; defaults to `[.error]`.
    public var compensateOn: [CompensationTrigger]
    /// The most elements one `forEach` may fan out to; nil means the deployment's cap.
    public var maxFanOut: Int?
    /// Bound on a whole execution.
    public var timeout: ISO8601Duration?
    /// `policy.compensation`: order and parallelism of compensations.
    public var compensation: CompensationSettings
    /// `policy.transactions`: per-scope overrides by scope name.
    public var transactions: [String: CompensationSettings]

    /// Creates a policy.
    public init(
        compensateOn: [CompensationTrigger] = [.error], maxFanOut: Int? = nil, timeout: ISO8601Duration? = nil,
        compensation: CompensationSettings = CompensationSettings(), transactions: [String: CompensationSettings] = [:]
    ) {
        self.compensateOn = compensateOn
        self.maxFanOut = maxFanOut
        self.timeout = timeout
        self.compensation = compensation
        self.transactions = transactions
    }

    /// The triggers, order and parallelism in force for `scope` (nil: the workflow's own).
    public func compensation(forScope scope: String?) -> (triggers: [CompensationTrigger], order: CompensationOrder, parallelism: Int) {
        let override = scope.flatMap { transactions[$0] }
        return (
            override?.compensateOn ?? compensateOn,
            override?.order ?? compensation.order ?? .sequential,
            override?.parallelism ?? compensation.parallelism ?? 4)
    }
}
