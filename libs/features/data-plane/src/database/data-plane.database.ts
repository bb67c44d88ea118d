import { CreateOutboxTable1764000000000, OutboxMessageEntity } from '@dsaas/messaging';

/** Entities of the data-plane's schema. */
export const DataPlaneEntities = [OutboxMessageEntity];

/** Hand-written migrations of the data-plane's schema, in order. */
export const DataPlaneMigrations = [CreateOutboxTable1764000000000];
