import Synchronization

/// Loads many keys with one call, DataLoader-style, shaped for GraphQLCore's executor.
///
/// The executor completes a whole wave of values synchronously before it awaits any `.async`
/// value they defer (GraphQLCore's `DeferredWork`), so a resolver registers its key with
/// ``load(_:)`` during that synchronous pass and returns the closure as its async work. The
/// first closure awaited closes the batch and runs `fetch` once for every key registered; the
/// rest await the same result. A list of 100 executions therefore costs one query per field,
/// not 100.
///
/// Values are cached for the loader's lifetime, as DataLoader does: create loaders per request
/// (``APIContext`` does), so a key asked for twice in one request is fetched once and no
/// request sees another's rows.
final class BatchLoader<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// Fetches the values of `keys`; keys absent from the result load as `nil`.
    typealias Fetch = @Sendable (_ keys: [Key]) async throws -> [Key: Value]

    private struct State {
        var nextBatch = 0
        /// The batch new keys join, until one of its keys is awaited.
        var openBatch: Int?
        var keysOfBatch: [Int: [Key]] = [:]
        var batchOfKey: [Key: Int] = [:]
        var tasks: [Int: Task<[Key: Value], any Error>] = [:]
    }

    private let fetch: Fetch
    private let state = Mutex(State())

    init(_ fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    /// Registers `key` for the next batch and returns the work that awaits its value.
    func load(_ key: Key) -> @Sendable () async throws -> Value? {
        let batch = state.withLock { state -> Int in
            if let batch = state.batchOfKey[key] { return batch }
            let batch: Int
            if let open = state.openBatch {
                batch = open
            } else {
                batch = state.nextBatch
                state.nextBatch += 1
                state.openBatch = batch
            }
            state.keysOfBatch[batch, default: []].append(key)
            state.batchOfKey[key] = batch
            return batch
        }
        return { try await self.result(of: batch)[key] }
    }

    /// Seeds the cache with a value the caller already has (DataLoader's `prime`), so loading
    /// `key` in this request costs no query. A key already registered keeps its batch.
    func prime(_ key: Key, _ value: Value) {
        state.withLock { state in
            guard state.batchOfKey[key] == nil else { return }
            let batch = state.nextBatch
            state.nextBatch += 1
            state.batchOfKey[key] = batch
            state.tasks[batch] = Task { [key: value] }
        }
    }

    private func result(of batch: Int) async throws -> [Key: Value] {
        let task = state.withLock { state -> Task<[Key: Value], any Error> in
            if let task = state.tasks[batch] { return task }
            if state.openBatch == batch { state.openBatch = nil }
            let keys = state.keysOfBatch.removeValue(forKey: batch) ?? []
            let fetch = self.fetch
            let task = Task { try await fetch(keys) }
            state.tasks[batch] = task
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failed batch is not cached: later loads of its keys in this request try again.
            state.withLock { state in
                if state.tasks.removeValue(forKey: batch) != nil {
                    state.batchOfKey = state.batchOfKey.filter { $0.value != batch }
                }
            }
            throw error
        }
    }
}
