// Spec §6.3.2 CollectFields: the fields a selection set selects on an object type, grouped by
// response key in first-seen order, honouring @skip/@include and fragment type conditions.

/// The fields selected under one response key.
struct CollectedField: Sendable {
    let responseKey: String
    var nodes: [FieldNode]
    /// The field's definition on the object type the fields were collected for; `nil` for
    /// unknown fields, which execution skips.
    var entry: FieldEntry?
}

/// The grouped fields of a selection set; keys keep first-seen order.
struct GroupedFields: Sendable {
    var fields: [CollectedField] = []
    private var index: [String: Int] = [:]

    mutating func add(_ key: String, _ node: FieldNode) {
        if let position = index[key] {
            fields[position].nodes.append(node)
        } else {
            index[key] = fields.count
            fields.append(CollectedField(responseKey: key, nodes: [node]))
        }
    }
}

extension ExecutionContext {
    /// `CollectFields(objectType, selectionSet, variableValues, visitedFragments)`.
    func collectFields(objectType: String, selectionSet: SelectionSetNode) -> GroupedFields {
        var grouped = GroupedFields()
        var visitedFragments: Set<String> = []
        collectFields(objectType: objectType, selectionSet: selectionSet, into: &grouped, visited: &visitedFragments)
        linkDefinitions(&grouped, objectType: objectType)
        return grouped
    }

    /// Looks up each collected field's definition once, so every object completed with these
    /// fields skips the lookup.
    private func linkDefinitions(_ grouped: inout GroupedFields, objectType: String) {
        guard let typeEntry = plan.types[objectType] else { return }
        for index in grouped.fields.indices {
            let name = grouped.fields[index].nodes[0].name.value
            grouped.fields[index].entry = fieldEntry(typeEntry, name: name)
        }
    }

    /// The field definition, including `__typename` everywhere and `__schema`/`__type` on the query root.
    private func fieldEntry(_ parentType: TypeEntry, name: String) -> FieldEntry? {
        if let entry = parentType.fields[name] { return entry }
        switch name {
        case "__typename": return .typename
        case "__schema" where parentType.type.name == schema.queryType: return .schema
        case "__type" where parentType.type.name == schema.queryType: return .type
        default: return nil
        }
    }

    /// The merged sub-selections of a field's nodes on the field's runtime object type.
    func collectSubfields(objectType: String, fieldNodes: [FieldNode]) -> GroupedFields {
        var grouped = GroupedFields()
        var visitedFragments: Set<String> = []
        for node in fieldNodes {
            guard let selectionSet = node.selectionSet else { continue }
            collectFields(objectType: objectType, selectionSet: selectionSet, into: &grouped, visited: &visitedFragments)
        }
        linkDefinitions(&grouped, objectType: objectType)
        return grouped
    }

    private func collectFields(
        objectType: String, selectionSet: SelectionSetNode, into grouped: inout GroupedFields,
        visited: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard shouldInclude(field.directives) else { continue }
                grouped.add(field.alias?.value ?? field.name.value, field)
            case .inlineFragment(let fragment):
                guard shouldInclude(fragment.directives),
                    fragment.typeCondition.map({ doesFragmentConditionMatch($0.name.value, objectType) }) ?? true
                else { continue }
                collectFields(objectType: objectType, selectionSet: fragment.selectionSet, into: &grouped, visited: &visited)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), shouldInclude(spread.directives) else { continue }
                visited.insert(name)
                guard let fragment = fragments[name],
                    doesFragmentConditionMatch(fragment.typeCondition.name.value, objectType)
                else { continue }
                collectFields(objectType: objectType, selectionSet: fragment.selectionSet, into: &grouped, visited: &visited)
            }
        }
    }

    /// `@skip(if: true)` excludes, `@include(if: false)` excludes; anything else includes.
    private func shouldInclude(_ directives: [DirectiveNode]) -> Bool {
        if directives.isEmpty { return true }
        if let skip = directives.first(where: { $0.name.value == "skip" }), directiveCondition(skip) == true {
            return false
        }
        if let include = directives.first(where: { $0.name.value == "include" }), directiveCondition(include) == false {
            return false
        }
        return true
    }

    private func directiveCondition(_ directive: DirectiveNode) -> Bool? {
        guard let argument = directive.arguments.first(where: { $0.name.value == "if" }) else { return nil }
        switch argument.value {
        case .boolean(let boolean): return boolean.value
        case .variable(let variable):
            if case .bool(let flag)? = variableValues[variable.name.value] { return flag }
            return nil
        default: return nil
        }
    }

    private func doesFragmentConditionMatch(_ condition: String, _ objectType: String) -> Bool {
        guard let conditionType = schema.type(named: condition) else { return false }
        if condition == objectType { return true }
        return conditionType.kind.isAbstract && schema.isPossibleType(objectType, of: condition)
    }
}
