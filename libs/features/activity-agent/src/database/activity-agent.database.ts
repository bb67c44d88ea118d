/** Entities of the activity-agent's schema (the outbox is added by ServiceRuntimeModule). */
export const ActivityAgentEntities = [] as Function[];

/** Hand-written migrations of the activity-agent's schema, in order. */
export const ActivityAgentMigrations = [] as Function[];
