/** Entities of the tenant-manager's schema (the outbox is added by ServiceRuntimeModule). */
export const TenantManagerEntities = [] as Function[];

/** Hand-written migrations of the tenant-manager's schema, in order. */
export const TenantManagerMigrations = [] as Function[];
