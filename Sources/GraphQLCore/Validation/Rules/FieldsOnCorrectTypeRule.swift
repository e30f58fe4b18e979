// Spec §5.3.1 "Field Selections": the target field of a field selection must be defined on
// the scoped type of the selection set.

/// Reports fields the parent type does not define, suggesting types or fields that do.
struct FieldsOnCorrectTypeRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: FieldNode) -> VisitAction {
        guard let parentType = context.typeInfo.parentType, context.typeInfo.fieldDef == nil else { return .continue }
        let fieldName = node.name.value
        var suggestion = didYouMean("to use an inline fragment on", suggestedTypeNames(parentType, fieldName))
        if suggestion.isEmpty {
            suggestion = didYouMean(suggestedFieldNames(parentType, fieldName))
        }
        context.report(
            "Cannot query field \"\(fieldName)\" on type \"\(parentType.name)\"." + suggestion, at: [node.loc])
        return .continue
    }

    /// Object types and interfaces of an abstract type that define the field, most used first.
    private func suggestedTypeNames(_ type: GraphQLNamedType, _ fieldName: String) -> [String] {
        guard type.kind.isAbstract else { return [] }
        let schema = context.schema
        var suggested: [GraphQLNamedType] = []
        var usageCount: [String: Int] = [:]
        for possibleName in schema.possibleTypes(of: type.name) {
            guard let possible = schema.type(named: possibleName), possible.field(named: fieldName) != nil else {
                continue
            }
            if !suggested.contains(where: { $0.name == possible.name }) { suggested.append(possible) }
            usageCount[possible.name] = 1
            for interfaceName in possible.interfaces {
                guard let interface = schema.type(named: interfaceName), interface.field(named: fieldName) != nil else {
                    continue
                }
                if !suggested.contains(where: { $0.name == interface.name }) { suggested.append(interface) }
                usageCount[interface.name, default: 0] += 1
            }
        }
        return suggested.sorted { typeA, typeB in
            let difference = (usageCount[typeB.name] ?? 0) - (usageCount[typeA.name] ?? 0)
            if difference != 0 { return difference < 0 }
            if typeA.kind == .interface && schema.isSubType(typeB.name, of: typeA.name) { return true }
            if typeB.kind == .interface && schema.isSubType(typeA.name, of: typeB.name) { return false }
            return naturalCompare(typeA.name, typeB.name) < 0
        }.map(\.name)
    }

    /// Fields of the type spelled like the unknown one.
    private func suggestedFieldNames(_ type: GraphQLNamedType, _ fieldName: String) -> [String] {
        guard type.kind == .object || type.kind == .interface else { return [] }
        return suggestionList(fieldName, options: type.fields.map(\.name))
    }
}
