import { INestApplication } from '@nestjs/common';
import { authServerService } from '@dsaas/feature-auth-server';
import { startService } from '@dsaas/server';

/** Starts the auth-server on its own (its own port, database schema and event bus connection). */
export function startAuthServer(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(authServerService, env);
}
