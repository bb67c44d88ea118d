import { DataSource } from 'typeorm';
import { openServiceDataSource } from '@dsaas/persistence';
import { EmbeddedSecretStore } from './embedded/embedded-secret.store';
import { SecretCipher } from './embedded/secret-cipher';
import { SECRETS_ENTITIES, SECRETS_MIGRATIONS, SECRETS_SCHEMA } from './embedded/secrets-persistence';
import { SecretStore } from './secret-store';
import { SecretsOptions } from './secrets-module.options';
import { VaultSecretStore } from './vault/vault-secret.store';

export interface OpenedSecretStore {
  store: SecretStore;
  /** Releases what the store opened itself (its database pool); a data source passed in stays open. */
  close(): Promise<void>;
}

/** Builds the configured backend; used by SecretsModule and by code outside Nest. */
export async function createSecretStore(options: SecretsOptions): Promise<OpenedSecretStore> {
  if (options.backend === 'vault') {
    return { store: new VaultSecretStore(options), close: async () => undefined };
  }
  if (options.backend !== 'embedded') {
    throw new Error(`unknown secrets backend "${(options as { backend: unknown }).backend}" (embedded | vault)`);
  }
  // Parse keys before touching the database: a bad key fails start-up at once.
  const cipher = SecretCipher.fromBase64(options.encryptionKey, options.previousEncryptionKeys ?? []);
  let owned: DataSource | undefined;
  let dataSource = options.dataSource;
  if (!dataSource) {
    if (!options.databaseUrl) throw new Error('the embedded secrets backend needs DATABASE_URL (or a data source)');
    owned = await openServiceDataSource({
      url: options.databaseUrl,
      schema: SECRETS_SCHEMA,
      entities: SECRETS_ENTITIES,
      migrations: SECRETS_MIGRATIONS,
      poolSize: 4,
    });
    dataSource = owned;
  }
  return {
    store: new EmbeddedSecretStore(dataSource, cipher),
    close: async () => {
      if (owned?.isInitialized) await owned.destroy();
    },
  };
}
