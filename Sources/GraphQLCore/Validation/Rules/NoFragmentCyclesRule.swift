// Spec §5.5.2.2 "Fragment spreads must not form cycles": the graph of fragment spreads must
// not form any cycles including spreading itself. Otherwise an operation could infinitely
// spread or infinitely execute on cycles in the underlying data.

/// Reports each cycle of fragment spreads once, with the spreads that form it.
struct NoFragmentCyclesRule: ASTVisitor {
    let context: ValidationContext
    private var visited: Set<String> = []
    private var spreadPath: [FragmentSpreadNode] = []
    private var spreadPathIndexByName: [String: Int] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { .skipChildren }

    mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction {
        detectCycle(from: node)
        return .skipChildren
    }

    /// Depth-first search over spreads; a spread of a fragment already on the path closes a cycle.
    private mutating func detectCycle(from fragment: FragmentDefinitionNode) {
        let name = fragment.name.value
        guard !visited.contains(name) else { return }
        visited.insert(name)
        let spreads = context.fragmentSpreads(in: fragment.selectionSet)
        guard !spreads.isEmpty else { return }
        spreadPathIndexByName[name] = spreadPath.count
        for spread in spreads {
            let spreadName = spread.name.value
            let cycleIndex = spreadPathIndexByName[spreadName]
            spreadPath.append(spread)
            if let cycleIndex {
                let cyclePath = Array(spreadPath[cycleIndex...])
                let via = cyclePath.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                context.report(
                    "Cannot spread fragment \"\(spreadName)\" within itself" + (via.isEmpty ? "." : " via \(via)."),
                    at: cyclePath.map(\.loc))
            } else if let target = context.fragment(named: spreadName) {
                detectCycle(from: target)
            }
            spreadPath.removeLast()
        }
        spreadPathIndexByName[name] = nil
    }
}
