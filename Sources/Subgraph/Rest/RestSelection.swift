import GraphQLCore

/// The fields a REST route returns: derived from the field's type once, at start-up, and used
/// both to write the route's GraphQL operation and to describe its response in OpenAPI, so the
/// two can never disagree.
///
/// Rules, for any schema:
/// - leaf fields (scalars, enums) are selected, unless they need arguments;
/// - plain object types are expanded (unless already on the path: cycles stop there);
/// - an entity (a type with `@key`) other than the route's own is expanded one level deep;
///   deeper, or when it is already on the path, it is a reference: `{ id }` (its key);
/// - abstract types (interfaces, unions) select `__typename` plus their key, if any.
public struct RestSelection: Sendable, Equatable {
    /// One selected field.
    public struct Field: Sendable, Equatable {
        public let name: String
        public let type: GraphQLTypeReference
        /// The selection below an object field; nil for leaves.
        public let selection: RestSelection?
        /// The field's description, for the OpenAPI document.
        public let description: String?
    }

    /// The object type the selection applies to.
    public let typeName: String
    public let fields: [Field]

    /// The selection for values of `type` (wrappers ignored).
    public static func build(for type: GraphQLTypeReference, in schema: GraphQLSchema) -> RestSelection? {
        build(typeName: type.namedType, in: schema, path: [], entityDepth: 0)
    }

    private static func build(typeName: String, in schema: GraphQLSchema, path: [String], entityDepth: Int) -> RestSelection? {
        guard let type = schema.type(named: typeName) else { return nil }
        switch type.kind {
        case .object:
            break
        case .interface, .union:
            var fields = [Field(name: "__typename", type: .nonNull(.named("String")), selection: nil, description: nil)]
            if type.kind == .interface, let id = type.field(named: "id") {
                fields.append(Field(name: "id", type: id.type, selection: nil, description: id.description))
            }
            return RestSelection(typeName: typeName, fields: fields)
        default:
            return nil
        }
        let path = path + [typeName]
        var fields: [Field] = []
        for field in type.fields where !field.name.hasPrefix("__") {
            if field.arguments.contains(where: { $0.type.isNonNull && $0.defaultValue == nil }) { continue }
            let childName = field.type.namedType
            guard let child = schema.type(named: childName) else { continue }
            if child.kind.isLeaf {
                fields.append(Field(name: field.name, type: field.type, selection: nil, description: field.description))
                continue
            }
            let childIsEntity = isEntity(child)
            let depth = entityDepth + (childIsEntity ? 1 : 0)
            if path.contains(childName) || (childIsEntity && depth > 1) {
                // A reference: the key alone, or nothing when the type has none.
                guard let reference = reference(to: child) else { continue }
                fields.append(Field(name: field.name, type: field.type, selection: reference, description: field.description))
                continue
            }
            guard let selection = build(typeName: childName, in: schema, path: path, entityDepth: depth), !selection.fields.isEmpty else { continue }
            fields.append(Field(name: field.name, type: field.type, selection: selection, description: field.description))
        }
        return RestSelection(typeName: typeName, fields: fields)
    }

    private static func isEntity(_ type: GraphQLNamedType) -> Bool {
        type.appliedDirectives.contains { $0.name.value == "key" }
    }

    private static func reference(to type: GraphQLNamedType) -> RestSelection? {
        guard type.kind == .object, let id = type.field(named: "id") else { return nil }
        return RestSelection(typeName: type.name, fields: [Field(name: "id", type: id.type, selection: nil, description: id.description)])
    }

    /// The selection set in GraphQL syntax, e.g. `{ id name versions { id } }`.
    public var text: String {
        "{ " + fields.map { field in
            field.selection.map { "\(field.name) \($0.text)" } ?? field.name
        }.joined(separator: " ") + " }"
    }
}
