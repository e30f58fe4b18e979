-- The durable queue workers claim from (DESIGN.md §6). One row per unit of work: a step run, a
-- compensation, a finalisation. Rows are claimed with FOR UPDATE SKIP LOCKED under a lease; the
-- attempt number is the fencing token that makes a completion from a worker whose lease expired
-- a no-op.
-- Fail fast instead of queueing behind long transactions and blocking every writer meanwhile.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE IF NOT EXISTS tasks (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         text NOT NULL,
    queue             text NOT NULL DEFAULT 'default',
    kind              text NOT NULL,
    -- The execution the task belongs to, if any (cancelling an execution cancels its ready tasks).
    execution_id      uuid,
    -- 0 critical, 1 standard, 2 batch: lower runs first.
    priority          bigint NOT NULL DEFAULT 1,
    -- ready | running | completed | failed | cancelled
    state             text NOT NULL DEFAULT 'ready',
    payload           jsonb NOT NULL DEFAULT '{}',
    attempt           bigint NOT NULL DEFAULT 0,
    max_attempts      bigint NOT NULL DEFAULT 1,
    run_at            timestamptz NOT NULL DEFAULT now(),
    leased_by         text,
    lease_expires_at  timestamptz,
    last_error        text,
    unique_key        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz
);

CREATE INDEX IF NOT EXISTS tasks_ready_idx ON tasks (queue, priority, run_at, id) WHERE state = 'ready';
CREATE INDEX IF NOT EXISTS tasks_lease_idx ON tasks (lease_expires_at) WHERE state = 'running';
CREATE INDEX IF NOT EXISTS tasks_execution_idx ON tasks (execution_id) WHERE execution_id IS NOT NULL AND state = 'ready';
CREATE UNIQUE INDEX IF NOT EXISTS tasks_unique_key_idx ON tasks (tenant_id, unique_key) WHERE unique_key IS NOT NULL;
