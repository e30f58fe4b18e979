-- Fair scheduling (issue 9): each tenant's virtual time per queue. A claim serves the ready tasks
-- with the smallest finish tags (virtual time + position / weight), so tenants share workers in
-- proportion to their tiers' weights however deep one tenant's backlog is.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE IF NOT EXISTS tenant_queue_state (
    queue         text NOT NULL,
    tenant_id     text NOT NULL,
    virtual_time  double precision NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenant_queue_state_pkey PRIMARY KEY (queue, tenant_id)
);
