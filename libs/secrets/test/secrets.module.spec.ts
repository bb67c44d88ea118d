import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import { SECRET_STORE, SecretStore, SecretsModule, secretsOptionsFromEnv } from '../src';
import { startKv2StandIn } from './kv2-stand-in.server';

@Injectable()
class NeedsSecrets {
  constructor(@Inject(SECRET_STORE) readonly secrets: SecretStore) {}
}

// A feature module that does not import SecretsModule: the store is global.
@Module({ providers: [NeedsSecrets], exports: [NeedsSecrets] })
class FeatureModule {}

describeWithServices(['postgres'], 'SecretsModule', () => {
  let db: TestDatabase;
  const key = randomBytes(32).toString('base64');

  beforeAll(async () => (db = await createTestDatabase('secrets_module')));
  afterAll(() => db?.drop());

  it('provides the embedded store from environment settings, and closes its pool on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        SecretsModule.forRootAsync({
          useFactory: () =>
            secretsOptionsFromEnv({ SECRETS_BACKEND: 'embedded', SECRETS_ENCRYPTION_KEY: key, DATABASE_URL: db.url }),
        }),
        FeatureModule,
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const { secrets } = app.get(NeedsSecrets);
    await secrets.put('ctx-module', 'k', 'v');
    expect(await secrets.get('ctx-module', 'k')).toBe('v');

    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const connections = async () =>
      (
        await sql.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'dsaas-secrets'",
          [db.name],
        )
      ).rows[0].n;
    try {
      expect(await connections()).toBeGreaterThan(0);
      await app.close();
      // A closed client only sends Terminate; its server process leaves pg_stat_activity a moment later.
      const deadline = Date.now() + 5000;
      while ((await connections()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await connections()).toBe(0);
      const stored = await sql.query('SELECT key FROM secrets.secret');
      expect(stored.rows).toEqual([{ key: 'k' }]);
    } finally {
      await sql.end();
    }
  });

  it('provides the Vault store when SECRETS_BACKEND=vault', async () => {
    const vault = await startKv2StandIn();
    try {
      const moduleRef = await Test.createTestingModule({
        imports: [
          SecretsModule.forRoot(
            secretsOptionsFromEnv({ SECRETS_BACKEND: 'vault', VAULT_ADDR: vault.address, VAULT_TOKEN: vault.rootToken }),
          ),
        ],
      }).compile();
      const store = moduleRef.get<SecretStore>(SECRET_STORE);
      await store.put('ctx-module', 'k', 'in vault');
      expect(vault.entries.get('|secret/dsaas/participants/ctx-module/k')).toEqual({ value: 'in vault' });
      await moduleRef.close();
    } finally {
      await vault.close();
    }
  });
});

describe('secretsOptionsFromEnv', () => {
  it('fails fast, naming the missing or bad variable', () => {
    expect(() => secretsOptionsFromEnv({ DATABASE_URL: 'postgres://x' })).toThrow(/SECRETS_ENCRYPTION_KEY/);
    expect(() => secretsOptionsFromEnv({ SECRETS_BACKEND: 'vault', VAULT_TOKEN: 't' })).toThrow(/VAULT_ADDR/);
    expect(() => secretsOptionsFromEnv({ SECRETS_BACKEND: 'vault', VAULT_ADDR: 'http://v' })).toThrow(/VAULT_TOKEN/);
    expect(() => secretsOptionsFromEnv({ SECRETS_BACKEND: 'aws' })).toThrow(/SECRETS_BACKEND/);
  });

  it('reads rotation keys and Vault settings', () => {
    expect(
      secretsOptionsFromEnv({
        SECRETS_ENCRYPTION_KEY: 'a',
        SECRETS_PREVIOUS_ENCRYPTION_KEYS: 'b, c',
        DATABASE_URL: 'postgres://x',
      }),
    ).toMatchObject({ backend: 'embedded', encryptionKey: 'a', previousEncryptionKeys: ['b', 'c'] });
    expect(
      secretsOptionsFromEnv({
        SECRETS_BACKEND: 'vault',
        VAULT_ADDR: 'https://vault:8200',
        VAULT_ROLE_ID: 'r',
        VAULT_SECRET_ID: 's',
        VAULT_NAMESPACE: 'ns1',
      }),
    ).toMatchObject({ backend: 'vault', appRole: { roleId: 'r', secretId: 's' }, namespace: 'ns1' });
  });

  it('rejects a malformed encryption key when the store is created, before touching the database', async () => {
    await expect(
      Test.createTestingModule({
        imports: [
          SecretsModule.forRoot({ backend: 'embedded', encryptionKey: 'dG9vIHNob3J0', databaseUrl: 'postgres://nowhere:1/x' }),
        ],
      }).compile(),
    ).rejects.toThrow(/SECRETS_ENCRYPTION_KEY must decode to 32 bytes/);
  });
});
