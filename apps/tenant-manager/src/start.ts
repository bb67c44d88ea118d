import { INestApplication } from '@nestjs/common';
import { tenantManagerService } from '@dsaas/feature-tenant-manager';
import { startService } from '@dsaas/server';

/** Starts the tenant-manager on its own (its own port, database schema and event bus connection). */
export function startTenantManager(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(tenantManagerService, env);
}
