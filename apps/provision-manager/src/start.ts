import { INestApplication } from '@nestjs/common';
import { provisionManagerService } from '@dsaas/feature-provision-manager';
import { startService } from '@dsaas/server';

/** Starts the provision-manager on its own (its own port, database schema and event bus connection). */
export function startProvisionManager(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(provisionManagerService, env);
}
