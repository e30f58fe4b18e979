// The conflict search behind OverlappingFieldsCanBeMergedRule (graphql-js 16
// `findConflictsWithinSelectionSet` and friends; the letters refer to its algorithm notes).

/// Finds field conflicts, caching collected fields per selection set and memoising compared
/// fragment pairs so that large fragment graphs are compared in polynomial time.
final class OverlapFinder {
    let context: ValidationContext
    private var comparedFragmentPairs = FragmentPairSet()
    private var cache: [Location: FieldsAndFragmentNames] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    func cached(_ key: Location) -> FieldsAndFragmentNames? { cache[key] }

    func store(_ fields: FieldsAndFragmentNames) {
        if fields.key != .synthetic { cache[fields.key] = fields }
    }

    /// (A) conflicts within the fields of a selection set, (B) between its fields and each
    /// spread fragment, (C) between each pair of spread fragments.
    func findConflictsWithinSelectionSet(
        _ parentType: GraphQLNamedType?, _ selectionSet: SelectionSetNode
    ) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let fieldMap = fieldsAndFragmentNames(parentType, selectionSet)
        collectConflictsWithin(&conflicts, fieldMap)
        let names = fieldMap.fragmentNames
        for (i, name) in names.enumerated() {
            collectConflictsBetweenFieldsAndFragment(&conflicts, false, fieldMap, name)
            for other in names[(i + 1)...] {
                collectConflictsBetweenFragments(&conflicts, false, name, other)
            }
        }
        return conflicts
    }

    /// (D) between fields and a fragment's fields, (E) and the fragments it spreads.
    private func collectConflictsBetweenFieldsAndFragment(
        _ conflicts: inout [FieldConflict], _ exclusive: Bool, _ fieldMap: FieldsAndFragmentNames,
        _ fragmentName: String
    ) {
        guard let fragment = context.fragment(named: fragmentName) else { return }
        let fieldMap2 = referencedFieldsAndFragmentNames(fragment)
        if fieldMap.key == fieldMap2.key && fieldMap.key != .synthetic { return }
        collectConflictsBetween(&conflicts, exclusive, fieldMap, fieldMap2)
        for referenced in fieldMap2.fragmentNames {
            if comparedFragmentPairs.contains(referenced, fragmentName, mutuallyExclusive: exclusive) { continue }
            comparedFragmentPairs.insert(referenced, fragmentName, mutuallyExclusive: exclusive)
            collectConflictsBetweenFieldsAndFragment(&conflicts, exclusive, fieldMap, referenced)
        }
    }

    /// (F) between two fragments' fields, (G) and each with the fragments the other spreads.
    private func collectConflictsBetweenFragments(
        _ conflicts: inout [FieldConflict], _ exclusive: Bool, _ name1: String, _ name2: String
    ) {
        if name1 == name2 { return }
        if comparedFragmentPairs.contains(name1, name2, mutuallyExclusive: exclusive) { return }
        comparedFragmentPairs.insert(name1, name2, mutuallyExclusive: exclusive)
        guard let fragment1 = context.fragment(named: name1), let fragment2 = context.fragment(named: name2) else {
            return
        }
        let fieldMap1 = referencedFieldsAndFragmentNames(fragment1)
        let fieldMap2 = referencedFieldsAndFragmentNames(fragment2)
        collectConflictsBetween(&conflicts, exclusive, fieldMap1, fieldMap2)
        for referenced2 in fieldMap2.fragmentNames {
            collectConflictsBetweenFragments(&conflicts, exclusive, name1, referenced2)
        }
        for referenced1 in fieldMap1.fragmentNames {
            collectConflictsBetweenFragments(&conflicts, exclusive, referenced1, name2)
        }
    }

    /// (H) between two sub-selection sets, (I) each with the other's fragments, (J) fragment pairs.
    private func findConflictsBetweenSubSelectionSets(
        _ exclusive: Bool, _ parentType1: GraphQLNamedType?, _ selectionSet1: SelectionSetNode,
        _ parentType2: GraphQLNamedType?, _ selectionSet2: SelectionSetNode
    ) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let fieldMap1 = fieldsAndFragmentNames(parentType1, selectionSet1)
        let fieldMap2 = fieldsAndFragmentNames(parentType2, selectionSet2)
        collectConflictsBetween(&conflicts, exclusive, fieldMap1, fieldMap2)
        for name2 in fieldMap2.fragmentNames {
            collectConflictsBetweenFieldsAndFragment(&conflicts, exclusive, fieldMap1, name2)
        }
        for name1 in fieldMap1.fragmentNames {
            collectConflictsBetweenFieldsAndFragment(&conflicts, exclusive, fieldMap2, name1)
        }
        for name1 in fieldMap1.fragmentNames {
            for name2 in fieldMap2.fragmentNames {
                collectConflictsBetweenFragments(&conflicts, exclusive, name1, name2)
            }
        }
        return conflicts
    }

    private func collectConflictsWithin(_ conflicts: inout [FieldConflict], _ fieldMap: FieldsAndFragmentNames) {
        for responseName in fieldMap.responseNames {
            guard let fields = fieldMap.fields[responseName], fields.count > 1 else { continue }
            for i in fields.indices {
                for j in (i + 1)..<fields.count {
                    if let conflict = findConflict(false, responseName, fields[i], fields[j]) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    private func collectConflictsBetween(
        _ conflicts: inout [FieldConflict], _ exclusive: Bool,
        _ fieldMap1: FieldsAndFragmentNames, _ fieldMap2: FieldsAndFragmentNames
    ) {
        for responseName in fieldMap1.responseNames {
            guard let fields1 = fieldMap1.fields[responseName], let fields2 = fieldMap2.fields[responseName] else {
                continue
            }
            for field1 in fields1 {
                for field2 in fields2 {
                    if let conflict = findConflict(exclusive, responseName, field1, field2) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// Whether two same-named fields conflict, directly or through their subfields.
    private func findConflict(
        _ parentsExclusive: Bool, _ responseName: String, _ field1: FieldAndDefinition, _ field2: FieldAndDefinition
    ) -> FieldConflict? {
        let node1 = field1.node, node2 = field2.node
        let exclusive = parentsExclusive
            || (field1.parentType?.name != field2.parentType?.name && field1.parentType?.kind == .object
                && field2.parentType?.kind == .object)
        if !exclusive {
            if node1.name.value != node2.name.value {
                let reason = "\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields"
                return conflict(responseName, reason, node1, node2)
            }
            if stringifyArguments(node1) != stringifyArguments(node2) {
                return conflict(responseName, "they have differing arguments", node1, node2)
            }
        }
        let type1 = field1.definition?.type, type2 = field2.definition?.type
        if let type1, let type2, doTypesConflict(type1, type2) {
            return conflict(responseName, "they return conflicting types \"\(type1)\" and \"\(type2)\"", node1, node2)
        }
        guard let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet else { return nil }
        let subConflicts = findConflictsBetweenSubSelectionSets(
            exclusive, type1.flatMap { context.schema.type(named: $0.namedType) }, selectionSet1,
            type2.flatMap { context.schema.type(named: $0.namedType) }, selectionSet2)
        guard !subConflicts.isEmpty else { return nil }
        return FieldConflict(
            reason: ConflictReason(responseName: responseName, message: .subfields(subConflicts.map(\.reason))),
            fields1: [node1] + subConflicts.flatMap(\.fields1), fields2: [node2] + subConflicts.flatMap(\.fields2))
    }

    private func conflict(
        _ responseName: String, _ text: String, _ node1: FieldNode, _ node2: FieldNode
    ) -> FieldConflict {
        let reason = ConflictReason(responseName: responseName, message: .text(text))
        return FieldConflict(reason: reason, fields1: [node1], fields2: [node2])
    }
}
