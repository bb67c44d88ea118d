export * from './tenant-manager.config';
export * from './tenant-manager-service.module';
export * from './database/tenant-manager.schema';
export * from './database/tenant-manager.database';
export * from './tenant-manager.service-definition';
