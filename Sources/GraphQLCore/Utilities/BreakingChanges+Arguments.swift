// Changes to the arguments of fields, and how default values are compared.

extension SchemaChangeWalker {
    /// graphql-js `findArgChanges`.
    func argumentChanges(_ oldType: GraphQLNamedType, _ oldField: GraphQLField, _ newField: GraphQLField) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let field = "\(oldType.name).\(oldField.name)"
        let arguments = NamedDiff(oldField.arguments, newField.arguments, name: \.name)
        for argument in arguments.removed {
            changes.append(SchemaChange(.breaking(.argRemoved), "\(field) arg \(argument.name) was removed."))
        }
        for (oldArgument, newArgument) in arguments.persisted {
            let prefix = "\(field) arg \(oldArgument.name)"
            let changedType = "\(prefix) has changed type from \(oldArgument.type) to \(newArgument.type)."
            if !isSafeInputTypeChange(from: oldArgument.type, to: newArgument.type) {
                changes.append(SchemaChange(.breaking(.argChangedKind), changedType))
            } else {
                if oldArgument.type != newArgument.type {
                    changes.append(SchemaChange(.safe(.argChangedKindSafely), changedType))
                }
                changes += defaultValueChanges(prefix, oldArgument, newArgument)
            }
            changes += annotationChanges(
                of: "\(field)(\(oldArgument.name):)", old: (oldArgument.description, oldArgument.deprecationReason),
                new: (newArgument.description, newArgument.deprecationReason))
        }
        for argument in arguments.added {
            if argument.isRequired {
                changes.append(
                    SchemaChange(.breaking(.requiredArgAdded), "A required arg \(argument.name) on \(field) was added."))
            } else {
                changes.append(
                    SchemaChange(.dangerous(.optionalArgAdded), "An optional arg \(argument.name) on \(field) was added."))
            }
        }
        return changes
    }

    private func defaultValueChanges(
        _ prefix: String, _ oldArgument: GraphQLInputValue, _ newArgument: GraphQLInputValue
    ) -> [SchemaChange] {
        guard let oldDefault = oldArgument.defaultValue else {
            guard newArgument.defaultValue != nil else { return [] }
            return [SchemaChange(.safe(.argDefaultValueAdded), "\(prefix) defaultValue was added.")]
        }
        guard let newDefault = newArgument.defaultValue else {
            return [SchemaChange(.dangerous(.argDefaultValueChange), "\(prefix) defaultValue was removed.")]
        }
        // Compared as introspection shows them: written back as literals, object fields sorted.
        let oldText = stringifyValue(oldDefault, type: oldArgument.type, types: old.types)
        let newText = stringifyValue(newDefault, type: newArgument.type, types: new.types)
        guard oldText != newText else { return [] }
        return [
            SchemaChange(
                .dangerous(.argDefaultValueChange), "\(prefix) has changed defaultValue from \(oldText) to \(newText).")
        ]
    }
}

/// graphql-js `stringifyValue`: `print(sortValueNode(astFromValue(value, type)))`.
func stringifyValue(_ value: GraphQLValue, type: GraphQLTypeReference, types: [String: GraphQLNamedType]) -> String {
    guard let literal = astFromValue(value, type: type, types: types) else { return "" }
    return print(sortValueNode(literal))
}

/// graphql-js `sortValueNode`: object fields in natural order of their names, at every depth.
func sortValueNode(_ node: ValueNode) -> ValueNode {
    switch node {
    case .object(let object):
        let fields = object.fields
            .map { ObjectFieldNode(name: $0.name, value: sortValueNode($0.value)) }
            .enumerated()
            .sorted { lhs, rhs in
                let order = naturalCompare(lhs.element.name.value, rhs.element.name.value)
                return order != 0 ? order < 0 : lhs.offset < rhs.offset
            }
            .map(\.element)
        return .object(ObjectValueNode(fields: fields))
    case .list(let list):
        return .list(ListValueNode(values: list.values.map(sortValueNode)))
    default:
        return node
    }
}
