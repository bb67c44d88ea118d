/** Entities of the tenant-manager's schema (the outbox is added by ServiceRuntimeModule). */
export const TenantManagerEntities = [] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the tenant-manager's schema, in order. */
export const TenantManagerMigrations = [] as (new (...args: any[]) => unknown)[];
