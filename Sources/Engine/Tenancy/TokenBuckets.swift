import Foundation
import Redis
import Synchronization

/// Token buckets for admission, one per (tenant, priority class): shared by every process through
/// an atomic Lua script in Redis, which also uses Redis's clock so processes need not agree on
/// time. When Redis does not answer, each process falls back to buckets of its own (so a tenant
/// can get up to one burst per process) rather than failing or admitting everything.
public final class TokenBuckets: Sendable {
    /// What a bucket said.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Denied; a token will be there after this many seconds.
        case denied(retryAfter: Double)
    }

    private let redis: RedisClient?
    private let local = Mutex<[String: (tokens: Double, at: ContinuousClock.Instant)]>([:])

    init(redis: RedisClient?) {
        self.redis = redis
    }

    /// Takes one token from `key`'s bucket (refilled at `rate` per second, holding at most
    /// `burst`), but only if `reserve` (a share of the burst) is left afterwards: lower priority
    /// classes ask for a reserve, so under pressure they are refused first.
    public func take(_ key: String, rate: Double, burst: Int, reserve: Double = 0) async -> Decision {
        if let redis {
            do {
                let reply = try await redis.run(
                    Self.script, keys: ["mc:bucket:" + key], arguments: [String(rate), String(burst), String(reserve * Double(burst))])
                if let values = reply.array, values.count == 2, let allowed = values[0].integer, let waitMs = values[1].integer {
                    return allowed == 1 ? .allowed : .denied(retryAfter: Double(waitMs) / 1000)
                }
            } catch {
                // Fall through to this process's own bucket.
            }
        }
        return takeLocally(key, rate: rate, burst: burst, reserve: reserve * Double(burst))
    }

    private func takeLocally(_ key: String, rate: Double, burst: Int, reserve: Double) -> Decision {
        local.withLock { buckets in
            let now = ContinuousClock.now
            var bucket = buckets[key] ?? (Double(burst), now)
            let elapsed = Double((now - bucket.at).components.attoseconds) / 1e18 + Double((now - bucket.at).components.seconds)
            bucket.tokens = min(Double(burst), bucket.tokens + elapsed * rate)
            bucket.at = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 + reserve else { return .denied(retryAfter: (1 + reserve - bucket.tokens) / rate) }
            bucket.tokens -= 1
            return .allowed
        }
    }

    /// KEYS[1]: the bucket; ARGV: rate per second, burst, tokens that must remain. Returns `{allowed, wait ms}`.
    static let script = RedisScript("""
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local rate, burst, reserve = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3] or '0')
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or burst
        local at = tonumber(state[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
        local allowed, wait = 0, 0
        if tokens >= 1 + reserve then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 + reserve - tokens) * 1000 / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
        return {allowed, wait}
        """)
}
