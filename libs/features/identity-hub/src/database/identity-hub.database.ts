/** Entities of the identity-hub's schema (the outbox is added by ServiceRuntimeModule). */
export const IdentityHubEntities = [] as Function[];

/** Hand-written migrations of the identity-hub's schema, in order. */
export const IdentityHubMigrations = [] as Function[];
