// The executor's lookup caches: per schema (types and fields as classes) and per execution
// (collected sub-selections).

import Synchronization

/// The schema's types in classes, for the executor's hot path: looking up a type or field
/// then costs one retain instead of copying a struct with a dozen references. Built once per
/// schema value (on first execution) and dropped whenever the schema is changed.
final class ExecutionPlan: Sendable {
    let types: [String: TypeEntry]

    init(schema: GraphQLSchema) {
        var types: [String: TypeEntry] = [:]
        for (name, type) in schema.types { types[name] = TypeEntry(type) }
        // Second pass, before the plan is shared: link each field to its named type.
        for entry in types.values {
            for field in entry.fields.values { field.namedType = types[field.type.namedType] }
        }
        self.types = types
    }

    /// The named type of a field: linked for schema fields, looked up for the meta-fields.
    func namedType(of entry: FieldEntry) -> TypeEntry? {
        entry.namedType ?? types[entry.type.namedType]
    }
}

/// One named type with its fields by name.
final class TypeEntry: Sendable {
    let type: GraphQLNamedType
    let name: String
    let fields: [String: FieldEntry]

    init(_ type: GraphQLNamedType) {
        self.type = type
        self.name = type.name
        var fields: [String: FieldEntry] = [:]
        for field in type.fields where fields[field.name] == nil { fields[field.name] = FieldEntry(field) }
        self.fields = fields
    }
}

/// One field definition.
final class FieldEntry: Sendable {
    let field: GraphQLField
    // The parts the executor reads for every field, stored apart so that reading them does
    // not copy the whole `GraphQLField`.
    let name: String
    let type: GraphQLTypeReference
    let arguments: [GraphQLInputValue]
    let resolve: FieldResolver?
    /// The field's named type. Written only while `ExecutionPlan.init` links entries, before any
    /// other thread can see them, and unowned because the plan owns every entry.
    nonisolated(unsafe) unowned(unsafe) var namedType: TypeEntry?

    init(_ field: GraphQLField) {
        self.field = field
        self.name = field.name
        self.type = field.type
        self.arguments = field.arguments
        self.resolve = field.resolve
    }

    static let typename = FieldEntry(IntrospectionResolvers.typenameField)
    static let schema = FieldEntry(IntrospectionResolvers.schemaField)
    static let type = FieldEntry(IntrospectionResolvers.typeField)
}

/// Holds a schema's plan; a schema copy that changes gets a new, empty box.
final class ExecutionPlanBox: Sendable {
    private let plan = Mutex<ExecutionPlan?>(nil)

    func plan(for schema: GraphQLSchema) -> ExecutionPlan {
        plan.withLock { cached in
            if let cached { return cached }
            let made = ExecutionPlan(schema: schema)
            cached = made
            return made
        }
    }
}

/// Memoizes `collectSubfields` per (runtime type, field nodes), as graphql-js does: a list of a
/// thousand objects collects its item selection once, not a thousand times. Nodes are told
/// apart by source offset, so documents built in code (all offsets zero) are not cached.
final class SubfieldCache: Sendable {
    struct Key: Hashable {
        let objectType: String
        let first: Int
        let rest: [Int]
    }

    private let entries = Mutex<[Key: GroupedFields]>([:])

    func value(for key: Key, orInsert make: () -> GroupedFields) -> GroupedFields {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let made = make()
        entries.withLock { $0[key] = made }
        return made
    }
}

extension ExecutionContext {
    /// `collectSubfields`, memoized when the nodes have real source offsets.
    func cachedSubfields(objectType: String, fieldNodes: [FieldNode]) -> GroupedFields {
        guard let first = fieldNodes.first, first.loc.end > 0 else {
            return collectSubfields(objectType: objectType, fieldNodes: fieldNodes)
        }
        let key = SubfieldCache.Key(
            objectType: objectType, first: first.loc.start,
            rest: fieldNodes.count == 1 ? [] : fieldNodes.dropFirst().map(\.loc.start))
        return subfieldCache.value(for: key) { collectSubfields(objectType: objectType, fieldNodes: fieldNodes) }
    }
}

