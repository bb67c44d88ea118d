export * from './secret-store';
export * from './secret-address';
export * from './secret-decryption.exception';
export * from './secret-key-unavailable.exception';
export * from './embedded/secret-cipher';
export * from './embedded/secret.entity';
export * from './embedded/secrets-persistence';
export * from './embedded/embedded-secret.store';
