// Changes to directive definitions.

extension SchemaChangeWalker {
    /// graphql-js `findDirectiveChanges`, plus added directives, arguments, locations and `repeatable`.
    func directiveChanges() -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let directives = NamedDiff(old.directives, new.directives, name: \.name)
        for directive in directives.removed {
            changes.append(SchemaChange(.breaking(.directiveRemoved), "\(directive.name) was removed."))
        }
        for (oldDirective, newDirective) in directives.persisted {
            let name = oldDirective.name
            let arguments = NamedDiff(oldDirective.arguments, newDirective.arguments, name: \.name)
            for argument in arguments.added {
                if argument.isRequired {
                    changes.append(
                        SchemaChange(
                            .breaking(.requiredDirectiveArgAdded),
                            "A required arg \(argument.name) on directive \(name) was added."))
                } else {
                    changes.append(
                        SchemaChange(
                            .safe(.optionalDirectiveArgAdded), "An optional arg \(argument.name) on directive \(name) was added."))
                }
            }
            for argument in arguments.removed {
                changes.append(SchemaChange(.breaking(.directiveArgRemoved), "\(argument.name) was removed from \(name)."))
            }
            if oldDirective.isRepeatable && !newDirective.isRepeatable {
                changes.append(SchemaChange(.breaking(.directiveRepeatableRemoved), "Repeatable flag was removed from \(name)."))
            } else if !oldDirective.isRepeatable && newDirective.isRepeatable {
                changes.append(SchemaChange(.safe(.directiveRepeatableAdded), "Repeatable flag was added to \(name)."))
            }
            for location in oldDirective.locations where !newDirective.locations.contains(location) {
                changes.append(
                    SchemaChange(.breaking(.directiveLocationRemoved), "\(location.rawValue) was removed from \(name)."))
            }
            for location in newDirective.locations where !oldDirective.locations.contains(location) {
                changes.append(SchemaChange(.safe(.directiveLocationAdded), "\(location.rawValue) was added to \(name)."))
            }
            changes += annotationChanges(
                of: "@\(name)", old: (oldDirective.description, nil), new: (newDirective.description, nil))
        }
        for directive in directives.added {
            changes.append(SchemaChange(.safe(.directiveAdded), "\(directive.name) was added."))
        }
        return changes
    }
}
