export * from './data-plane.config';
export * from './data-plane-service.module';
export * from './database/data-plane.schema';
export * from './database/data-plane.database';
export * from './data-plane.service-definition';
