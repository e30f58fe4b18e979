/// The dependency graph of a workflow's steps: an edge from each step to every step it `needs`.
///
/// Built once per definition; the runtime asks it which steps are ready, the validator asks it
/// for cycles and for transitive dependencies (which decide what `{{steps.X…}}` a step may read).
/// `needs` entries naming unknown steps are ignored here (the validator reports them).
public struct StepGraph: Sendable, Hashable {
    /// Step ids in declaration order.
    public let stepIDs: [String]
    /// For each step (by position), the positions of the steps it needs.
    private let edges: [[Int]]
    private let positions: [String: Int]

    /// The graph of `steps`.
    public init(steps: [StepDefinition]) {
        self.init(dependencies: steps.map { ($0.id, $0.needs) })
    }

    /// The graph of `(id, needs)` pairs, in declaration order; a repeated id keeps its first position.
    public init(dependencies: [(id: String, needs: [String])]) {
        var positions: [String: Int] = [:]
        for (offset, step) in dependencies.enumerated() where positions[step.id] == nil { positions[step.id] = offset }
        self.stepIDs = dependencies.map(\.id)
        self.positions = positions
        self.edges = dependencies.map { step in step.needs.compactMap { positions[$0] } }
    }

    /// Steps that can start now: not completed, not started, and everything they need completed;
    /// in declaration order.
    public func readySteps(completed: Set<String>, started: Set<String> = []) -> [String] {
        stepIDs.enumerated().compactMap { offset, id in
            guard !completed.contains(id), !started.contains(id),
                  edges[offset].allSatisfy({ completed.contains(stepIDs[$0]) }) else { return nil }
            return id
        }
    }

    /// Every step in an order where each step follows all the steps it needs; among steps that
    /// could go next, the earliest declared goes first. Nil when the graph has a cycle.
    public var topologicalOrder: [String]? {
        var remaining = edges.map(\.count)
        var dependents = Array(repeating: [Int](), count: edges.count)
        for (step, needs) in edges.enumerated() {
            for need in needs { dependents[need].append(step) }
        }
        var order: [String] = []
        var done = Array(repeating: false, count: edges.count)
        // Repeated scans keep ties in declaration order; step counts are capped, so O(n²) is fine.
        while order.count < edges.count {
            guard let next = remaining.indices.first(where: { !done[$0] && remaining[$0] == 0 }) else { return nil }
            done[next] = true
            order.append(stepIDs[next])
            for dependent in dependents[next] { remaining[dependent] -= 1 }
        }
        return order
    }

    /// Ids of every step `id` needs directly or indirectly (not including `id` unless it is on a cycle).
    public func transitiveDependencies(of id: String) -> Set<String> {
        guard let start = positions[id] else { return [] }
        var seen = Set<Int>()
        var stack = edges[start]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack.append(contentsOf: edges[next])
        }
        return Set(seen.map { stepIDs[$0] })
    }

    /// Dependency cycles, each as a path that starts and ends at the same step and follows
    /// `needs` (`["a", "b", "a"]`: a needs b, b needs a). Each cycle starts at its earliest
    /// declared step and is reported once.
    public func cycles() -> [[String]] {
        var state = Array(repeating: VisitState.unvisited, count: edges.count)
        var path: [Int] = []
        var found: [[Int]] = []
        for start in edges.indices where state[start] == .unvisited {
            visit(start, &state, &path, &found)
        }
        var seen = Set<[Int]>()
        return found.compactMap { cycle in
            guard seen.insert(cycle).inserted else { return nil }
            return (cycle + [cycle[0]]).map { stepIDs[$0] }
        }
    }

    private enum VisitState { case unvisited, onPath, finished }

    private func visit(_ node: Int, _ state: inout [VisitState], _ path: inout [Int], _ found: inout [[Int]]) {
        state[node] = .onPath
        path.append(node)
        for next in edges[node] {
            switch state[next] {
            case .unvisited:
                visit(next, &state, &path, &found)
            case .onPath:
                // A back edge closes the cycle path[next…] → next; rotate it to start at its earliest step.
                guard let from = path.lastIndex(of: next) else { continue }
                let cycle = Array(path[from...])
                let pivot = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
                found.append(Array(cycle[pivot...] + cycle[..<pivot]))
            case .finished:
                continue
            }
        }
        path.removeLast()
        state[node] = .finished
    }
}
