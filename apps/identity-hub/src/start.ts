import { INestApplication } from '@nestjs/common';
import { identityHubService } from '@dsaas/feature-identity-hub';
import { startService } from '@dsaas/server';

/** Starts the identity-hub on its own (its own port, database schema and event bus connection). */
export function startIdentityHub(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(identityHubService, env);
}
