// Spec §5.3.3 "Leaf Field Selections": field selections on scalars or enums are never
// allowed; selections on objects, interfaces, and unions must have subselections.

/// Reports leaf fields with a selection set and composite fields without one.
struct ScalarLeafsRule: ASTVisitor {
    let context: ValidationContext

    mutating func enter(_ node: FieldNode) -> VisitAction {
        guard let type = context.typeInfo.type, let named = context.typeInfo.namedType(type) else { return .continue }
        let fieldName = node.name.value
        if named.kind.isLeaf {
            if let selectionSet = node.selectionSet {
                context.report(
                    "Field \"\(fieldName)\" must not have a selection since type \"\(type)\" has no subfields.",
                    at: [selectionSet.loc])
            }
        } else if node.selectionSet == nil {
            context.report(
                "Field \"\(fieldName)\" of type \"\(type)\" must have a selection of subfields."
                    + " Did you mean \"\(fieldName) { ... }\"?", at: [node.loc])
        }
        return .continue
    }
}
