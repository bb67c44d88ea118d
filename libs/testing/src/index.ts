export * from './services';
export * from './test-database';
export * from './service-under-test';
export * from './standalone-service-basics';
export * from './dataspace-fixture';
export * from './service-process';
export * from './data-servers';
