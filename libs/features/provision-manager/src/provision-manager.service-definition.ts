import { ServiceDefinition } from '@dsaas/server';
import { ProvisionManagerConfig } from './provision-manager.config';
import { ProvisionManagerServiceModule } from './provision-manager-service.module';

export const provisionManagerService: ServiceDefinition<ProvisionManagerConfig> = {
  name: 'provision-manager',
  configClass: ProvisionManagerConfig,
  module: (config) => ProvisionManagerServiceModule.forRoot(config),
};
