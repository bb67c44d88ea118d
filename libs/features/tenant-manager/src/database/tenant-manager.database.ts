import { CreateOutboxTable1764000000000, OutboxMessageEntity } from '@dsaas/messaging';

/** Entities of the tenant-manager's schema. */
export const TenantManagerEntities = [OutboxMessageEntity];

/** Hand-written migrations of the tenant-manager's schema, in order. */
export const TenantManagerMigrations = [CreateOutboxTable1764000000000];
