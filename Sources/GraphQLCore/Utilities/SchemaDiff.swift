// The classified difference between two schemas, as `mc schema diff OLD NEW` reports it.

/// Every change from an old schema to a new one, each classified as breaking, dangerous or safe.
///
/// The breaking and dangerous changes are exactly graphql-js 16's `findBreakingChanges` and
/// `findDangerousChanges` (types, wording, order); the safe changes (types, fields, directives,
/// locations added; descriptions and deprecations changed; types made stricter on output or
/// looser on input) are ours.
public struct SchemaDiff: Sendable, Hashable {
    /// All changes in walk order (types, then directives).
    public var changes: [SchemaChange]

    /// Compares two schemas.
    public init(old: GraphQLSchema, new: GraphQLSchema) {
        changes = findSchemaChanges(old, new)
    }

    /// Wraps changes found elsewhere.
    public init(changes: [SchemaChange]) {
        self.changes = changes
    }

    /// The changes that break existing clients.
    public var breaking: [SchemaChange] { changes.filter { $0.kind.category == .breaking } }
    /// The changes that may alter what existing clients see.
    public var dangerous: [SchemaChange] { changes.filter { $0.kind.category == .dangerous } }
    /// The changes existing clients cannot observe as failures.
    public var safe: [SchemaChange] { changes.filter { $0.kind.category == .safe } }
    /// Whether any change is breaking (`mc schema diff` then exits non-zero).
    public var hasBreakingChanges: Bool { changes.contains { $0.kind.category == .breaking } }

    /// A JSON array, one object per change, breaking first, then dangerous, then safe:
    /// `[{"kind":"breaking","type":"FIELD_REMOVED","description":"Query.a was removed."}]`.
    public var jsonReport: String {
        let lines = ordered.map { change -> String in
            let object: GraphQLValue = [
                "kind": .string(change.kind.category.rawValue),
                "type": .string(change.kind.name),
                "description": .string(change.description),
            ]
            return "  " + object.jsonString
        }
        return lines.isEmpty ? "[]\n" : "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    /// A human-readable report grouped by kind, e.g.
    /// ```
    /// Breaking changes (1):
    ///   FIELD_REMOVED  Query.a was removed.
    /// ```
    /// and `No changes.` when the schemas are equivalent.
    public var textReport: String {
        guard !changes.isEmpty else { return "No changes.\n" }
        var sections: [String] = []
        for (category, title) in [
            (SchemaChange.Category.breaking, "Breaking changes"), (.dangerous, "Dangerous changes"), (.safe, "Safe changes"),
        ] {
            let group = changes.filter { $0.kind.category == category }
            guard !group.isEmpty else { continue }
            let width = group.map(\.kind.name.count).max() ?? 0
            let lines = group.map { change in
                let name = change.kind.name
                return "  " + name + String(repeating: " ", count: width - name.count) + "  " + change.description
            }
            sections.append("\(title) (\(group.count)):\n" + lines.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    private var ordered: [SchemaChange] { breaking + dangerous + safe }
}
