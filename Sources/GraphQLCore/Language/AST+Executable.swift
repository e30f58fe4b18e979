// Executable definitions: operations, fragments and selections.

/// An operation: `query`, `mutation` or `subscription`, or the `{ ... }` query shorthand.
///
/// ```
/// OperationDefinition :
///   - OperationType Name? VariableDefinitions? Directives? SelectionSet
///   - SelectionSet
/// ```
public struct OperationDefinitionNode: Sendable, Equatable {
    /// Which kind of operation this is.
    public var operation: OperationType
    /// The operation's name; `nil` for an anonymous operation.
    public var name: NameNode?
    /// The variables the operation declares.
    public var variableDefinitions: [VariableDefinitionNode]
    /// The directives applied, in source order.
    public var directives: [DirectiveNode]
    /// The fields selected on the root type.
    public var selectionSet: SelectionSetNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        operation: OperationType,
        name: NameNode? = nil,
        variableDefinitions: [VariableDefinitionNode] = [],
        directives: [DirectiveNode] = [],
        selectionSet: SelectionSetNode,
        loc: Location = .synthetic
    ) {
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// A variable declared by an operation.
///
/// ```
/// VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
/// ```
public struct VariableDefinitionNode: Sendable, Equatable {
    /// The variable.
    public var variable: VariableNode
    /// The variable's type.
    public var type: TypeNode
    /// The constant default value, if any.
    public var defaultValue: ValueNode?
    /// The directives applied, in source order (constant arguments only).
    public var directives: [DirectiveNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        variable: VariableNode,
        type: TypeNode,
        defaultValue: ValueNode? = nil,
        directives: [DirectiveNode] = [],
        loc: Location = .synthetic
    ) {
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// A braced list of selections.
///
/// ```
/// SelectionSet : { Selection+ }
/// ```
public struct SelectionSetNode: Sendable, Equatable {
    /// The selections, in source order; never empty when parsed.
    public var selections: [SelectionNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(selections: [SelectionNode], loc: Location = .synthetic) {
        self.selections = selections
        self.loc = loc
    }
}

/// A field selection, with an optional alias, arguments, directives and sub-selections.
///
/// ```
/// Field : Alias? Name Arguments? Directives? SelectionSet?
/// ```
public struct FieldNode: Sendable, Equatable {
    /// The response key given with `alias: field`, if any.
    public var alias: NameNode?
    /// The name.
    public var name: NameNode
    /// The arguments, in source order.
    public var arguments: [ArgumentNode]
    /// The directives applied, in source order.
    public var directives: [DirectiveNode]
    /// The sub-selections, for fields of composite type.
    public var selectionSet: SelectionSetNode?
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        alias: NameNode? = nil,
        name: NameNode,
        arguments: [ArgumentNode] = [],
        directives: [DirectiveNode] = [],
        selectionSet: SelectionSetNode? = nil,
        loc: Location = .synthetic
    ) {
        self.alias = alias
        self.name = name
        self.arguments = arguments
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// A named argument passed to a field or directive.
///
/// ```
/// Argument[Const] : Name : Value[?Const]
/// ```
public struct ArgumentNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The value passed.
    public var value: ValueNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(name: NameNode, value: ValueNode, loc: Location = .synthetic) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// A `...Name` spread of a named fragment.
///
/// ```
/// FragmentSpread : ... FragmentName Directives?
/// ```
public struct FragmentSpreadNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The directives applied, in source order.
    public var directives: [DirectiveNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        name: NameNode,
        directives: [DirectiveNode] = [],
        loc: Location = .synthetic
    ) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// An inline fragment `... on Type { ... }`; the type condition is optional.
///
/// ```
/// InlineFragment : ... TypeCondition? Directives? SelectionSet
/// ```
public struct InlineFragmentNode: Sendable, Equatable {
    /// The type after `on`, if any.
    public var typeCondition: NamedTypeNode?
    /// The directives applied, in source order.
    public var directives: [DirectiveNode]
    /// The selections inside the fragment.
    public var selectionSet: SelectionSetNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        typeCondition: NamedTypeNode? = nil,
        directives: [DirectiveNode] = [],
        selectionSet: SelectionSetNode,
        loc: Location = .synthetic
    ) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// A named fragment definition.
///
/// ```
/// FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
/// ```
public struct FragmentDefinitionNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The type after `on`.
    public var typeCondition: NamedTypeNode
    /// The directives applied, in source order.
    public var directives: [DirectiveNode]
    /// The fragment's selections.
    public var selectionSet: SelectionSetNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(
        name: NameNode,
        typeCondition: NamedTypeNode,
        directives: [DirectiveNode] = [],
        selectionSet: SelectionSetNode,
        loc: Location = .synthetic
    ) {
        self.name = name
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// A directive applied somewhere, e.g. `@include(if: $flag)`.
///
/// ```
/// Directive[Const] : @ Name Arguments[?Const]?
/// ```
public struct DirectiveNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The arguments, in source order.
    public var arguments: [ArgumentNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(name: NameNode, arguments: [ArgumentNode] = [], loc: Location = .synthetic) {
        self.name = name
        self.arguments = arguments
        self.loc = loc
    }
}
