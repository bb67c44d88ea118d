export * from './control-plane.config';
export * from './control-plane-service.module';
export * from './database/control-plane.schema';
export * from './database/control-plane.database';
export * from './control-plane.service-definition';
