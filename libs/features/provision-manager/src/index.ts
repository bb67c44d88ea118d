export * from './provision-manager.config';
export * from './provision-manager-service.module';
export * from './database/provision-manager.schema';
export * from './database/provision-manager.database';
export * from './provision-manager.service-definition';
