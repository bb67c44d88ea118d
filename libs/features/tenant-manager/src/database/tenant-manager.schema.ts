/** The tenant-manager's own Postgres schema; no other service reads it. */
export const TENANT_MANAGER_SCHEMA = 'tenant_manager';
