-- The deterministic step-result cache's index (issue 8): one row per stored entry, for analytics
-- (entries, bytes, TTL distribution, hits) and prefix invalidation. The values themselves live
-- in Redis; hit counts are added here in batches, never with a write per hit.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE IF NOT EXISTS cache_index (
    cache_key            text PRIMARY KEY,
    tenant_id            text NOT NULL REFERENCES tenants (id),
    workflow_version_id  uuid NOT NULL,
    step_id              text NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    ttl_at               timestamptz NOT NULL,
    size_bytes           bigint NOT NULL,
    hit_count            bigint NOT NULL DEFAULT 0,
    last_hit_at          timestamptz
);

-- Analytics per tenant, version and step; prefix invalidation walks the key's text order.
CREATE INDEX IF NOT EXISTS cache_index_scope_idx ON cache_index (tenant_id, workflow_version_id, step_id);
CREATE INDEX IF NOT EXISTS cache_index_key_prefix_idx ON cache_index (cache_key text_pattern_ops);
-- Pruning rows whose entries have expired in Redis.
CREATE INDEX IF NOT EXISTS cache_index_ttl_idx ON cache_index (ttl_at);
