/** The provision-manager's own Postgres schema; no other service reads it. */
export const PROVISION_MANAGER_SCHEMA = 'provision_manager';
