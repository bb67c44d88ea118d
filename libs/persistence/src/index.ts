export * from './data-source-options';
export * from './ensure-schema';
export * from './service-data-source';
export * from './persistence.module';
export * from './embedded-database';
