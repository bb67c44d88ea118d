export * from './identity-hub.config';
export * from './identity-hub-service.module';
export * from './database/identity-hub.schema';
export * from './database/identity-hub.database';
export * from './identity-hub.service-definition';
export * from './identity-hub.module';
