import { ServiceDefinition } from '@dsaas/server';
import { AuthServerServiceModule } from './auth-server-service.module';
import { AuthServerServiceConfig } from './config/auth-server-service.config';

export const authServerService: ServiceDefinition<AuthServerServiceConfig> = {
  name: 'auth-server',
  configClass: AuthServerServiceConfig,
  module: (config) => AuthServerServiceModule.forRoot(config),
};
