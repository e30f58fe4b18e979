import Testing

@testable import GraphQLCore

/// Records the order of enter and leave calls for the executable node kinds.
private struct EventRecorder: ASTVisitor {
    var events: [String] = []
    var skipFieldsNamed: Set<String> = []
    var stopAtField: String?

    mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        events.append("enter operation \(node.name?.value ?? "-")")
        return .continue
    }
    mutating func leave(_ node: OperationDefinitionNode) { events.append("leave operation") }
    mutating func enter(_ node: SelectionSetNode) -> VisitAction {
        events.append("enter selectionSet")
        return .continue
    }
    mutating func leave(_ node: SelectionSetNode) { events.append("leave selectionSet") }
    mutating func enter(_ node: FieldNode) -> VisitAction {
        events.append("enter field \(node.name.value)")
        if node.name.value == stopAtField { return .stop }
        return skipFieldsNamed.contains(node.name.value) ? .skipChildren : .continue
    }
    mutating func leave(_ node: FieldNode) { events.append("leave field \(node.name.value)") }
    mutating func enter(_ node: ArgumentNode) -> VisitAction {
        events.append("enter argument \(node.name.value)")
        return .continue
    }
    mutating func enter(_ node: ValueNode) -> VisitAction {
        events.append("enter value \(GraphQLCore.print(node))")
        return .continue
    }
    mutating func enter(_ node: DirectiveNode) -> VisitAction {
        events.append("enter directive \(node.name.value)")
        return .continue
    }
    mutating func enter(_ node: NamedTypeNode) -> VisitAction {
        events.append("enter namedType \(node.name.value)")
        return .continue
    }
}

/// Counts nodes of a few kinds, as a simple validation rule would.
private struct Counter: ASTVisitor {
    var fields = 0
    var variables = 0
    var typeDefinitions = 0
    var fieldDefinitions = 0
    var inputValues = 0

    mutating func enter(_ node: FieldNode) -> VisitAction {
        fields += 1
        return .continue
    }
    mutating func enter(_ node: ValueNode) -> VisitAction {
        if case .variable = node { variables += 1 }
        return .continue
    }
    mutating func enter(_ node: ObjectTypeDefinitionNode) -> VisitAction {
        typeDefinitions += 1
        return .continue
    }
    mutating func enter(_ node: ObjectTypeExtensionNode) -> VisitAction {
        typeDefinitions += 1
        return .continue
    }
    mutating func enter(_ node: FieldDefinitionNode) -> VisitAction {
        fieldDefinitions += 1
        return .continue
    }
    mutating func enter(_ node: InputValueDefinitionNode) -> VisitAction {
        inputValues += 1
        return .continue
    }
}

@Suite struct VisitorTests {
    @Test func visitsInSourceOrder() throws {
        var recorder = EventRecorder()
        visit(try parse("query Q { a(x: [1, $v]) @d { b } ... on T { c } }"), with: &recorder)
        #expect(recorder.events == [
            "enter operation Q",
            "enter selectionSet",
            "enter field a",
            "enter argument x",
            "enter value [1, $v]",
            "enter value 1",
            "enter value $v",
            "enter directive d",
            "enter selectionSet",
            "enter field b",
            "leave field b",
            "leave selectionSet",
            "leave field a",
            "enter namedType T",
            "enter selectionSet",
            "enter field c",
            "leave field c",
            "leave selectionSet",
            "leave selectionSet",
            "leave operation",
        ])
    }

    @Test func skipChildrenSkipsTheSubtreeAndItsLeave() throws {
        var recorder = EventRecorder(skipFieldsNamed: ["a"])
        visit(try parse("{ a { b } c }"), with: &recorder)
        #expect(recorder.events == [
            "enter operation -", "enter selectionSet", "enter field a", "enter field c", "leave field c",
            "leave selectionSet", "leave operation",
        ])
    }

    @Test func stopEndsTheWalk() throws {
        var recorder = EventRecorder(stopAtField: "b")
        visit(try parse("{ a { b c } d }"), with: &recorder)
        #expect(recorder.events == [
            "enter operation -", "enter selectionSet", "enter field a", "enter selectionSet", "enter field b",
        ])
    }

    @Test func walksTypeSystemDefinitions() throws {
        var counter = Counter()
        visit(
            try parse(
                """
                type A { f(a: Int, b: In = {c: 1}): Int g: String }
                extend type A { h(x: Int): Int }
                input In { c: Int }
                directive @d(arg: Int) on FIELD
                """), with: &counter)
        #expect(counter.typeDefinitions == 2)
        #expect(counter.fieldDefinitions == 3)
        #expect(counter.inputValues == 5)
    }

    @Test func parallelVisitorsKeepTheirOwnSkipState() throws {
        let document = try parse("{ a { b } c(x: $v) }")
        var parallel = ParallelVisitor([EventRecorder(skipFieldsNamed: ["a"]), Counter()])
        visit(document, with: &parallel)
        let recorder = parallel.visitors[0] as? EventRecorder
        let counter = parallel.visitors[1] as? Counter
        #expect(recorder?.events.contains("enter field b") == false)
        #expect(recorder?.events.contains("leave field a") == false)
        #expect(recorder?.events.contains("leave field c") == true)
        #expect(counter?.fields == 3)
        #expect(counter?.variables == 1)
    }

    @Test func parallelWalkStopsWhenAllVisitorsStop() throws {
        var parallel = ParallelVisitor([EventRecorder(stopAtField: "a"), EventRecorder(stopAtField: "b")])
        visit(try parse("{ a b c }"), with: &parallel)
        let second = parallel.visitors[1] as? EventRecorder
        #expect(second?.events.last == "enter field b")
        #expect(second?.events.contains("enter field c") == false)
    }
}
