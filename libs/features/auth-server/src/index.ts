export * from './persistence/auth-server-persistence';
export * from './persistence/client.entity';
export * from './persistence/signing-key.entity';
export * from './persistence/create-auth-server-tables.migration';
