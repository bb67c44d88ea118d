import { INestApplication } from '@nestjs/common';
import { dataPlaneService } from '@dsaas/feature-data-plane';
import { startService } from '@dsaas/server';

/** Starts the data-plane on its own (its own port, database schema and event bus connection). */
export function startDataPlane(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(dataPlaneService, env);
}
