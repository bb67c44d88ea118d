/** Entities of the provision-manager's schema (the outbox is added by ServiceRuntimeModule). */
export const ProvisionManagerEntities = [] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the provision-manager's schema, in order. */
export const ProvisionManagerMigrations = [] as (new (...args: any[]) => unknown)[];
