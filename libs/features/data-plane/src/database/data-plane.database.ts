/** Entities of the data-plane's schema (the outbox is added by ServiceRuntimeModule). */
export const DataPlaneEntities = [] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the data-plane's schema, in order. */
export const DataPlaneMigrations = [] as (new (...args: any[]) => unknown)[];
