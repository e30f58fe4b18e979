-- Compensation (sagas, issue 7, DESIGN.md §6): the compensate handlers of each published version,
-- and one compensation run per execution with its ordered plan. Per-step progress lives in
-- step_runs.compensation_status and the execution's in executions.compensation_state.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

-- Written at publish, one row per step that declares `compensate`.
CREATE TABLE IF NOT EXISTS compensation_handlers (
    tenant_id            text NOT NULL REFERENCES tenants (id),
    version_id           uuid NOT NULL REFERENCES workflow_versions (id),
    step_id              text NOT NULL,
    handler_config_json  jsonb NOT NULL,
    CONSTRAINT compensation_handlers_pkey PRIMARY KEY (version_id, step_id)
);

-- A compensation of one execution (and, nested, of its sub-workflows): why it started, the
-- plan in the order it runs, and how far it got. At most one per execution, which is what makes
-- a repeated trigger or a repeated manual call harmless.
CREATE TABLE IF NOT EXISTS compensations (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    execution_id   uuid NOT NULL REFERENCES executions (id),
    -- error | cancel | manual
    trigger        text NOT NULL,
    -- [{"executionId", "stepId", "label"}] in the order the handlers run.
    plan           jsonb NOT NULL,
    -- sequential | parallel
    mode           text NOT NULL,
    parallelism    bigint NOT NULL DEFAULT 1,
    -- RUNNING | COMPLETED | FAILED
    status         text NOT NULL,
    requested_by   text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    CONSTRAINT compensations_execution_key UNIQUE (execution_id)
);
