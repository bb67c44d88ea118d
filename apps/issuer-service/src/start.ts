import { INestApplication } from '@nestjs/common';
import { issuerServiceService } from '@dsaas/feature-issuer-service';
import { startService } from '@dsaas/server';

/** Starts the issuer-service on its own (its own port, database schema and event bus connection). */
export function startIssuerService(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(issuerServiceService, env);
}
