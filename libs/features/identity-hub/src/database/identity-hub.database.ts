import { CreateOutboxTable1764000000000, OutboxMessageEntity } from '@dsaas/messaging';

/** Entities of the identity-hub's schema. */
export const IdentityHubEntities = [OutboxMessageEntity];

/** Hand-written migrations of the identity-hub's schema, in order. */
export const IdentityHubMigrations = [CreateOutboxTable1764000000000];
