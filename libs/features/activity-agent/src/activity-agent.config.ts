import { ServiceConfig } from '@dsaas/server';

/** Configuration of the activity-agent (environment variables). */
export class ActivityAgentConfig extends ServiceConfig {
  override PORT = 8083;
}
