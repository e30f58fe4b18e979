// The state shared by all rules during one validation walk (graphql-js `ValidationContext`).

/// One use of a variable, with the input type and default value expected where it is used.
public struct VariableUsage: Sendable {
    /// The variable reference.
    public var node: VariableNode
    /// The input type expected at the position, if known.
    public var type: GraphQLTypeReference?
    /// The default value of the argument or input field the variable fills, if any.
    public var defaultValue: ValueNode?
}

/// What rules share during one validation walk: the schema, the document, the current
/// `TypeInfo`, the errors reported so far, and cached fragment and variable look-ups.
///
/// Rules report through `report(_:at:)`; after `maxErrors` errors the context records the
/// graphql-js abort message and the walk stops.
public final class ValidationContext {
    /// The schema being validated against.
    public let schema: GraphQLSchema
    /// The document being validated.
    public let document: DocumentNode
    /// The source text, used to turn node offsets into line and column.
    public let source: Source?
    /// Where the walk is, in schema terms; updated by the validation walker.
    public internal(set) var typeInfo: TypeInfo
    /// The errors reported so far, in report order.
    public private(set) var errors: [GraphQLError] = []
    /// Whether the error limit was reached and the walk must stop.
    public private(set) var aborted = false
    private let maxErrors: Int
    private let fragments: [String: FragmentDefinitionNode]
    private var spreadCache: [Location: [FragmentSpreadNode]] = [:]
    private var referencedCache: [Location: [FragmentDefinitionNode]] = [:]
    private var usageCache: [Location: [VariableUsage]] = [:]

    /// Creates the context for validating `document` against `schema`.
    public init(schema: GraphQLSchema, document: DocumentNode, source: Source?, maxErrors: Int = 100) {
        self.schema = schema
        self.document = document
        self.source = source
        self.maxErrors = maxErrors
        self.typeInfo = TypeInfo(schema: schema)
        var fragments: [String: FragmentDefinitionNode] = [:]
        for case .fragment(let fragment) in document.definitions {
            fragments[fragment.name.value] = fragment  // the last definition wins, as in graphql-js
        }
        self.fragments = fragments
    }

    /// Records an error located at `nodes` (the locations of the nodes, in order).
    public func report(_ message: String, at nodes: [Location]) {
        let locations = source.map { source in nodes.map { source.location(ofOffset: $0.start) } } ?? []
        report(GraphQLError(message: message, locations: locations))
    }

    /// Records an error; past the limit, records the abort message instead and stops the walk.
    public func report(_ error: GraphQLError) {
        guard !aborted else { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError(message: "Too many validation errors, error limit reached. Validation aborted."))
            aborted = true
            return
        }
        errors.append(error)
    }

    /// The fragment definition named `name` (the last one, if several share the name).
    public func fragment(named name: String) -> FragmentDefinitionNode? { fragments[name] }

    /// The fragment spreads in `selectionSet` and its nested selection sets, in graphql-js order.
    public func fragmentSpreads(in selectionSet: SelectionSetNode) -> [FragmentSpreadNode] {
        if let cached = spreadCache[selectionSet.loc], selectionSet.loc != .synthetic { return cached }
        var spreads: [FragmentSpreadNode] = []
        var setsToVisit = [selectionSet]
        while let set = setsToVisit.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): spreads.append(spread)
                case .field(let field): if let nested = field.selectionSet { setsToVisit.append(nested) }
                case .inlineFragment(let inline): setsToVisit.append(inline.selectionSet)
                }
            }
        }
        spreadCache[selectionSet.loc] = spreads
        return spreads
    }

    /// The fragments an operation uses, directly or through other fragments, each once.
    public func recursivelyReferencedFragments(_ operation: OperationDefinitionNode) -> [FragmentDefinitionNode] {
        if let cached = referencedCache[operation.loc], operation.loc != .synthetic { return cached }
        var result: [FragmentDefinitionNode] = []
        var collected: Set<String> = []
        var nodesToVisit = [operation.selectionSet]
        while let node = nodesToVisit.popLast() {
            for spread in fragmentSpreads(in: node) where !collected.contains(spread.name.value) {
                collected.insert(spread.name.value)
                if let fragment = fragment(named: spread.name.value) {
                    result.append(fragment)
                    nodesToVisit.append(fragment.selectionSet)
                }
            }
        }
        referencedCache[operation.loc] = result
        return result
    }

    /// The variables used in an operation or fragment (not through spreads), in walk order.
    public func variableUsages(_ definition: DefinitionNode) -> [VariableUsage] {
        if let cached = usageCache[definition.loc], definition.loc != .synthetic { return cached }
        var walker = ASTWalker(visitor: VariableUsageCollector(typeInfo: TypeInfo(schema: schema)))
        walker.walk(definition)
        usageCache[definition.loc] = walker.visitor.usages
        return walker.visitor.usages
    }

    /// The variables used in an operation and in every fragment it references.
    public func recursiveVariableUsages(_ operation: OperationDefinitionNode) -> [VariableUsage] {
        var usages = variableUsages(.operation(operation))
        for fragment in recursivelyReferencedFragments(operation) {
            usages += variableUsages(.fragment(fragment))
        }
        return usages
    }
}

/// Collects variable usages with the input type expected where each is used.
private struct VariableUsageCollector: ASTVisitor {
    var typeInfo: TypeInfo
    var usages: [VariableUsage] = []

    mutating func enter(_ node: VariableDefinitionNode) -> VisitAction { .skipChildren }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: OperationDefinitionNode) { typeInfo.leave(node) }
    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: FragmentDefinitionNode) { typeInfo.leave(node) }
    mutating func enter(_ node: SelectionSetNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: SelectionSetNode) { typeInfo.leave(node) }
    mutating func enter(_ node: FieldNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: FieldNode) { typeInfo.leave(node) }
    mutating func enter(_ node: InlineFragmentNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: InlineFragmentNode) { typeInfo.leave(node) }
    mutating func enter(_ node: DirectiveNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: DirectiveNode) { typeInfo.leave(node) }
    mutating func enter(_ node: ArgumentNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: ArgumentNode) { typeInfo.leave(node) }
    mutating func enter(_ node: ObjectFieldNode) -> VisitAction { typeInfo.enter(node) }
    mutating func leave(_ node: ObjectFieldNode) { typeInfo.leave(node) }

    mutating func enter(_ node: ValueNode) -> VisitAction {
        _ = typeInfo.enter(node)
        if case .variable(let variable) = node {
            usages.append(VariableUsage(node: variable, type: typeInfo.inputType, defaultValue: typeInfo.defaultValue))
        }
        return .continue
    }

    mutating func leave(_ node: ValueNode) { typeInfo.leave(node) }
}
