/** Entities of the issuer-service's schema (the outbox is added by ServiceRuntimeModule). */
export const IssuerServiceEntities = [] as Function[];

/** Hand-written migrations of the issuer-service's schema, in order. */
export const IssuerServiceMigrations = [] as Function[];
