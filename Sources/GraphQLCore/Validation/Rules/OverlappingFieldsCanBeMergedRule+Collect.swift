// Field collection and comparison helpers for OverlapFinder.

extension OverlapFinder {
    /// The fields and spread fragment names of a selection set, collected once per selection set.
    func fieldsAndFragmentNames(
        _ parentType: GraphQLNamedType?, _ selectionSet: SelectionSetNode
    ) -> FieldsAndFragmentNames {
        if selectionSet.loc != .synthetic, let cached = cached(selectionSet.loc) { return cached }
        var result = FieldsAndFragmentNames(key: selectionSet.loc)
        var seenFragments: Set<String> = []
        collect(parentType, selectionSet, &result, &seenFragments)
        store(result)
        return result
    }

    /// A fragment's fields, collected against its type condition.
    func referencedFieldsAndFragmentNames(_ fragment: FragmentDefinitionNode) -> FieldsAndFragmentNames {
        let selectionSet = fragment.selectionSet
        if selectionSet.loc != .synthetic, let cached = cached(selectionSet.loc) { return cached }
        return fieldsAndFragmentNames(context.schema.type(named: fragment.typeCondition.name.value), selectionSet)
    }

    private func collect(
        _ parentType: GraphQLNamedType?, _ selectionSet: SelectionSetNode,
        _ result: inout FieldsAndFragmentNames, _ seenFragments: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                let definition = parentType.flatMap {
                    $0.kind == .object || $0.kind == .interface ? $0.field(named: field.name.value) : nil
                }
                let responseName = field.alias?.value ?? field.name.value
                result.append(
                    responseName, FieldAndDefinition(parentType: parentType, node: field, definition: definition))
            case .fragmentSpread(let spread):
                if seenFragments.insert(spread.name.value).inserted { result.fragmentNames.append(spread.name.value) }
            case .inlineFragment(let inline):
                let type = inline.typeCondition.map { context.schema.type(named: $0.name.value) } ?? parentType
                collect(type, inline.selectionSet, &result, &seenFragments)
            }
        }
    }

    /// Whether two field types conflict: different list/non-null shapes or different leaf types.
    func doTypesConflict(_ type1: GraphQLTypeReference, _ type2: GraphQLTypeReference) -> Bool {
        switch (type1, type2) {
        case (.list(let item1), .list(let item2)): return doTypesConflict(item1, item2)
        case (.list, _), (_, .list): return true
        case (.nonNull(let inner1), .nonNull(let inner2)): return doTypesConflict(inner1, inner2)
        case (.nonNull, _), (_, .nonNull): return true
        case (.named(let name1), .named(let name2)):
            let leaf1 = context.schema.type(named: name1)?.kind.isLeaf ?? false
            let leaf2 = context.schema.type(named: name2)?.kind.isLeaf ?? false
            return (leaf1 || leaf2) && name1 != name2
        }
    }

    /// The arguments as one input object literal with fields sorted by name, printed.
    func stringifyArguments(_ field: FieldNode) -> String {
        let fields = field.arguments.map { ObjectFieldNode(name: $0.name, value: $0.value) }
        return print(Self.sorted(.object(ObjectValueNode(fields: fields))))
    }

    private static func sorted(_ value: ValueNode) -> ValueNode {
        switch value {
        case .object(let object):
            let fields = object.fields.enumerated().sorted { lhs, rhs in
                let order = naturalCompare(lhs.element.name.value, rhs.element.name.value)
                return order != 0 ? order < 0 : lhs.offset < rhs.offset
            }.map { ObjectFieldNode(name: $0.element.name, value: sorted($0.element.value)) }
            return .object(ObjectValueNode(fields: fields))
        case .list(let list):
            return .list(ListValueNode(values: list.values.map(sorted)))
        default:
            return value
        }
    }
}
