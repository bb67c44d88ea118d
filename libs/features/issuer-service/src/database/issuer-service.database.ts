/** Entities of the issuer-service's schema (the outbox is added by ServiceRuntimeModule). */
export const IssuerServiceEntities = [] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the issuer-service's schema, in order. */
export const IssuerServiceMigrations = [] as (new (...args: any[]) => unknown)[];
