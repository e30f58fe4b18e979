/// Reproduces the order of graphql-js's schema type map, which is the order introspection
/// lists types in. graphql-js fills a JavaScript `Set`: for each configured type it deletes
/// the type and re-adds it followed by everything it references (depth first), then adds the
/// root types, directive argument types and `__Schema`'s closure. Only re-creating those steps
/// gives the same order, so this struct simulates an insertion-ordered set with deletion.
struct TypeMapOrder {
    let pool: [String: GraphQLNamedType]
    private var slots: [String?] = []
    private var position: [String: Int] = [:]

    init(pool: [String: GraphQLNamedType]) {
        self.pool = pool
    }

    func order(configTypes: [String], roots: [String], directives: [GraphQLDirective]) -> [String] {
        var set = self
        for name in configTypes { set.add(name) }
        for name in configTypes {
            set.delete(name)
            set.collect(name)
        }
        for root in roots { set.collect(root) }
        for directive in directives {
            for argument in directive.arguments { set.collect(argument.type.namedType) }
        }
        set.collect("__Schema")
        return set.slots.compactMap { $0 }
    }

    private mutating func add(_ name: String) {
        guard position[name] == nil else { return }
        position[name] = slots.count
        slots.append(name)
    }

    private mutating func delete(_ name: String) {
        guard let index = position.removeValue(forKey: name) else { return }
        slots[index] = nil
    }

    /// graphql-js `collectReferencedTypes`.
    private mutating func collect(_ name: String) {
        guard position[name] == nil, let type = pool[name] else { return }
        add(name)
        switch type.kind {
        case .union:
            for member in type.unionMembers { collect(member) }
        case .object, .interface:
            for interface in type.interfaces { collect(interface) }
            for field in type.fields {
                collect(field.type.namedType)
                for argument in field.arguments { collect(argument.type.namedType) }
            }
        case .inputObject:
            for field in type.inputFields { collect(field.type.namedType) }
        case .scalar, .enum:
            break
        }
    }
}
