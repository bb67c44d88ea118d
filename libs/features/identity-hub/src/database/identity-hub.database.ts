/** Entities of the identity-hub's schema (the outbox is added by ServiceRuntimeModule). */
export const IdentityHubEntities = [] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the identity-hub's schema, in order. */
export const IdentityHubMigrations = [] as (new (...args: any[]) => unknown)[];
