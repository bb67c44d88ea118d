/** Entities of the activity-agent's schema (the outbox is added by ServiceRuntimeModule). */
export const ActivityAgentEntities = [] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the activity-agent's schema, in order. */
export const ActivityAgentMigrations = [] as (new (...args: any[]) => unknown)[];
