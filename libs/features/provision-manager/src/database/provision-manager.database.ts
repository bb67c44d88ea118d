import { CreateOutboxTable1764000000000, OutboxMessageEntity } from '@dsaas/messaging';

/** Entities of the provision-manager's schema. */
export const ProvisionManagerEntities = [OutboxMessageEntity];

/** Hand-written migrations of the provision-manager's schema, in order. */
export const ProvisionManagerMigrations = [CreateOutboxTable1764000000000];
