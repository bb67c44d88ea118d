/** Entities of the provision-manager's schema (the outbox is added by ServiceRuntimeModule). */
export const ProvisionManagerEntities = [] as Function[];

/** Hand-written migrations of the provision-manager's schema, in order. */
export const ProvisionManagerMigrations = [] as Function[];
