-- Tenant isolation (issue 9): tiers and the limits they grant. A tenant's tier is tenants.tier;
-- editing a tier (or moving a tenant) takes effect within seconds, without a restart.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE IF NOT EXISTS tenant_tiers (
    name                    text PRIMARY KEY,
    -- Share of worker time under contention (fair scheduling).
    weight                  bigint NOT NULL,
    -- Largest execution input (bytes of JSON) admitted.
    max_payload_bytes       bigint NOT NULL,
    max_steps_per_workflow  bigint NOT NULL,
    max_fan_out             bigint NOT NULL,
    max_depth               bigint NOT NULL,
    max_concurrent_steps    bigint NOT NULL,
    -- Token bucket for admissions (starting and invoking executions): refill rate and size.
    rate_per_second         double precision NOT NULL,
    burst                   bigint NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now()
);

INSERT INTO tenant_tiers
    (name, weight, max_payload_bytes, max_steps_per_workflow, max_fan_out, max_depth, max_concurrent_steps, rate_per_second, burst)
VALUES
    ('free',       1,    65536,  50,   100,  3,   10,    5,    20),
    ('standard',   2,  1048576, 200,  1000,  8,  100,  200,   400),
    ('enterprise', 4, 10485760, 500, 10000, 16, 1000, 2000,  4000)
ON CONFLICT (name) DO NOTHING;
