import Foundation

/// The compiled form of one schema (an object or boolean schema). Subschemas are referenced
/// by index into `SchemaStore.nodes`, which lets `$ref` cycles exist without reference cycles.
struct SchemaNode: Sendable {
    enum Body: Sendable {
        /// A boolean schema: `true` accepts everything, `false` nothing.
        case always(Bool)
        /// An object schema's keywords in evaluation order (`unevaluated*` last).
        case keywords([CompiledKeyword])
    }

    var body: Body
    /// The schema resource (document or `$id` subschema) this node belongs to, for `$dynamicRef`.
    var resource: Int
    /// The name of this node's `$dynamicAnchor`, if any (bookends `$dynamicRef` resolution).
    var dynamicAnchor: String?
}

/// A keyword ready to evaluate; `name` is its spelling in the schema (for error locations).
struct CompiledKeyword: Sendable {
    let name: String
    let kind: KeywordKind
}

/// Every keyword the validator evaluates, with its operands pre-checked and pre-computed.
/// Subschema operands are node indices; `$ref` targets are slots in `SchemaStore.refTargets`,
/// filled in once all documents are compiled.
enum KeywordKind: Sendable {
    // Validation vocabulary: any instance type.
    case type(JSONTypeSet)
    case enumeration([JSONValue])
    case const(JSONValue)
    // Numbers.
    case multipleOf(JSONValue)
    case maximum(JSONValue)
    case exclusiveMaximum(JSONValue)
    case minimum(JSONValue)
    case exclusiveMinimum(JSONValue)
    // Strings.
    case maxLength(Int)
    case minLength(Int)
    case pattern(CompiledPattern)
    case format(FormatKind)
    // Arrays.
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case prefixItems([Int])
    case items(node: Int, startIndex: Int)
    case contains(node: Int, min: Int, max: Int?)
    // Objects.
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(property: String, required: [String])])
    case properties(PropertyTable<Int>)
    case patternProperties([(pattern: CompiledPattern, node: Int)])
    case additionalProperties(node: Int, known: PropertyTable<Bool>, patterns: [CompiledPattern])
    case propertyNames(Int)
    case dependentSchemas([(property: String, node: Int)])
    // Logic.
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    // References.
    case ref(slot: Int)
    case dynamicRef(slot: Int, anchor: String?)
    // Unevaluated vocabulary.
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
}

/// The set of types a `type` keyword allows.
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let integer = JSONTypeSet(rawValue: 1 << 2)
    static let number = JSONTypeSet(rawValue: 1 << 3)
    static let string = JSONTypeSet(rawValue: 1 << 4)
    static let array = JSONTypeSet(rawValue: 1 << 5)
    static let object = JSONTypeSet(rawValue: 1 << 6)

    static let names: [(String, JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]
}

/// A compiled `pattern` / `patternProperties` regular expression, searched (not anchored).
struct CompiledPattern: Sendable {
    let source: String
    let regex: NSRegularExpression

    func matches(_ string: String) -> Bool {
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return regex.firstMatch(in: string, options: [], range: range) != nil
    }
}

/// A schema resource (a document root or a subschema with `$id`).
struct SchemaResource: Sendable {
    let uri: String
    /// `$dynamicAnchor` name → node, consulted when `$dynamicRef` walks the dynamic scope.
    var dynamicAnchors: [String: Int] = [:]
}

/// Everything a compiled schema needs at validation time; immutable once built.
final class SchemaStore: Sendable {
    let nodes: [SchemaNode]
    let resources: [SchemaResource]
    let refTargets: [Int]
    let root: Int
    /// False when no `unevaluated*` keyword exists, so evaluation skips annotation bookkeeping.
    let tracksAnnotations: Bool
    let maxEvaluationDepth: Int

    init(nodes: [SchemaNode], resources: [SchemaResource], refTargets: [Int], root: Int,
         tracksAnnotations: Bool, maxEvaluationDepth: Int) {
        self.nodes = nodes
        self.resources = resources
        self.refTargets = refTargets
        self.root = root
        self.tracksAnnotations = tracksAnnotations
        self.maxEvaluationDepth = maxEvaluationDepth
    }
}
