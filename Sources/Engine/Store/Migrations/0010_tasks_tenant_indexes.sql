-- maestro:no-transaction
-- Fair claims (issue 9) walk the ready tasks tenant by tenant and count each tenant's running
-- tasks against its concurrency cap; these partial indexes make both cheap however long the
-- queue. Built CONCURRENTLY so adding them never blocks a live queue (hence no transaction).
SET lock_timeout = '5s';
SET statement_timeout = '1h';
CREATE INDEX CONCURRENTLY IF NOT EXISTS tasks_ready_tenant_idx ON tasks (queue, tenant_id, priority, run_at, id) WHERE state = 'ready';
CREATE INDEX CONCURRENTLY IF NOT EXISTS tasks_running_tenant_idx ON tasks (tenant_id) WHERE state = 'running';
RESET statement_timeout;
RESET lock_timeout;
