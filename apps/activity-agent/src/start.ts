import { INestApplication } from '@nestjs/common';
import { activityAgentService } from '@dsaas/feature-activity-agent';
import { startService } from '@dsaas/server';

/** Starts the activity-agent on its own (its own port, database schema and event bus connection). */
export function startActivityAgent(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  return startService(activityAgentService, env);
}
