import { CreateOutboxTable1764000000000, OutboxMessageEntity } from '@dsaas/messaging';

/** Entities of the issuer-service's schema. */
export const IssuerServiceEntities = [OutboxMessageEntity];

/** Hand-written migrations of the issuer-service's schema, in order. */
export const IssuerServiceMigrations = [CreateOutboxTable1764000000000];
