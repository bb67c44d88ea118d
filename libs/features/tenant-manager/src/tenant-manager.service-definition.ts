import { ServiceDefinition } from '@dsaas/server';
import { TenantManagerConfig } from './tenant-manager.config';
import { TenantManagerServiceModule } from './tenant-manager-service.module';

export const tenantManagerService: ServiceDefinition<TenantManagerConfig> = {
  name: 'tenant-manager',
  configClass: TenantManagerConfig,
  module: (config) => TenantManagerServiceModule.forRoot(config),
};
