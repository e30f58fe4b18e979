import Redis

/// The cache's Redis scripts. Each runs atomically in one round trip.
///
/// Layout (DESIGN.md §6, ADR WF-CACHE-007): a value lives at
/// `mc:cache:val:{logical key}#{g1}.{g2}.{g3}`, where g1..g3 are the generation counters of its
/// tenant, workflow version and step (`mc:cache:gen:...`, absent = 0). Prefix invalidation
/// increments one counter, so every entry under that prefix becomes unreachable at once (O(1),
/// no keyspace scan) and is reclaimed by its TTL or by `allkeys-lru`. The scripts build key names
/// from their arguments, which standalone Redis allows (Redis Cluster would need hash tags).
enum CacheScripts {
    /// ARGV: tenant, version, step, logical key, lock token, lock ms.
    /// Returns `{1, value, suffix}` on a hit (counted), else `{0, lockAcquired, suffix}`.
    static let lookup = RedisScript("""
        local t, v, s, logical = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
        local g = redis.call('MGET', 'mc:cache:gen:' .. t, 'mc:cache:gen:' .. t .. ':' .. v, 'mc:cache:gen:' .. t .. ':' .. v .. ':' .. s)
        local suffix = '#' .. (g[1] or '0') .. '.' .. (g[2] or '0') .. '.' .. (g[3] or '0')
        local value = redis.call('GET', 'mc:cache:val:' .. logical .. suffix)
        if value then
          redis.call('HINCRBY', 'mc:cache:stats:' .. t, v .. '|' .. s .. '|hits', 1)
          redis.call('HINCRBY', 'mc:cache:hitcounts', logical, 1)
          return {1, value, suffix}
        end
        local locked = redis.call('SET', 'mc:cache:lock:' .. logical .. suffix, ARGV[5], 'NX', 'PX', ARGV[6])
        if locked then return {0, 1, suffix} end
        return {0, 0, suffix}
        """)

    /// ARGV: tenant, version, step, logical key, suffix, value ('' to store nothing), ttl ms, lock token.
    /// Counts a miss, stores the value (when given) and releases the lock if this caller holds it.
    static let complete = RedisScript("""
        local t, v, s, logical, suffix = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
        redis.call('HINCRBY', 'mc:cache:stats:' .. t, v .. '|' .. s .. '|misses', 1)
        if ARGV[6] ~= '' then redis.call('SET', 'mc:cache:val:' .. logical .. suffix, ARGV[6], 'PX', ARGV[7]) end
        local lock = 'mc:cache:lock:' .. logical .. suffix
        if redis.call('GET', lock) == ARGV[8] then redis.call('DEL', lock) end
        return 1
        """)

    /// ARGV: tenant, version, step, logical key. Deletes the current entry; returns 1 if it existed.
    static let invalidateKey = RedisScript("""
        local t, v, s, logical = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
        local g = redis.call('MGET', 'mc:cache:gen:' .. t, 'mc:cache:gen:' .. t .. ':' .. v, 'mc:cache:gen:' .. t .. ':' .. v .. ':' .. s)
        local suffix = '#' .. (g[1] or '0') .. '.' .. (g[2] or '0') .. '.' .. (g[3] or '0')
        return redis.call('DEL', 'mc:cache:val:' .. logical .. suffix)
        """)

    /// Takes the batched hit counts for the index (the hash is renamed away atomically, so hits
    /// counted meanwhile go to a fresh hash). Returns a flat field/value array.
    static let drainHitCounts = RedisScript("""
        if redis.call('EXISTS', 'mc:cache:hitcounts') == 0 then return {} end
        redis.call('RENAME', 'mc:cache:hitcounts', 'mc:cache:hitcounts:draining')
        local all = redis.call('HGETALL', 'mc:cache:hitcounts:draining')
        redis.call('DEL', 'mc:cache:hitcounts:draining')
        return all
        """)
}
