import { CreateOutboxTable1764000000000, OutboxMessageEntity } from '@dsaas/messaging';

/** Entities of the activity-agent's schema. */
export const ActivityAgentEntities = [OutboxMessageEntity];

/** Hand-written migrations of the activity-agent's schema, in order. */
export const ActivityAgentMigrations = [CreateOutboxTable1764000000000];
