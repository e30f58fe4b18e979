/// A complete schema: named types, root operation types and directives.
///
/// Build one from SDL with `buildSchema(_:)`, check it with `validateSchema(_:)`, attach
/// resolvers with `setResolver(typeName:fieldName:_:)`, and execute requests against it.
public struct GraphQLSchema: Sendable {
    /// The schema's description (`"""..."""` before `schema {}`), if any.
    public var description: String?
    /// Every named type, introspection types included, by name.
    public private(set) var types: [String: GraphQLNamedType] { didSet { planBox = ExecutionPlanBox() } }
    /// Type names in graphql-js's type-map order (the order `__schema.types` lists them in).
    public private(set) var typeNames: [String]
    /// The directives, in the order introspection lists them.
    public private(set) var directives: [GraphQLDirective]
    /// The root type for queries.
    public var queryType: String?
    /// The root type for mutations.
    public var mutationType: String?
    /// The root type for subscriptions.
    public var subscriptionType: String?
    /// The directives applied to `schema` and `extend schema`, in source order.
    public var appliedDirectives: [DirectiveNode] = []
    /// Whether `@oneOf` and `__Type.isOneOf` are exposed: when some input object uses `@oneOf`,
    /// or when asked. graphql-js 16.6 (our reference) has neither, so others stay identical.
    public private(set) var exposesOneOf: Bool
    /// The type-system errors `validateSchema` found when the schema was built; the executor
    /// refuses to run against a schema that has any.
    public internal(set) var validationErrors: [GraphQLError] = []
    /// Resolvers for abstract types, by type name; the default reads `__typename`.
    var typeResolvers: [String: TypeResolver] = [:] { didSet { planBox = ExecutionPlanBox() } }
    /// The executor's lookup tables, built on first use and replaced whenever the schema changes.
    private(set) var planBox = ExecutionPlanBox()
    /// Object types implementing each interface, in type-map order.
    private(set) var implementations: [String: [String]] = [:]
    /// Interfaces implementing each interface, in type-map order.
    private(set) var interfaceImplementations: [String: [String]] = [:]

    init(
        description: String?, types: [String: GraphQLNamedType], typeNames: [String],
        directives: [GraphQLDirective], exposesOneOf: Bool
    ) {
        self.description = description
        self.types = types
        self.typeNames = typeNames
        self.directives = directives
        self.exposesOneOf = exposesOneOf
        for name in typeNames {
            guard let type = types[name], type.kind == .object || type.kind == .interface else { continue }
            for interface in type.interfaces {
                if type.kind == .object {
                    implementations[interface, default: []].append(name)
                } else {
                    interfaceImplementations[interface, default: []].append(name)
                }
            }
        }
    }

    /// The executor's lookup tables for this schema value.
    var executionPlan: ExecutionPlan { planBox.plan(for: self) }

    /// The named type called `name`.
    public func type(named name: String) -> GraphQLNamedType? { types[name] }

    /// The field `fieldName` of a composite type, including the meta-fields: `__typename` on
    /// objects, interfaces and unions, `__schema` and `__type` on the query type (graphql-js
    /// `getFieldDef`, which validation's `TypeInfo` needs too).
    public func fieldDefinition(typeName: String, fieldName: String) -> GraphQLField? {
        guard let type = types[typeName] else { return nil }
        switch fieldName {
        case "__typename" where type.kind == .object || type.kind.isAbstract:
            return IntrospectionResolvers.typenameField
        case "__schema" where typeName == queryType:
            return IntrospectionResolvers.schemaField
        case "__type" where typeName == queryType:
            return IntrospectionResolvers.typeField
        default:
            return type.field(named: fieldName)
        }
    }

    /// The directive called `name`.
    public func directive(named name: String) -> GraphQLDirective? {
        directives.first { $0.name == name }
    }

    /// The root type name for an operation kind.
    public func rootTypeName(for operation: OperationType) -> String? {
        switch operation {
        case .query: queryType
        case .mutation: mutationType
        case .subscription: subscriptionType
        }
    }

    /// The object types an abstract type may resolve to: a union's members or an
    /// interface's implementations; for an object type, itself.
    public func possibleTypes(of name: String) -> [String] {
        guard let type = types[name] else { return [] }
        switch type.kind {
        case .union: return type.unionMembers
        case .interface: return implementations[name] ?? []
        case .object: return [name]
        default: return []
        }
    }

    /// Whether `objectType` is a possible type of `abstractType` (or the same type).
    public func isPossibleType(_ objectType: String, of abstractType: String) -> Bool {
        if objectType == abstractType { return true }
        guard let type = types[abstractType] else { return false }
        switch type.kind {
        case .union: return type.unionMembers.contains(objectType)
        case .interface:
            return types[objectType]?.interfaces.contains(abstractType) ?? false
        default: return false
        }
    }

    /// Whether `maybeSubType` is `superType`, a possible object of it, or an interface implementing it.
    public func isSubType(_ maybeSubType: String, of superType: String) -> Bool {
        if isPossibleType(maybeSubType, of: superType) { return true }
        return interfaceImplementations[superType]?.contains(maybeSubType) ?? false
    }

    /// Installs a resolver for `typeName.fieldName`; unknown fields are ignored and reported as `false`.
    @discardableResult
    public mutating func setResolver(typeName: String, fieldName: String, _ resolver: @escaping FieldResolver) -> Bool {
        guard var type = types[typeName], let index = type.fieldPosition(fieldName) else { return false }
        type.fields[index].resolve = resolver
        types[typeName] = type
        return true
    }

    /// Installs the function that names the object type of a value of an interface or union.
    public mutating func setTypeResolver(typeName: String, _ resolver: @escaping TypeResolver) {
        typeResolvers[typeName] = resolver
    }

    /// Replaces the coercion rules of a custom scalar; `false` when there is no such scalar.
    @discardableResult
    public mutating func setScalarCoercing(typeName: String, _ coercing: any ScalarCoercing) -> Bool {
        guard var type = types[typeName], type.kind == .scalar else { return false }
        type.coercing = coercing
        types[typeName] = type
        return true
    }
}
