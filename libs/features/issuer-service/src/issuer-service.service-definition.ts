import { ServiceDefinition } from '@dsaas/server';
import { IssuerServiceConfig } from './issuer-service.config';
import { IssuerServiceServiceModule } from './issuer-service-service.module';

export const issuerServiceService: ServiceDefinition<IssuerServiceConfig> = {
  name: 'issuer-service',
  configClass: IssuerServiceConfig,
  module: (config) => IssuerServiceServiceModule.forRoot(config),
};
