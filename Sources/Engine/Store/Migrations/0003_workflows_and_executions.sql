-- Workflows, their immutable versions, executions, step runs, the append-only event log and
-- the audit log (DESIGN.md §5). Every row carries tenant_id; every query filters by it.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE IF NOT EXISTS workflows (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workflows_tenant_name_key UNIQUE (tenant_id, name)
);

CREATE TABLE IF NOT EXISTS workflow_versions (
    id            uuid PRIMARY KEY,
    tenant_id     text NOT NULL,
    workflow_id   uuid NOT NULL REFERENCES workflows (id),
    version       text NOT NULL,
    -- The parsed version, for ordering and range resolution without parsing text in SQL.
    major         bigint NOT NULL,
    minor         bigint NOT NULL,
    patch         bigint NOT NULL,
    prerelease    text,
    definition    jsonb NOT NULL,
    published_by  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workflow_versions_workflow_version_key UNIQUE (workflow_id, version)
);

CREATE TABLE IF NOT EXISTS executions (
    id                   uuid PRIMARY KEY,
    tenant_id            text NOT NULL,
    workflow_version_id  uuid NOT NULL REFERENCES workflow_versions (id),
    -- PENDING | RUNNING | SUCCEEDED | FAILED | CANCELLED
    status               text NOT NULL,
    input                jsonb NOT NULL,
    output               jsonb,
    error                jsonb,
    parent_execution_id  uuid REFERENCES executions (id),
    parent_step_id       text,
    root_execution_id    uuid,
    depth                bigint NOT NULL DEFAULT 0,
    -- NONE | REQUESTED | RUNNING | COMPLETED | FAILED
    compensation_state   text NOT NULL DEFAULT 'NONE',
    idempotency_key      text,
    trace_id             text NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    started_at           timestamptz,
    finished_at          timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS executions_idempotency_idx ON executions (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS executions_parent_idx ON executions (parent_execution_id) WHERE parent_execution_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS executions_version_idx ON executions (workflow_version_id);

CREATE TABLE IF NOT EXISTS step_runs (
    id                   uuid PRIMARY KEY,
    tenant_id            text NOT NULL,
    execution_id         uuid NOT NULL REFERENCES executions (id),
    step_id              text NOT NULL,
    iteration            bigint NOT NULL DEFAULT 0,
    -- RUNNING | SUCCEEDED | FAILED
    status               text NOT NULL,
    attempts             bigint NOT NULL DEFAULT 0,
    input                jsonb,
    output               jsonb,
    error                jsonb,
    cache_key            text,
    cache_hit            boolean,
    child_execution_id   uuid,
    compensation_status  text,
    started_at           timestamptz,
    finished_at          timestamptz,
    CONSTRAINT step_runs_execution_step_key UNIQUE (execution_id, step_id, iteration)
);

-- Append-only. Each event carries the SHA-256 of the previous event of the same execution, so
-- `mc executions verify` can prove the log was not edited.
CREATE TABLE IF NOT EXISTS execution_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text NOT NULL,
    execution_id   uuid NOT NULL REFERENCES executions (id),
    sequence       bigint NOT NULL,
    event_type     text NOT NULL,
    step_id        text,
    payload        jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    previous_hash  text NOT NULL,
    hash           text NOT NULL,
    CONSTRAINT execution_events_sequence_key UNIQUE (execution_id, sequence)
);

CREATE TABLE IF NOT EXISTS audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    target      text,
    decision    text NOT NULL,
    details     jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS audit_log_tenant_idx ON audit_log (tenant_id, created_at);
