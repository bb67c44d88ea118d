import { ServiceDefinition } from '@dsaas/server';
import { IdentityHubConfig } from './identity-hub.config';
import { IdentityHubServiceModule } from './identity-hub-service.module';

export const identityHubService: ServiceDefinition<IdentityHubConfig> = {
  name: 'identity-hub',
  configClass: IdentityHubConfig,
  module: (config) => IdentityHubServiceModule.forRoot(config),
};
