-- maestro:no-transaction
-- Listing a tenant's executions newest first (GET /api/executions, Query.executions) walks this
-- index with a keyset cursor instead of sorting the tenant's whole history. Built CONCURRENTLY so
-- adding it never blocks writes to a live executions table (hence no transaction).
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS executions_tenant_created_idx ON executions (tenant_id, created_at DESC, id DESC);
RESET lock_timeout;
