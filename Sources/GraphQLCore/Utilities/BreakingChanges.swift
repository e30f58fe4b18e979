// graphql-js `utilities/findBreakingChanges`: two enums (breaking, dangerous) and one walker
// over an old and a new schema. The walker also records the changes graphql-js does not
// report, classified as safe, so `SchemaDiff` can account for every difference.

/// A change that breaks clients written against the old schema (graphql-js `BreakingChangeType`).
public enum BreakingChangeType: String, Sendable, Hashable, CaseIterable {
    /// A named type is gone.
    case typeRemoved = "TYPE_REMOVED"
    /// A type is now of another kind (object to interface, ...).
    case typeChangedKind = "TYPE_CHANGED_KIND"
    /// An object type is no longer a member of a union.
    case typeRemovedFromUnion = "TYPE_REMOVED_FROM_UNION"
    /// An enum value is gone.
    case valueRemovedFromEnum = "VALUE_REMOVED_FROM_ENUM"
    /// An input object got a non-null field without a default.
    case requiredInputFieldAdded = "REQUIRED_INPUT_FIELD_ADDED"
    /// A type no longer implements an interface.
    case implementedInterfaceRemoved = "IMPLEMENTED_INTERFACE_REMOVED"
    /// A field of an object, interface or input object is gone.
    case fieldRemoved = "FIELD_REMOVED"
    /// A field's type changed in a way clients notice (looser output, stricter input).
    case fieldChangedKind = "FIELD_CHANGED_KIND"
    /// A field got a non-null argument without a default.
    case requiredArgAdded = "REQUIRED_ARG_ADDED"
    /// A field argument is gone.
    case argRemoved = "ARG_REMOVED"
    /// An argument's type got stricter or changed.
    case argChangedKind = "ARG_CHANGED_KIND"
    /// A directive definition is gone.
    case directiveRemoved = "DIRECTIVE_REMOVED"
    /// A directive argument is gone.
    case directiveArgRemoved = "DIRECTIVE_ARG_REMOVED"
    /// A directive got a non-null argument without a default.
    case requiredDirectiveArgAdded = "REQUIRED_DIRECTIVE_ARG_ADDED"
    /// A directive is no longer `repeatable`.
    case directiveRepeatableRemoved = "DIRECTIVE_REPEATABLE_REMOVED"
    /// A directive may no longer appear at a location.
    case directiveLocationRemoved = "DIRECTIVE_LOCATION_REMOVED"
}

/// A change that may alter what existing clients see (graphql-js `DangerousChangeType`).
public enum DangerousChangeType: String, Sendable, Hashable, CaseIterable {
    /// An enum got a value clients may not handle.
    case valueAddedToEnum = "VALUE_ADDED_TO_ENUM"
    /// A union got a member clients may not handle.
    case typeAddedToUnion = "TYPE_ADDED_TO_UNION"
    /// An input object got an optional field.
    case optionalInputFieldAdded = "OPTIONAL_INPUT_FIELD_ADDED"
    /// A field got an optional argument.
    case optionalArgAdded = "OPTIONAL_ARG_ADDED"
    /// A type now implements another interface.
    case implementedInterfaceAdded = "IMPLEMENTED_INTERFACE_ADDED"
    /// An argument's default value changed or was removed.
    case argDefaultValueChange = "ARG_DEFAULT_VALUE_CHANGE"
}

/// A change that existing clients cannot observe as a failure (ours; graphql-js ignores these).
public enum SafeChangeType: String, Sendable, Hashable, CaseIterable {
    /// A named type was added.
    case typeAdded = "TYPE_ADDED"
    /// An object or interface got a field.
    case fieldAdded = "FIELD_ADDED"
    /// A field's type got stricter (output) or looser (input).
    case fieldChangedKindSafely = "FIELD_CHANGED_KIND_SAFELY"
    /// An argument's type got looser.
    case argChangedKindSafely = "ARG_CHANGED_KIND_SAFELY"
    /// An argument got a default value.
    case argDefaultValueAdded = "ARG_DEFAULT_VALUE_ADDED"
    /// A directive definition was added.
    case directiveAdded = "DIRECTIVE_ADDED"
    /// A directive got an optional argument.
    case optionalDirectiveArgAdded = "OPTIONAL_DIRECTIVE_ARG_ADDED"
    /// A directive became `repeatable`.
    case directiveRepeatableAdded = "DIRECTIVE_REPEATABLE_ADDED"
    /// A directive may appear at one more location.
    case directiveLocationAdded = "DIRECTIVE_LOCATION_ADDED"
    /// A description changed.
    case descriptionChanged = "DESCRIPTION_CHANGED"
    /// A field, argument, enum value or input field was deprecated.
    case deprecationAdded = "DEPRECATION_ADDED"
    /// A deprecation was lifted.
    case deprecationRemoved = "DEPRECATION_REMOVED"
    /// A deprecation reason changed.
    case deprecationReasonChanged = "DEPRECATION_REASON_CHANGED"
    /// A scalar's `@specifiedBy` URL changed.
    case specifiedByURLChanged = "SPECIFIED_BY_URL_CHANGED"
}

