-- Priority classes (issue 9): an execution's class (0 critical, 1 standard, 2 batch) is given to
-- every task it enqueues, and each tier caps how many ready tasks a tenant may have queued before
-- new work is shed, batch first.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

ALTER TABLE executions ADD COLUMN IF NOT EXISTS priority bigint NOT NULL DEFAULT 1;
ALTER TABLE tenant_tiers ADD COLUMN IF NOT EXISTS max_queue_depth bigint NOT NULL DEFAULT 10000;
UPDATE tenant_tiers SET max_queue_depth = 1000 WHERE name = 'free';
UPDATE tenant_tiers SET max_queue_depth = 100000 WHERE name = 'enterprise';
