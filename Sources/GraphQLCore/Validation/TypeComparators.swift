// Type relations used by validation (graphql-js `utilities/typeComparators`).

extension GraphQLSchema {
    /// Whether a value of `maybeSubType` is always valid where `superType` is expected.
    public func isTypeSubTypeOf(_ maybeSubType: GraphQLTypeReference, _ superType: GraphQLTypeReference) -> Bool {
        if maybeSubType == superType { return true }
        if case .nonNull(let superInner) = superType {
            if case .nonNull(let subInner) = maybeSubType { return isTypeSubTypeOf(subInner, superInner) }
            return false
        }
        if case .nonNull(let subInner) = maybeSubType { return isTypeSubTypeOf(subInner, superType) }
        if case .list(let superItem) = superType {
            if case .list(let subItem) = maybeSubType { return isTypeSubTypeOf(subItem, superItem) }
            return false
        }
        if case .list = maybeSubType { return false }
        guard let superNamed = type(named: superType.namedType), superNamed.kind.isAbstract,
            let subNamed = type(named: maybeSubType.namedType), subNamed.kind == .object || subNamed.kind == .interface
        else { return false }
        return isSubType(subNamed.name, of: superNamed.name)
    }

    /// Whether some object type could be both `typeA` and `typeB` (both composite).
    public func doTypesOverlap(_ typeA: GraphQLNamedType, _ typeB: GraphQLNamedType) -> Bool {
        if typeA.name == typeB.name { return true }
        if typeA.kind.isAbstract {
            if typeB.kind.isAbstract {
                return possibleTypes(of: typeA.name).contains { isSubType($0, of: typeB.name) }
            }
            return isSubType(typeB.name, of: typeA.name)
        }
        if typeB.kind.isAbstract { return isSubType(typeA.name, of: typeB.name) }
        return false
    }
}
