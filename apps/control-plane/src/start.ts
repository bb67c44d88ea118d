import { INestApplication } from '@nestjs/common';
import { controlPlaneService } from '@dsaas/feature-control-plane';
import { startService } from '@dsaas/server';

/** Starts the control-plane on its own (its own port, database schema and event bus connection). */
export function startControlPlane(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(controlPlaneService, env);
}
