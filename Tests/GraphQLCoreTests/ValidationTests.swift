import Foundation
import Testing

@testable import GraphQLCore

/// The graphql-js validation harness schema, shared by the rule tests.
let harnessSchema: Result<GraphQLSchema, any Error> = Result {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus/validation/harness/schema.graphql")
    return try buildSchema(String(contentsOf: url, encoding: .utf8))
}

/// Errors as `message @ line:column,...` lines, like the differential reference script prints.
func describeErrors(_ errors: [GraphQLError]) -> [String] {
    errors.map { $0.message + " @ " + $0.locations.map(\.description).joined(separator: ",") }
}

/// Validates `document` against the harness schema with one named rule (or all rules).
func harnessErrors(_ document: String, rule: String? = nil, maxErrors: Int = 100) throws -> [String] {
    let schema = try harnessSchema.get()
    let source = Source(document)
    let rules = rule.map { name in specifiedRules.filter { $0.name == name } } ?? specifiedRules
    if let rule { #expect(rules.count == 1, "no rule named \(rule)") }
    let document = try parse(source)
    return describeErrors(validate(schema: schema, document: document, source: source, rules: rules, maxErrors: maxErrors))
}

@Suite struct ValidationTests {
    @Test func specifiedRulesFollowGraphQLJSOrder() {
        #expect(specifiedRules.map(\.name) == [
            "ExecutableDefinitionsRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule",
            "SingleFieldSubscriptionsRule", "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule",
            "VariablesAreInputTypesRule", "ScalarLeafsRule", "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule",
            "KnownFragmentNamesRule", "NoUnusedFragmentsRule", "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule",
            "UniqueVariableNamesRule", "NoUndefinedVariablesRule", "NoUnusedVariablesRule", "KnownDirectivesRule",
            "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule", "UniqueArgumentNamesRule",
            "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule", "VariablesInAllowedPositionRule",
            "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule",
        ])
    }

    @Test func validDocumentHasNoErrors() throws {
        #expect(try harnessErrors("query Q($id: ID) { human(id: $id) { name pets { name ... on Dog { barks } } } }").isEmpty)
    }

    @Test func stopsAtTheErrorLimit() throws {
        let fields = (0..<150).map { "unknown\($0)" }.joined(separator: " ")
        let errors = try harnessErrors("{ dog { \(fields) } }")
        #expect(errors.count == 101)
        #expect(errors.last == "Too many validation errors, error limit reached. Validation aborted. @ ")
        let limited = try harnessErrors("{ dog { \(fields) } }", maxErrors: 3)
        #expect(limited.count == 4)
        #expect(limited.first == #"Cannot query field "unknown0" on type "Dog". @ 1:9"#)
    }

    @Test func largeFragmentGraphsFinish() throws {
        // 100 fragments, each spreading the next two: naive pairwise comparison is exponential.
        func document(conflicting: Bool) -> String {
            var text = "{ dog { ...F0 } }\n"
            for index in 0..<100 {
                let field = conflicting && index % 2 == 1 ? "x: barks" : "x: name"
                let spreads = [index + 1, index + 2].filter { $0 < 100 }.map { "...F\($0)" }.joined(separator: " ")
                text += "fragment F\(index) on Dog { \(field) mother { name } \(spreads) }\n"
            }
            return text
        }
        #expect(try harnessErrors(document(conflicting: false)).isEmpty)
        let errors = try harnessErrors(document(conflicting: true), rule: "OverlappingFieldsCanBeMergedRule")
        #expect(!errors.isEmpty)
        let reasons = [#""name" and "barks" are different fields"#, #""barks" and "name" are different fields"#]
        #expect(errors.allSatisfy { error in reasons.contains { error.hasPrefix(#"Fields "x" conflict because "# + $0) } })
    }

    @Test func errorsWithoutSourceHaveNoLocations() throws {
        let schema = try harnessSchema.get()
        let errors = validate(schema: schema, document: try parse("{ dog { nme } }"))
        #expect(errors == [GraphQLError(message: #"Cannot query field "nme" on type "Dog". Did you mean "name"?"#)])
    }

    @Test func typeInfoTracksTypesDuringTheWalk() throws {
        struct Recorder: ASTVisitor {
            var typeInfo: TypeInfo
            var seen: [String] = []
            mutating func enter(_ node: FieldNode) -> VisitAction {
                _ = typeInfo.enter(node)
                seen.append("\(node.name.value): \(typeInfo.parentType?.name ?? "-") -> \(typeInfo.type?.description ?? "-")")
                return .continue
            }
            mutating func leave(_ node: FieldNode) { typeInfo.leave(node) }
            mutating func enter(_ node: SelectionSetNode) -> VisitAction { typeInfo.enter(node) }
            mutating func leave(_ node: SelectionSetNode) { typeInfo.leave(node) }
            mutating func enter(_ node: OperationDefinitionNode) -> VisitAction { typeInfo.enter(node) }
            mutating func leave(_ node: OperationDefinitionNode) { typeInfo.leave(node) }
            mutating func enter(_ node: InlineFragmentNode) -> VisitAction { typeInfo.enter(node) }
            mutating func leave(_ node: InlineFragmentNode) { typeInfo.leave(node) }
        }
        let schema = try harnessSchema.get()
        var recorder = Recorder(typeInfo: TypeInfo(schema: schema))
        visit(try parse("{ human { relatives { name } pets { ... on Dog { barks } } } nope }"), with: &recorder)
        #expect(recorder.seen == [
            "human: QueryRoot -> Human", "relatives: Human -> [Human]!", "name: Human -> String", "pets: Human -> [Pet]",
            "barks: Dog -> Boolean", "nope: QueryRoot -> -",
        ])
    }

    @Test func graphqlReturnsValidationErrorsWithoutData() async throws {
        let schema = try harnessSchema.get()
        let result = await graphql(schema: schema, request: "{ dog { nme } }", rootValue: .value(["dog": ["name": "Rex"]]))
        #expect(result.jsonString == #"{"errors":[{"message":"Cannot query field \"nme\" on type \"Dog\". Did you mean \"name\"?","locations":[{"line":1,"column":9}]}]}"#)
        let syntax = await graphql(schema: schema, request: "{ dog { ", rootValue: .value([:]))
        #expect(syntax.jsonString == #"{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":9}]}]}"#)
    }

    @Test func jsonRootEntryPointValidatesUnlessSkipped() async throws {
        let schema = try harnessSchema.get()
        let source = Source("{ dog { name nme } }")
        let document = try parse(source)
        let root: GraphQLValue = ["dog": ["name": "Rex"]]
        let checked = await executeWithJSONRoot(schema: schema, document: document, source: source, rootJSON: root)
        #expect(checked.jsonString == #"{"errors":[{"message":"Cannot query field \"nme\" on type \"Dog\". Did you mean \"name\"?","locations":[{"line":1,"column":14}]}]}"#)
        let trusted = await executeWithJSONRoot(
            schema: schema, document: document, source: source, rootJSON: root, validationRules: [])
        #expect(trusted.jsonString == #"{"data":{"dog":{"name":"Rex"}}}"#)
    }
}
