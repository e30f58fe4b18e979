// Changes to named types: removed, added, changed kind, enum values, union members, interfaces.

extension SchemaChangeWalker {
    /// graphql-js `findTypeChanges`, plus added types and description changes.
    func typeChanges() -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let types = NamedDiff(
            old.typeNames.compactMap { old.types[$0] }, new.typeNames.compactMap { new.types[$0] }, name: \.name)
        for oldType in types.removed {
            let description =
                isSpecifiedScalarType(oldType.name)
                ? "Standard scalar \(oldType.name) was removed because it is not referenced anymore."
                : "\(oldType.name) was removed."
            changes.append(SchemaChange(.breaking(.typeRemoved), description))
        }
        for (oldType, newType) in types.persisted {
            changes += annotationChanges(
                of: oldType.name, old: (oldType.description, nil), new: (newType.description, nil))
            switch (oldType.kind, newType.kind) {
            case (.enum, .enum):
                changes += enumChanges(oldType, newType)
            case (.union, .union):
                changes += unionChanges(oldType, newType)
            case (.inputObject, .inputObject):
                changes += inputFieldChanges(oldType, newType)
            case (.object, .object), (.interface, .interface):
                changes += fieldChanges(oldType, newType)
                changes += implementedInterfaceChanges(oldType, newType)
            case (.scalar, .scalar):
                if oldType.specifiedByURL != newType.specifiedByURL {
                    changes.append(SchemaChange(.safe(.specifiedByURLChanged), "Specified-by URL of \(oldType.name) changed."))
                }
            default:
                changes.append(
                    SchemaChange(
                        .breaking(.typeChangedKind),
                        "\(oldType.name) changed from \(kindName(oldType.kind)) to \(kindName(newType.kind))."))
            }
        }
        for newType in types.added where !isBuiltInType(newType.name) {
            changes.append(SchemaChange(.safe(.typeAdded), "\(newType.name) was added."))
        }
        return changes
    }

    private func enumChanges(_ oldType: GraphQLNamedType, _ newType: GraphQLNamedType) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let values = NamedDiff(oldType.enumValues, newType.enumValues, name: \.name)
        for value in values.added {
            changes.append(SchemaChange(.dangerous(.valueAddedToEnum), "\(value.name) was added to enum type \(oldType.name)."))
        }
        for value in values.removed {
            changes.append(
                SchemaChange(.breaking(.valueRemovedFromEnum), "\(value.name) was removed from enum type \(oldType.name)."))
        }
        for (oldValue, newValue) in values.persisted {
            changes += annotationChanges(
                of: "\(oldType.name).\(oldValue.name)", old: (oldValue.description, oldValue.deprecationReason),
                new: (newValue.description, newValue.deprecationReason))
        }
        return changes
    }

    private func unionChanges(_ oldType: GraphQLNamedType, _ newType: GraphQLNamedType) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let members = NamedDiff(oldType.unionMembers, newType.unionMembers, name: { $0 })
        for member in members.added {
            changes.append(SchemaChange(.dangerous(.typeAddedToUnion), "\(member) was added to union type \(oldType.name)."))
        }
        for member in members.removed {
            changes.append(
                SchemaChange(.breaking(.typeRemovedFromUnion), "\(member) was removed from union type \(oldType.name)."))
        }
        return changes
    }

    private func implementedInterfaceChanges(_ oldType: GraphQLNamedType, _ newType: GraphQLNamedType) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let interfaces = NamedDiff(oldType.interfaces, newType.interfaces, name: { $0 })
        for interface in interfaces.added {
            changes.append(
                SchemaChange(
                    .dangerous(.implementedInterfaceAdded), "\(interface) added to interfaces implemented by \(oldType.name)."))
        }
        for interface in interfaces.removed {
            changes.append(
                SchemaChange(
                    .breaking(.implementedInterfaceRemoved), "\(oldType.name) no longer implements interface \(interface)."))
        }
        return changes
    }

    /// Safe changes to a description or deprecation of the definition at `coordinate`.
    func annotationChanges(
        of coordinate: String, old: (description: String?, deprecation: String?),
        new: (description: String?, deprecation: String?)
    ) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        if old.description != new.description {
            changes.append(SchemaChange(.safe(.descriptionChanged), "Description of \(coordinate) changed."))
        }
        switch (old.deprecation, new.deprecation) {
        case (nil, .some):
            changes.append(SchemaChange(.safe(.deprecationAdded), "\(coordinate) was deprecated."))
        case (.some, nil):
            changes.append(SchemaChange(.safe(.deprecationRemoved), "\(coordinate) is no longer deprecated."))
        case (.some(let before), .some(let after)) where before != after:
            changes.append(SchemaChange(.safe(.deprecationReasonChanged), "Deprecation reason of \(coordinate) changed."))
        default:
            break
        }
        return changes
    }
}

/// graphql-js `typeKindName`.
private func kindName(_ kind: GraphQLTypeKind) -> String {
    switch kind {
    case .scalar: "a Scalar type"
    case .object: "an Object type"
    case .interface: "an Interface type"
    case .union: "a Union type"
    case .enum: "an Enum type"
    case .inputObject: "an Input type"
    }
}
