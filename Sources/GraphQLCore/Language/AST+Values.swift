// Input values and type references.

/// A variable reference, `$name`.
///
/// ```
/// Variable : $ Name
/// ```
public struct VariableNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(name: NameNode, loc: Location = .synthetic) {
        self.name = name
        self.loc = loc
    }
}

/// An integer literal, kept as written so no precision is lost before coercion.
public struct IntValueNode: Sendable, Equatable {
    /// The literal's text, e.g. `-12`.
    public var value: String
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(value: String, loc: Location = .synthetic) {
        self.value = value
        self.loc = loc
    }
}

/// A float literal, kept as written.
public struct FloatValueNode: Sendable, Equatable {
    /// The literal's text, e.g. `1.5e3`.
    public var value: String
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(value: String, loc: Location = .synthetic) {
        self.value = value
        self.loc = loc
    }
}

/// A string literal: a quoted string or a block string.
public struct StringValueNode: Sendable, Equatable {
    /// The string's value, escapes resolved and block strings dedented.
    public var value: String
    /// Whether it was written as a `"""` block string.
    public var block: Bool
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(value: String, block: Bool = false, loc: Location = .synthetic) {
        self.value = value
        self.block = block
        self.loc = loc
    }
}

/// `true` or `false`.
public struct BooleanValueNode: Sendable, Equatable {
    /// The value.
    public var value: Bool
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(value: Bool, loc: Location = .synthetic) {
        self.value = value
        self.loc = loc
    }
}

/// The `null` literal.
public struct NullValueNode: Sendable, Equatable {
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(loc: Location = .synthetic) {
        self.loc = loc
    }
}

/// An enum value: a name other than `true`, `false` or `null`.
public struct EnumValueNode: Sendable, Equatable {
    /// The name.
    public var value: String
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(value: String, loc: Location = .synthetic) {
        self.value = value
        self.loc = loc
    }
}

/// A list literal `[a, b]`.
public struct ListValueNode: Sendable, Equatable {
    /// The items.
    public var values: [ValueNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(values: [ValueNode] = [], loc: Location = .synthetic) {
        self.values = values
        self.loc = loc
    }
}

/// An input object literal `{a: 1}`.
public struct ObjectValueNode: Sendable, Equatable {
    /// The fields, in source order.
    public var fields: [ObjectFieldNode]
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(fields: [ObjectFieldNode] = [], loc: Location = .synthetic) {
        self.fields = fields
        self.loc = loc
    }
}

/// One `name: value` entry of an input object literal.
///
/// ```
/// ObjectField[Const] : Name : Value[?Const]
/// ```
public struct ObjectFieldNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// The value.
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

/// A reference to a type by name.
///
/// ```
/// NamedType : Name
/// ```
public struct NamedTypeNode: Sendable, Equatable {
    /// The name.
    public var name: NameNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(name: NameNode, loc: Location = .synthetic) {
        self.name = name
        self.loc = loc
    }
}

/// A list type `[T]`.
///
/// ```
/// ListType : [ Type ]
/// ```
public struct ListTypeNode: Sendable, Equatable {
    /// The item type.
    public var type: TypeNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(type: TypeNode, loc: Location = .synthetic) {
        self.type = type
        self.loc = loc
    }
}

/// A non-null type `T!`.
///
/// ```
/// NonNullType :
///   - NamedType !
///   - ListType !
/// ```
public struct NonNullTypeNode: Sendable, Equatable {
    /// The nullable type it wraps; never itself `.nonNull` when parsed.
    public var type: TypeNode
    /// Where the node is in the source; ignored by `==`.
    @IgnoredByEquality public var loc: Location

    /// Creates the node; `loc` defaults to `.synthetic` for nodes built in code.
    public init(type: TypeNode, loc: Location = .synthetic) {
        self.type = type
        self.loc = loc
    }
}
