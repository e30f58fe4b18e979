import Testing
@testable import Engine

@Suite("Step graph")
struct StepGraphTests {
    let graph = StepGraph(dependencies: [
        ("quote", []), ("stock", []), ("reserve", ["quote", "stock"]), ("charge", ["reserve"]), ("notify", ["charge"]),
        ("audit", ["quote"]),
    ])

    @Test("topological order puts every step after its needs, ties in declaration order")
    func topologicalOrder() {
        #expect(graph.topologicalOrder == ["quote", "stock", "reserve", "charge", "notify", "audit"])
        let reversed = StepGraph(dependencies: [("b", ["a"]), ("a", [])])
        #expect(reversed.topologicalOrder == ["a", "b"])
    }

    @Test("ready steps given what has completed or started")
    func readySet() {
        #expect(graph.readySteps(completed: []) == ["quote", "stock"])
        #expect(graph.readySteps(completed: ["quote"]) == ["stock", "audit"])
        #expect(graph.readySteps(completed: ["quote"], started: ["stock"]) == ["audit"])
        #expect(graph.readySteps(completed: ["quote", "stock", "audit"]) == ["reserve"])
        #expect(graph.readySteps(completed: Set(graph.stepIDs)) == [])
    }

    @Test("transitive dependencies follow needs")
    func transitive() {
        #expect(graph.transitiveDependencies(of: "notify") == ["charge", "reserve", "quote", "stock"])
        #expect(graph.transitiveDependencies(of: "quote") == [])
        #expect(graph.transitiveDependencies(of: "missing") == [])
    }

    @Test("cycles have no topological order and are each reported once")
    func cycles() {
        let cyclic = StepGraph(dependencies: [("a", ["b"]), ("b", ["c"]), ("c", ["a"]), ("x", ["a"]), ("y", ["y"])])
        #expect(cyclic.topologicalOrder == nil)
        #expect(cyclic.cycles() == [["a", "b", "c", "a"], ["y", "y"]])
        #expect(graph.cycles().isEmpty)
    }
}
