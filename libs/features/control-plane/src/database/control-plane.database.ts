import { CreateOutboxTable1764000000000, OutboxMessageEntity } from '@dsaas/messaging';

/** Entities of the control-plane's schema. */
export const ControlPlaneEntities = [OutboxMessageEntity];

/** Hand-written migrations of the control-plane's schema, in order. */
export const ControlPlaneMigrations = [CreateOutboxTable1764000000000];