/// A breaking change with graphql-js's description, e.g. `Query.name was removed.`
public struct BreakingChange: Sendable, Hashable {
    /// What kind of change.
    public var type: BreakingChangeType
    /// The sentence graphql-js 16 uses.
    public var description: String
}

/// A dangerous change with graphql-js's description.
public struct DangerousChange: Sendable, Hashable {
    /// What kind of change.
    public var type: DangerousChangeType
    /// The sentence graphql-js 16 uses.
    public var description: String
}

/// One difference between two schemas, classified.
public struct SchemaChange: Sendable, Hashable {
    /// How a change affects clients.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// Breaks existing clients (graphql-js `BreakingChangeType`).
        case breaking
        /// May change what existing clients see (graphql-js `DangerousChangeType`).
        case dangerous
        /// Not observable as a failure by existing clients (ours).
        case safe
    }

    /// The change type with its category.
    public enum Kind: Sendable, Hashable {
        /// A breaking change.
        case breaking(BreakingChangeType)
        /// A dangerous change.
        case dangerous(DangerousChangeType)
        /// A safe change.
        case safe(SafeChangeType)

        /// The category.
        public var category: Category {
            switch self {
            case .breaking: .breaking
            case .dangerous: .dangerous
            case .safe: .safe
            }
        }

        /// The type's name, e.g. `FIELD_REMOVED`.
        public var name: String {
            switch self {
            case .breaking(let type): type.rawValue
            case .dangerous(let type): type.rawValue
            case .safe(let type): type.rawValue
            }
        }
    }

    /// The change type.
    public var kind: Kind
    /// A sentence naming what changed.
    public var description: String

    /// Creates a change.
    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// The breaking changes from `oldSchema` to `newSchema`, in graphql-js 16's order and wording.
public func findBreakingChanges(_ oldSchema: GraphQLSchema, _ newSchema: GraphQLSchema) -> [BreakingChange] {
    findSchemaChanges(oldSchema, newSchema).compactMap { change in
        guard case .breaking(let type) = change.kind else { return nil }
        return BreakingChange(type: type, description: change.description)
    }
}

/// The dangerous changes from `oldSchema` to `newSchema`, in graphql-js 16's order and wording.
public func findDangerousChanges(_ oldSchema: GraphQLSchema, _ newSchema: GraphQLSchema) -> [DangerousChange] {
    findSchemaChanges(oldSchema, newSchema).compactMap { change in
        guard case .dangerous(let type) = change.kind else { return nil }
        return DangerousChange(type: type, description: change.description)
    }
}

/// Every change from `oldSchema` to `newSchema`: graphql-js's breaking and dangerous changes
/// in its order, with our safe changes next to the definitions they concern.
public func findSchemaChanges(_ oldSchema: GraphQLSchema, _ newSchema: GraphQLSchema) -> [SchemaChange] {
    let walker = SchemaChangeWalker(old: oldSchema, new: newSchema)
    return walker.typeChanges() + walker.directiveChanges()
}

/// The walk over both schemas; each extension file handles one level (types, fields, arguments, directives).
struct SchemaChangeWalker {
    let old: GraphQLSchema
    let new: GraphQLSchema
}

/// graphql-js `diff`: items matched by name, removed and persisted in old order, added in new order.
struct NamedDiff<Item> {
    var added: [Item] = []
    var removed: [Item] = []
    var persisted: [(old: Item, new: Item)] = []

    init(_ oldItems: [Item], _ newItems: [Item], name: (Item) -> String) {
        var oldNames: Set<String> = []
        var newByName: [String: Item] = [:]
        for item in oldItems { oldNames.insert(name(item)) }
        // keyMap keeps the last item of a name.
        for item in newItems { newByName[name(item)] = item }
        for item in oldItems {
            if let match = newByName[name(item)] {
                persisted.append((item, match))
            } else {
                removed.append(item)
            }
        }
        added = newItems.filter { !oldNames.contains(name($0)) }
    }
}
