import { ServiceDefinition } from '@dsaas/server';
import { ActivityAgentConfig } from './activity-agent.config';
import { ActivityAgentServiceModule } from './activity-agent-service.module';

export const activityAgentService: ServiceDefinition<ActivityAgentConfig> = {
  name: 'activity-agent',
  configClass: ActivityAgentConfig,
  module: (config) => ActivityAgentServiceModule.forRoot(config),
};
