// TypeInfo: what the schema says about the node a walk is at (graphql-js `utilities/TypeInfo`).

/// Tracks, during a walk of an executable document, the schema types and definitions that
/// apply at the current node: the parent composite type, the output type, the field
/// definition, the expected input type, the argument, the directive and the enum value.
///
/// Call `enter(_:)` before a visitor's own hooks and `leave(_:)` after them, as
/// `validate(schema:document:source:rules:maxErrors:)` does.
public struct TypeInfo: ASTVisitor {
    /// The schema the document is read against.
    public let schema: GraphQLSchema
    private var typeStack: [GraphQLTypeReference?] = []
    private var parentTypeStack: [GraphQLNamedType?] = []
    private var inputTypeStack: [GraphQLTypeReference?] = []
    private var fieldDefStack: [GraphQLField?] = []
    private var defaultValueStack: [ValueNode?] = []
    /// The directive whose arguments are being walked, if known to the schema.
    public private(set) var directive: GraphQLDirective?
    /// The definition of the argument being walked, if known.
    public private(set) var argument: GraphQLInputValue?
    /// The enum value being walked, if its type is an enum that defines it.
    public private(set) var enumValue: GraphQLEnumValue?

    /// Creates a tracker at the top of a document.
    public init(schema: GraphQLSchema) {
        self.schema = schema
    }

    /// The output type of the current field, operation or fragment.
    public var type: GraphQLTypeReference? { typeStack.last ?? nil }
    /// The composite type whose selection set is being walked.
    public var parentType: GraphQLNamedType? { parentTypeStack.last ?? nil }
    /// The input type expected at the current value.
    public var inputType: GraphQLTypeReference? { inputTypeStack.last ?? nil }
    /// The input type expected by the value enclosing the current one.
    public var parentInputType: GraphQLTypeReference? {
        inputTypeStack.count >= 2 ? inputTypeStack[inputTypeStack.count - 2] : nil
    }
    /// The definition of the current field, if the parent type defines it.
    public var fieldDef: GraphQLField? { fieldDefStack.last ?? nil }
    /// The default value of the current argument or input field, if any.
    public var defaultValue: ValueNode? { defaultValueStack.last ?? nil }

    /// The named type a reference ends in, if the schema defines it.
    public func namedType(_ reference: GraphQLTypeReference?) -> GraphQLNamedType? {
        reference.flatMap { schema.type(named: $0.namedType) }
    }

    private func isInput(_ reference: GraphQLTypeReference?) -> GraphQLTypeReference? {
        guard let reference, let named = namedType(reference), named.kind.isInput else { return nil }
        return reference
    }

    private func isOutput(_ reference: GraphQLTypeReference?) -> GraphQLTypeReference? {
        guard let reference, let named = namedType(reference), named.kind.isOutput else { return nil }
        return reference
    }

    // MARK: - ASTVisitor hooks: push on enter, pop on leave (graphql-js `TypeInfo.enter`/`leave`)

    public mutating func enter(_ node: SelectionSetNode) -> VisitAction {
        let named = namedType(type)
        parentTypeStack.append(named.flatMap { $0.kind.isComposite ? $0 : nil })
        return .continue
    }

    public mutating func leave(_ node: SelectionSetNode) { parentTypeStack.removeLast() }

    public mutating func enter(_ node: FieldNode) -> VisitAction {
        let definition = parentType.flatMap {
            schema.fieldDefinition(typeName: $0.name, fieldName: node.name.value)
        }
        fieldDefStack.append(definition)
        typeStack.append(isOutput(definition?.type))
        return .continue
    }

    public mutating func leave(_ node: FieldNode) {
        fieldDefStack.removeLast()
        typeStack.removeLast()
    }

    public mutating func enter(_ node: DirectiveNode) -> VisitAction {
        directive = schema.directive(named: node.name.value)
        return .continue
    }

    public mutating func leave(_ node: DirectiveNode) { directive = nil }

    public mutating func enter(_ node: OperationDefinitionNode) -> VisitAction {
        let root = schema.rootTypeName(for: node.operation).flatMap { schema.type(named: $0) }
        typeStack.append(root?.kind == .object ? root.map { .named($0.name) } : nil)
        return .continue
    }

    public mutating func leave(_ node: OperationDefinitionNode) { typeStack.removeLast() }

    public mutating func enter(_ node: InlineFragmentNode) -> VisitAction {
        if let condition = node.typeCondition {
            typeStack.append(isOutput(typeFromAST(schema, .named(condition))))
        } else {
            typeStack.append(isOutput(namedType(type).map { .named($0.name) }))
        }
        return .continue
    }

    public mutating func leave(_ node: InlineFragmentNode) { typeStack.removeLast() }

    public mutating func enter(_ node: FragmentDefinitionNode) -> VisitAction {
        typeStack.append(isOutput(typeFromAST(schema, .named(node.typeCondition))))
        return .continue
    }

    public mutating func leave(_ node: FragmentDefinitionNode) { typeStack.removeLast() }

    public mutating func enter(_ node: VariableDefinitionNode) -> VisitAction {
        inputTypeStack.append(isInput(typeFromAST(schema, node.type)))
        return .continue
    }

    public mutating func leave(_ node: VariableDefinitionNode) { inputTypeStack.removeLast() }

    public mutating func enter(_ node: ArgumentNode) -> VisitAction {
        let arguments = directive?.arguments ?? fieldDef?.arguments ?? []
        let definition = arguments.first { $0.name == node.name.value }
        argument = definition
        defaultValueStack.append(definition?.defaultValueNode)
        inputTypeStack.append(isInput(definition?.type))
        return .continue
    }

    public mutating func leave(_ node: ArgumentNode) {
        argument = nil
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    public mutating func enter(_ node: ValueNode) -> VisitAction {
        switch node {
        case .list:
            let listType = inputType?.nullable
            var itemType = listType
            if case .list(let item)? = listType { itemType = item }
            defaultValueStack.append(nil)
            inputTypeStack.append(isInput(itemType))
        case .enumValue(let value):
            let enumType = namedType(inputType)
            enumValue = enumType?.kind == .enum ? enumType?.enumValue(named: value.value) : nil
        default:
            break
        }
        return .continue
    }

    public mutating func leave(_ node: ValueNode) {
        switch node {
        case .list:
            defaultValueStack.removeLast()
            inputTypeStack.removeLast()
        case .enumValue:
            enumValue = nil
        default:
            break
        }
    }

    public mutating func enter(_ node: ObjectFieldNode) -> VisitAction {
        let objectType = namedType(inputType)
        let field = objectType?.kind == .inputObject
            ? objectType?.inputFields.first { $0.name == node.name.value } : nil
        defaultValueStack.append(field?.defaultValueNode)
        inputTypeStack.append(isInput(field?.type))
        return .continue
    }

    public mutating func leave(_ node: ObjectFieldNode) {
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }
}

extension GraphQLTypeKind {
    /// Whether a selection set can be made on the type: object, interface or union.
    public var isComposite: Bool { self == .object || self == .interface || self == .union }
}

/// The type a type reference in a document names, or `nil` when the schema lacks its named type.
public func typeFromAST(_ schema: GraphQLSchema, _ node: TypeNode) -> GraphQLTypeReference? {
    let reference = GraphQLTypeReference(node)
    return schema.type(named: reference.namedType) == nil ? nil : reference
}
