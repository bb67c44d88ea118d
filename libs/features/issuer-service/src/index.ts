export * from './issuer-service.config';
export * from './issuer-service-service.module';
export * from './database/issuer-service.schema';
export * from './database/issuer-service.database';
export * from './issuer-service.service-definition';
