// Changes to the fields of object, interface and input object types.

extension SchemaChangeWalker {
    /// graphql-js `findFieldChanges` (objects and interfaces), plus added fields.
    func fieldChanges(_ oldType: GraphQLNamedType, _ newType: GraphQLNamedType) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let fields = NamedDiff(oldType.fields, newType.fields, name: \.name)
        for field in fields.removed {
            changes.append(SchemaChange(.breaking(.fieldRemoved), "\(oldType.name).\(field.name) was removed."))
        }
        for (oldField, newField) in fields.persisted {
            let coordinate = "\(oldType.name).\(oldField.name)"
            changes += argumentChanges(oldType, oldField, newField)
            let changedType = "\(coordinate) changed type from \(oldField.type) to \(newField.type)."
            if !isSafeOutputTypeChange(from: oldField.type, to: newField.type) {
                changes.append(SchemaChange(.breaking(.fieldChangedKind), changedType))
            } else if oldField.type != newField.type {
                changes.append(SchemaChange(.safe(.fieldChangedKindSafely), changedType))
            }
            changes += annotationChanges(
                of: coordinate, old: (oldField.description, oldField.deprecationReason),
                new: (newField.description, newField.deprecationReason))
        }
        for field in fields.added {
            changes.append(SchemaChange(.safe(.fieldAdded), "\(oldType.name).\(field.name) was added."))
        }
        return changes
    }

    /// graphql-js `findInputObjectTypeChanges`.
    func inputFieldChanges(_ oldType: GraphQLNamedType, _ newType: GraphQLNamedType) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let fields = NamedDiff(oldType.inputFields, newType.inputFields, name: \.name)
        for field in fields.added {
            if field.isRequired {
                changes.append(
                    SchemaChange(
                        .breaking(.requiredInputFieldAdded),
                        "A required field \(field.name) on input type \(oldType.name) was added."))
            } else {
                changes.append(
                    SchemaChange(
                        .dangerous(.optionalInputFieldAdded),
                        "An optional field \(field.name) on input type \(oldType.name) was added."))
            }
        }
        for field in fields.removed {
            changes.append(SchemaChange(.breaking(.fieldRemoved), "\(oldType.name).\(field.name) was removed."))
        }
        for (oldField, newField) in fields.persisted {
            let coordinate = "\(oldType.name).\(oldField.name)"
            let changedType = "\(coordinate) changed type from \(oldField.type) to \(newField.type)."
            if !isSafeInputTypeChange(from: oldField.type, to: newField.type) {
                changes.append(SchemaChange(.breaking(.fieldChangedKind), changedType))
            } else if oldField.type != newField.type {
                changes.append(SchemaChange(.safe(.fieldChangedKindSafely), changedType))
            }
            changes += annotationChanges(
                of: coordinate, old: (oldField.description, oldField.deprecationReason),
                new: (newField.description, newField.deprecationReason))
        }
        return changes
    }
}

extension GraphQLInputValue {
    /// graphql-js `isRequiredArgument` / `isRequiredInputField`: non-null without a default.
    var isRequired: Bool { type.isNonNull && defaultValue == nil }
}

/// graphql-js `isChangeSafeForObjectOrInterfaceField`: output types may only get stricter.
func isSafeOutputTypeChange(from oldType: GraphQLTypeReference, to newType: GraphQLTypeReference) -> Bool {
    switch (oldType, newType) {
    case (.list(let oldItem), .list(let newItem)):
        return isSafeOutputTypeChange(from: oldItem, to: newItem)
    case (.list, .nonNull(let newInner)):
        return isSafeOutputTypeChange(from: oldType, to: newInner)
    case (.list, _):
        return false
    case (.nonNull(let oldInner), .nonNull(let newInner)):
        return isSafeOutputTypeChange(from: oldInner, to: newInner)
    case (.nonNull, _):
        return false
    case (.named(let oldName), .named(let newName)):
        return oldName == newName
    case (.named, .nonNull(let newInner)):
        return isSafeOutputTypeChange(from: oldType, to: newInner)
    case (.named, .list):
        return false
    }
}

/// graphql-js `isChangeSafeForInputObjectFieldOrFieldArg`: input types may only get looser.
func isSafeInputTypeChange(from oldType: GraphQLTypeReference, to newType: GraphQLTypeReference) -> Bool {
    switch (oldType, newType) {
    case (.list(let oldItem), .list(let newItem)):
        return isSafeInputTypeChange(from: oldItem, to: newItem)
    case (.list, _):
        return false
    case (.nonNull(let oldInner), .nonNull(let newInner)):
        return isSafeInputTypeChange(from: oldInner, to: newInner)
    case (.nonNull(let oldInner), _):
        return isSafeInputTypeChange(from: oldInner, to: newType)
    case (.named(let oldName), .named(let newName)):
        return oldName == newName
    case (.named, _):
        return false
    }
}
