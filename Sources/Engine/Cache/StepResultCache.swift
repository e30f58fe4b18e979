import Foundation
import Logging
import Metrics
import Postgres
import Redis
import Synchronization

/// The deterministic step-result cache (DESIGN.md §6, ADR WF-CACHE-007): step outputs in Redis
/// under a ``CacheKey``, with the step's TTL, LRU eviction by Redis (`allkeys-lru`), a
/// `cache_index` row per entry, single-flight across workers, and a circuit breaker that bypasses
/// the cache while Redis is slow or down, so the cache can never fail an execution.
public final class StepResultCache: Sendable {
    /// What a lookup found.
    public enum Lookup: Sendable {
        /// A stored output (counted as a hit).
        case hit(JSONValue)
        /// Nothing stored: the caller computes the value (it holds the single-flight lock, or
        /// waited in vain for the holder) and then calls ``complete(_:ticket:output:ttlSeconds:)``.
        case miss(Ticket)
        /// The cache is unavailable (breaker open or Redis failing): run the step uncached.
        case bypassed
    }

    /// Identifies one computation of a missed key.
    public struct Ticket: Sendable {
        let suffix: String
        let token: String
    }

    let redis: RedisClient
    let postgres: PostgresClient
    let breaker: CacheCircuitBreaker
    /// How long a single-flight waiter waits for the computing worker before computing itself.
    let lockMilliseconds: Int
    let logger: Logger
    private let lastFlush = Mutex<ContinuousClock.Instant?>(nil)

    private let hits = Counter(label: "maestro_cache_hits_total")
    private let misses = Counter(label: "maestro_cache_misses_total")
    private let bypasses = Counter(label: "maestro_cache_bypassed_total")
    /// Redis's own `evicted_keys` (server-wide), refreshed with each hit-count flush.
    private let evictions = Gauge(label: "maestro_cache_redis_evicted_keys")

    public init(
        redis: RedisClient, postgres: PostgresClient, lockMilliseconds: Int = 30_000,
        breakerCooldown: Duration = .seconds(10), logger: Logger = Logger(label: "maestro.cache")
    ) {
        self.redis = redis
        self.postgres = postgres
        self.lockMilliseconds = lockMilliseconds
        self.breaker = CacheCircuitBreaker(cooldown: breakerCooldown)
        self.logger = logger
    }

    /// Whether lookups currently go to Redis (`closed`), are skipped (`open`) or probe (`half-open`).
    public var breakerPosition: String { breaker.position.rawValue }

    /// Looks `key` up. On a miss while another worker computes the same key, waits (polling)
    /// for its value up to the lock's lifetime, or `maxWaitMilliseconds` when shorter (a worker
    /// must not wait past its task's lease), so concurrent identical misses compute once.
    public func lookup(_ key: CacheKey, maxWaitMilliseconds: Int? = nil) async -> Lookup {
        let token = UUID().uuidString
        var delay = Duration.milliseconds(5)
        let deadline = ContinuousClock.now + .milliseconds(min(lockMilliseconds, maxWaitMilliseconds ?? lockMilliseconds))
        while true {
            guard breaker.allows() else {
                bypasses.increment()
                return .bypassed
            }
            let reply: RedisValue
            do {
                reply = try await redis.run(
                    CacheScripts.lookup,
                    arguments: key.scope + [key.text, token, lockMilliseconds])
                breaker.succeeded()
            } catch {
                breaker.failed()
                bypasses.increment()
                logger.warning("Cache lookup failed, running the step uncached: \(error)")
                return .bypassed
            }
            flushHitCountsIfDue()
            guard let parts = reply.array, parts.count == 3, let suffix = parts[2].string else { return .bypassed }
            if parts[0].integer == 1, let text = parts[1].string {
                if let stored = try? JSONValue.parse(text), let output = stored["o"] {
                    hits.increment()
                    return .hit(output)
                }
                // Unreadable entry: compute afresh (the new value overwrites it).
                return .miss(Ticket(suffix: suffix, token: token))
            }
            if parts[1].integer == 1 || ContinuousClock.now >= deadline {
                return .miss(Ticket(suffix: suffix, token: token))
            }
            // Another worker is computing this key: wait for its value.
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .milliseconds(200))
        }
    }

    /// Records a computed output (nil: the computation failed, store nothing) and releases the
    /// single-flight lock. Indexes stored entries in `cache_index`.
    public func complete(_ key: CacheKey, ticket: Ticket, output: JSONValue?, ttlSeconds: Double) async {
        misses.increment()
        let value = output.map { JSONValue.object(["o": $0, "c": .int(Int64(Date().timeIntervalSince1970 * 1000))]).serialized() } ?? ""
        let ttl = max(1, Int(ttlSeconds * 1000))
        do {
            _ = try await redis.run(
                CacheScripts.complete,
                arguments: key.scope + [key.text, ticket.suffix, value, ttl, ticket.token])
            breaker.succeeded()
        } catch {
            breaker.failed()
            logger.warning("Could not store a cache entry: \(error)")
            return
        }
        guard output != nil else { return }
        do {
            try await CacheIndexQueries.upsert(
                key: key.text, tenantID: key.tenantID, workflowVersionID: key.workflowVersionID, stepID: key.stepID,
                ttlSeconds: ttlSeconds, sizeBytes: value.utf8.count, on: postgres)
        } catch {
            logger.warning("Could not index a cache entry: \(error)")
        }
    }

    /// Runs ``flushHitCounts()`` at most every 5 s, in the background.
    private func flushHitCountsIfDue() {
        let due = lastFlush.withLock { last -> Bool in
            if let last, last.duration(to: .now) < .seconds(5) { return false }
            last = .now
            return true
        }
        guard due else { return }
        Task { try? await self.flushHitCounts() }
    }

    /// Moves the batched hit counts to `cache_index` now, drops index rows whose entries have
    /// expired, and refreshes the evictions gauge.
    public func flushHitCounts() async throws {
        evictions.record(try await evictedKeys())
        try await CacheIndexQueries.pruneExpired(on: postgres)
        guard let flat = try await redis.run(CacheScripts.drainHitCounts).array else { return }
        var counts: [String: Int] = [:]
        var index = 0
        while index + 1 < flat.count {
            if let key = flat[index].string, let hits = flat[index + 1].string.flatMap(Int.init) { counts[key, default: 0] += hits }
            index += 2
        }
        try await CacheIndexQueries.addHits(counts, on: postgres)
    }
}

extension CacheKey {
    /// Tenant, version and step as they appear in the key text (escaped): the names of the
    /// generation counters and statistics the Redis scripts use.
    var scope: [any RedisArgument] {
        [Self.escape(tenantID), workflowVersionID.uuidString.lowercased(), Self.escape(stepID)]
    }
}
