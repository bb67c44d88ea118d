import { ServiceDefinition } from '@dsaas/server';
import { DataPlaneConfig } from './data-plane.config';
import { DataPlaneServiceModule } from './data-plane-service.module';

export const dataPlaneService: ServiceDefinition<DataPlaneConfig> = {
  name: 'data-plane',
  configClass: DataPlaneConfig,
  module: (config) => DataPlaneServiceModule.forRoot(config),
};
