-- maestro:no-transaction
-- Listing a tenant's executions newest first (GET /api/executions, Query.executions) walks this
-- index with a keyset cursor instead of sorting the tenant's whole history. Built CONCURRENTLY so
-- adding it never blocks writes to a live executions table (hence no transaction). The session
-- settings are reset afterwards because the connection goes back to the pool.
SET lock_timeout = '5s';
SET statement_timeout = '1h';
CREATE INDEX CONCURRENTLY IF NOT EXISTS executions_tenant_created_idx ON executions (tenant_id, created_at DESC, id DESC);
RESET statement_timeout;
RESET lock_timeout;
