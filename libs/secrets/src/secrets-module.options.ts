import { DataSource } from 'typeorm';
import { VaultSecretStoreOptions } from './vault/vault-secret-store.options';

export interface EmbeddedSecretsOptions {
  backend: 'embedded';
  /** base64 of 32 random bytes (SECRETS_ENCRYPTION_KEY); encrypts every write. */
  encryptionKey: string;
  /** Retired keys still needed to read older rows during a rotation. */
  previousEncryptionKeys?: string[];
  /** The store opens its own small pool on schema `secrets`, running its migrations... */
  databaseUrl?: string;
  /** ...or uses the app's data source, which must include SECRETS_ENTITIES and SECRETS_MIGRATIONS. */
  dataSource?: DataSource;
}

export interface VaultSecretsOptions extends VaultSecretStoreOptions {
  backend: 'vault';
}

export type SecretsOptions = EmbeddedSecretsOptions | VaultSecretsOptions;
