-- Sub-workflows (issue 6, DESIGN.md §4–§6): the version each parent step is pinned to, the link
-- from a child execution to the forEach element and attempt it runs for, and one circuit breaker
-- per (tenant, child version).
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

-- Written at publish: every `subworkflow` step of a parent version resolves its range to one
-- published child version, and executions of that parent version always call it.
CREATE TABLE IF NOT EXISTS subworkflow_edges (
    tenant_id          text NOT NULL REFERENCES tenants (id),
    parent_version_id  uuid NOT NULL REFERENCES workflow_versions (id),
    step_id            text NOT NULL,
    child_workflow_id  uuid NOT NULL REFERENCES workflows (id),
    child_version_id   uuid NOT NULL REFERENCES workflow_versions (id),
    range              text NOT NULL,
    -- The step's input mapping (templates), as published.
    mapping_json       jsonb NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT subworkflow_edges_pkey PRIMARY KEY (parent_version_id, step_id)
);
-- The compatibility check on publish: which parents depend on some version of this workflow.
CREATE INDEX IF NOT EXISTS subworkflow_edges_child_idx ON subworkflow_edges (tenant_id, child_workflow_id);

-- A child execution runs for one forEach element (0 without forEach) and one attempt of its
-- parent step; the parent collects outputs in element order and retries element by element.
ALTER TABLE executions ADD COLUMN IF NOT EXISTS parent_iteration bigint;
ALTER TABLE executions ADD COLUMN IF NOT EXISTS parent_attempt bigint;
-- Started as a sub-workflow (by a parent step or the invoke API): its end is reported to its
-- parent step and counted by the child version's circuit breaker.
ALTER TABLE executions ADD COLUMN IF NOT EXISTS invoked boolean NOT NULL DEFAULT false;

-- Circuit breakers: a row appears with the first failure of a child version and counts outcomes
-- over a window; state CLOSED | OPEN | HALF_OPEN (one probe in flight).
CREATE TABLE IF NOT EXISTS subworkflow_breakers (
    tenant_id           text NOT NULL REFERENCES tenants (id),
    child_version_id    uuid NOT NULL REFERENCES workflow_versions (id),
    state               text NOT NULL DEFAULT 'CLOSED',
    window_started_at   timestamptz NOT NULL DEFAULT now(),
    successes           bigint NOT NULL DEFAULT 0,
    failures            bigint NOT NULL DEFAULT 0,
    opened_at           timestamptz,
    probe_execution_id  uuid,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT subworkflow_breakers_pkey PRIMARY KEY (tenant_id, child_version_id)
);
