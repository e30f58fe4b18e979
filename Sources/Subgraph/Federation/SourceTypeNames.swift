import GraphQLCore
import Synchronization

/// Which entity type each Swift type of `.source` value belongs to, learned from what the entity
/// resolvers return, so the `_Entity` union resolves opaque values without help.
///
/// `_entities` knows every item's type (its representation's `__typename`) but the executor asks
/// `_Entity`'s type resolver with the value alone. When `Workflow`'s resolver returns
/// `.source(StoredWorkflow(...))`, `StoredWorkflow` is recorded as `Workflow`; a Swift type seen
/// for two entity types is ambiguous and left to ``FederatedSchemaBuilder/entityTypeResolver``.
final class SourceTypeNames: Sendable {
    /// Swift type → entity type name; `nil` once ambiguous.
    private let names = Mutex<[ObjectIdentifier: String?]>([:])

    /// Records the Swift type of a `.source` value returned for entity type `typeName`.
    func learn(_ value: ResolvedValue, typeName: String) {
        guard case .source(let source) = value else { return }
        let key = ObjectIdentifier(type(of: source))
        names.withLock { names in
            switch names[key] {
            case nil: names[key] = .some(typeName)
            case .some(let known) where known != typeName: names[key] = .some(nil)
            default: break
            }
        }
    }

    /// The entity type recorded for a `.source` value's Swift type, if unambiguous.
    func typeName(of value: ResolvedValue) -> String? {
        guard case .source(let source) = value else { return nil }
        let key = ObjectIdentifier(type(of: source))
        return names.withLock { $0[key] ?? nil }
    }
}
