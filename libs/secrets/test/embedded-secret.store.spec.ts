import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import {
  EmbeddedSecretStore,
  SecretCipher,
  SecretDecryptionException,
  SecretKeyUnavailableException,
  SECRETS_ENTITIES,
  SECRETS_MIGRATIONS,
  SECRETS_SCHEMA,
} from '../src';
import { secretStoreContract } from './secret-store.contract';

const newKey = () => randomBytes(32).toString('base64');

describeWithServices(['postgres'], 'EmbeddedSecretStore (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sql: Client;
  const masterKey = newKey();
  let store: EmbeddedSecretStore;

  const rawRow = async (ctx: string, key: string) =>
    (
      await sql.query('SELECT * FROM secrets.secret WHERE participant_context_id = $1 AND key = $2', [ctx, key])
    ).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase('secrets');
    dataSource = await openServiceDataSource({
      url: db.url,
      schema: SECRETS_SCHEMA,
      entities: SECRETS_ENTITIES,
      migrations: SECRETS_MIGRATIONS,
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    store = new EmbeddedSecretStore(dataSource, SecretCipher.fromBase64(masterKey));
  });

  afterAll(async () => {
    await sql?.end();
    await dataSource?.destroy();
    await db?.drop();
  });

  describe('contract', () => secretStoreContract(() => store));

  it('has migrations that match the entities (no drift)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('never stores the value in clear, and uses a fresh IV for every write', async () => {
    const value = 'super-secret-value-1234567890';
    await store.put('ctx-clear', 'password', value);
    const first = await rawRow('ctx-clear', 'password');
    const dump = JSON.stringify(first) + Buffer.concat([first.ciphertext, first.iv, first.auth_tag]).toString('latin1');
    expect(dump).not.toContain(value);
    expect(first.iv).toHaveLength(12);
    expect(first.auth_tag).toHaveLength(16);

    await store.put('ctx-clear', 'password', value);
    const second = await rawRow('ctx-clear', 'password');
    expect(second.iv.equals(first.iv)).toBe(false);
    expect(second.ciphertext.equals(first.ciphertext)).toBe(false);
  });

  it('refuses a tampered ciphertext instead of returning garbage', async () => {
    await store.put('ctx-tamper', 'token', 'original');
    const row = await rawRow('ctx-tamper', 'token');
    const flipped = Buffer.from(row.ciphertext);
    flipped[0] ^= 0x01;
    await sql.query('UPDATE secrets.secret SET ciphertext = $1 WHERE participant_context_id = $2', [flipped, 'ctx-tamper']);
    await expect(store.get('ctx-tamper', 'token')).rejects.toBeInstanceOf(SecretDecryptionException);
  });

  it('refuses a row copied into another context, or under another key name', async () => {
    await store.put('ctx-victim', 'signing-key', 'victim private key');
    await sql.query(
      `INSERT INTO secrets.secret (participant_context_id, key, key_id, iv, auth_tag, ciphertext)
       SELECT 'ctx-attacker', key, key_id, iv, auth_tag, ciphertext FROM secrets.secret
       WHERE participant_context_id = 'ctx-victim' AND key = 'signing-key'
       UNION ALL
       SELECT 'ctx-victim', 'renamed', key_id, iv, auth_tag, ciphertext FROM secrets.secret
       WHERE participant_context_id = 'ctx-victim' AND key = 'signing-key'`,
    );
    await expect(store.get('ctx-attacker', 'signing-key')).rejects.toBeInstanceOf(SecretDecryptionException);
    await expect(store.get('ctx-victim', 'renamed')).rejects.toBeInstanceOf(SecretDecryptionException);
    expect(await store.get('ctx-victim', 'signing-key')).toBe('victim private key');
  });

  it('refuses to read with the wrong master key, naming the missing key', async () => {
    await store.put('ctx-wrong-key', 'pw', 'value');
    const misconfigured = new EmbeddedSecretStore(dataSource, SecretCipher.fromBase64(newKey()));
    const error = await misconfigured.get('ctx-wrong-key', 'pw').catch((e) => e);
    expect(error).toBeInstanceOf(SecretKeyUnavailableException);
    expect(error.message).toContain('SECRETS_ENCRYPTION_KEY');
    expect(error.message).toContain((await rawRow('ctx-wrong-key', 'pw')).key_id);
  });

  it('rotates keys: reads with a previous key, re-encrypts on write and in bulk', async () => {
    const rotated = newKey();
    await store.put('ctx-rotate', 'written-again', 'old-1');
    await store.put('ctx-rotate', 'left-alone', 'old-2');
    const oldKeyId = (await rawRow('ctx-rotate', 'left-alone')).key_id;

    const afterRotation = new EmbeddedSecretStore(dataSource, SecretCipher.fromBase64(rotated, [masterKey]));
    expect(await afterRotation.get('ctx-rotate', 'left-alone')).toBe('old-2');
    await afterRotation.put('ctx-rotate', 'written-again', 'new-1');
    expect((await rawRow('ctx-rotate', 'written-again')).key_id).not.toBe(oldKeyId);
    expect((await rawRow('ctx-rotate', 'left-alone')).key_id).toBe(oldKeyId);

    // Batch size 2 so the keyset paging crosses batches; the tampered and moved rows of earlier tests are reported.
    const result = await afterRotation.reencryptWithCurrentKey(2);
    expect(result.reencrypted).toBeGreaterThanOrEqual(2);
    expect(result.failed).toEqual(
      expect.arrayContaining([{ participantContextId: 'ctx-tamper', key: 'token', code: 'secret_decryption_failed' }]),
    );
    const onlyNewKey = new EmbeddedSecretStore(dataSource, SecretCipher.fromBase64(rotated));
    expect(await onlyNewKey.get('ctx-rotate', 'left-alone')).toBe('old-2');
    expect(await onlyNewKey.get('ctx-rotate', 'written-again')).toBe('new-1');
  });

  it('fails fast on a master key that is not 32 bytes of base64, naming the setting', () => {
    expect(() => SecretCipher.fromBase64(randomBytes(16).toString('base64'))).toThrow(/SECRETS_ENCRYPTION_KEY.*32 bytes/);
    expect(() => SecretCipher.fromBase64('not base64!')).toThrow(/SECRETS_ENCRYPTION_KEY/);
    expect(() => SecretCipher.fromBase64(newKey(), ['short'])).toThrow(/SECRETS_PREVIOUS_ENCRYPTION_KEYS/);
  });

  it('is unhealthy when the database is gone', async () => {
    const other = await createTestDatabase('secrets_down');
    const ds = await openServiceDataSource({
      url: other.url,
      schema: SECRETS_SCHEMA,
      entities: SECRETS_ENTITIES,
      migrations: SECRETS_MIGRATIONS,
    });
    const doomed = new EmbeddedSecretStore(ds, SecretCipher.fromBase64(masterKey));
    expect(await doomed.isHealthy()).toBe(true);
    await ds.destroy();
    await other.drop();
    expect(await doomed.isHealthy()).toBe(false);
  });
});
