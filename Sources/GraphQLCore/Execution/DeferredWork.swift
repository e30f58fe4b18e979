// Async resolvers without a task per field: the synchronous pass leaves a null placeholder
// and a `DeferredValue` for each `.async` value it meets; `runDeferred` then awaits them
// concurrently, completes each result synchronously (which may defer more work) and writes the
// value into the response at its path. A failure nulls the nearest nullable position, as
// `handleFieldError` would have.
//
// Deferred work runs in waves: all the work of one wave runs concurrently, and the work its
// results defer starts together as the next wave once the wave has finished. That makes
// batching deterministic (graphql-java's level-by-level DataLoader dispatch): every item of a
// list registers its key with a batch loader before any item of the next level asks for its
// batch, so a list of 100 items costs one batch per field, never a batch per item. The price is
// that a slow value holds back the next wave of its siblings.

/// An `.async` value waiting to be awaited and completed at `path`.
struct DeferredValue: Sendable {
    let work: @Sendable () async throws -> ResolvedValue
    let info: ResolveInfo
    let path: ResponsePath
    let type: GraphQLTypeReference
    /// The nearest nullable position at or above `path`; `nil` means the whole `data`.
    let boundary: ResponsePath?
}

/// What became of one deferred value.
private enum DeferredOutcome: Sendable {
    case completed(DeferredValue, GraphQLValue, [DeferredValue])
    case failed(DeferredValue, GraphQLError)
}

extension ExecutionContext {
    /// Runs deferred work until none is left, writing results into `data`. Throws when a
    /// failure reaches the root, which makes the whole `data` null.
    func runDeferred(_ initial: [DeferredValue], into data: inout GraphQLValue) async throws(GraphQLError) {
        var wave = initial
        while !wave.isEmpty {
            // A cancelled operation (e.g. past its HTTP timeout) starts no further wave.
            if Task.isCancelled { throw GraphQLError(message: "The operation was cancelled.") }
            var next: [DeferredValue] = []
            var rootError: GraphQLError?
            await withTaskGroup(of: DeferredOutcome.self) { group in
                for item in wave where data.contains(item.path.components[...]) {
                    group.addTask { await self.completeDeferred(item) }
                }
                for await outcome in group {
                    switch outcome {
                    case .completed(let item, let value, let more):
                        // A path that no longer exists sits under a position nulled by an error.
                        guard data.patch(item.path.components[...], with: value) else { continue }
                        next += more
                    case .failed(let item, let error):
                        guard data.contains(item.path.components[...]) else { continue }
                        guard let boundary = item.boundary else {
                            rootError = error
                            group.cancelAll()
                            return
                        }
                        record(error)
                        _ = data.patch(boundary.components[...], with: .null)
                    }
                }
            }
            if let rootError { throw rootError }
            wave = next
        }
    }

    private func completeDeferred(_ item: DeferredValue) async -> DeferredOutcome {
        let resolved: ResolvedValue
        do {
            resolved = try await item.work()
        } catch {
            return .failed(item, located(asGraphQLError(error), fieldNodes: item.info.fieldNodes, path: item.path))
        }
        var more: [DeferredValue] = []
        do throws(GraphQLError) {
            let value = try completeValue(
                type: item.type, info: item.info, path: ResponsePosition(item.path), result: resolved,
                boundary: item.boundary.map(ResponsePosition.init),
                deferred: &more)
            return .completed(item, value, more)
        } catch {
            return .failed(item, located(error, fieldNodes: item.info.fieldNodes, path: item.path))
        }
    }
}

extension GraphQLValue {
    /// Whether a value exists at `path` (every step's key or index is there).
    func contains(_ path: ArraySlice<GraphQLError.PathComponent>) -> Bool {
        guard let first = path.first else { return true }
        switch (self, first) {
        case (.object(let object), .key(let key)):
            guard let child = object[key] else { return false }
            return child.contains(path.dropFirst())
        case (.list(let items), .index(let index)):
            guard items.indices.contains(index) else { return false }
            return items[index].contains(path.dropFirst())
        default:
            return false
        }
    }

    /// Replaces the value at `path`; `false` when the path does not exist. The container is
    /// taken out of `self` before it is changed so that it stays uniquely referenced and is
    /// mutated in place rather than copied.
    mutating func patch(_ path: ArraySlice<GraphQLError.PathComponent>, with value: GraphQLValue) -> Bool {
        guard let first = path.first else {
            self = value
            return true
        }
        switch first {
        case .key(let key):
            guard var object = takeObject() else { return false }
            let done = object.patchValue(forKey: key, path.dropFirst(), with: value)
            self = .object(object)
            return done
        case .index(let index):
            guard var items = takeList() else { return false }
            let done = items.indices.contains(index) && items[index].patch(path.dropFirst(), with: value)
            self = .list(items)
            return done
        }
    }

    /// Moves the object out of `self` (leaving null), so the caller holds the only reference.
    private mutating func takeObject() -> GraphQLObject? {
        guard case .object(let object) = self else { return nil }
        self = .null
        return object
    }

    /// Moves the list out of `self` (leaving null), so the caller holds the only reference.
    private mutating func takeList() -> [GraphQLValue]? {
        guard case .list(let items) = self else { return nil }
        self = .null
        return items
    }
}

extension GraphQLObject {
    mutating func patchValue(
        forKey key: String, _ rest: ArraySlice<GraphQLError.PathComponent>, with value: GraphQLValue
    ) -> Bool {
        guard let index = keys.firstIndex(of: key) else { return false }
        return values[index].patch(rest, with: value)
    }
}
