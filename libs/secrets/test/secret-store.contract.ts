import { randomBytes } from 'crypto';
import { ValidationException } from '@dsaas/model';
import { SecretStore } from '../src';

/** Behaviour every SecretStore backend must show; each backend's spec calls this inside its describe. */
export function secretStoreContract(store: () => SecretStore): void {
  // Unique per run so a shared backend (a real Vault) never sees another run's data.
  const run = randomBytes(4).toString('hex');
  const contextA = `ctx-a-${run}`;
  const contextB = `ctx-b-${run}`;

  afterAll(async () => {
    await store().deleteNamespace(contextA);
    await store().deleteNamespace(contextB);
  });

  it('returns what was put, and the latest value after an overwrite', async () => {
    await store().put(contextA, 'api-key', 'first');
    await store().put(contextA, 'api-key', 'second');
    expect(await store().get(contextA, 'api-key')).toBe('second');
  });

  it('keeps any string intact, including non-ASCII and empty values', async () => {
    const value = 'päss wörd 🔑\n{"json":true}';
    await store().put(contextA, 'unicode', value);
    await store().put(contextA, 'empty', '');
    expect(await store().get(contextA, 'unicode')).toBe(value);
    expect(await store().get(contextA, 'empty')).toBe('');
  });

  it('answers undefined for a secret that does not exist', async () => {
    expect(await store().get(contextA, 'never-written')).toBeUndefined();
    expect(await store().get(`ctx-unknown-${run}`, 'api-key')).toBeUndefined();
  });

  it('keeps contexts apart: the same key name in another context is another secret', async () => {
    await store().put(contextA, 'client-secret', 'secret-of-a');
    expect(await store().get(contextB, 'client-secret')).toBeUndefined();
    await store().put(contextB, 'client-secret', 'secret-of-b');
    expect(await store().get(contextA, 'client-secret')).toBe('secret-of-a');
    expect(await store().get(contextB, 'client-secret')).toBe('secret-of-b');
    expect(await store().list(contextB)).toEqual(['client-secret']);
  });

  it('lists the context’s own keys, sorted', async () => {
    const ctx = `ctx-list-${run}`;
    expect(await store().list(ctx)).toEqual([]);
    await store().put(ctx, 'zeta', '1');
    await store().put(ctx, 'alpha', '2');
    await store().put(ctx, 'did:web:example.com:key-1', '3');
    expect(await store().list(ctx)).toEqual(['alpha', 'did:web:example.com:key-1', 'zeta']);
    await store().deleteNamespace(ctx);
  });

  it('deletes one secret, and deleting a missing secret is not an error', async () => {
    await store().put(contextA, 'to-delete', 'x');
    await store().delete(contextA, 'to-delete');
    expect(await store().get(contextA, 'to-delete')).toBeUndefined();
    expect(await store().list(contextA)).not.toContain('to-delete');
    await expect(store().delete(contextA, 'to-delete')).resolves.toBeUndefined();
  });

  it('deleteNamespace removes every secret of that context and nothing of another', async () => {
    const gone = `ctx-gone-${run}`;
    await store().put(gone, 'one', '1');
    await store().put(gone, 'two', '2');
    await store().put(contextB, 'survivor', 'still here');
    await store().deleteNamespace(gone);
    expect(await store().list(gone)).toEqual([]);
    expect(await store().get(gone, 'one')).toBeUndefined();
    expect(await store().get(contextB, 'survivor')).toBe('still here');
    await expect(store().deleteNamespace(gone)).resolves.toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['parent directory', '..'],
    ['path traversal', '../ctx-b'],
    ['slash', 'a/b'],
    ['backslash', 'a\\b'],
    ['NUL byte', 'a\0b'],
    ['whitespace', 'a b'],
    ['URL characters', 'a?b=c'],
    ['too long', 'x'.repeat(129)],
  ])('rejects a participant context id with %s', async (_, ctx) => {
    await expect(store().put(ctx, 'k', 'v')).rejects.toBeInstanceOf(ValidationException);
    await expect(store().get(ctx, 'k')).rejects.toBeInstanceOf(ValidationException);
    await expect(store().list(ctx)).rejects.toBeInstanceOf(ValidationException);
    await expect(store().deleteNamespace(ctx)).rejects.toBeInstanceOf(ValidationException);
  });

  it.each([
    ['empty', ''],
    ['path traversal', '../../other/key'],
    ['slash', 'dir/key'],
    ['dot-dot inside', 'a..b'],
    ['fragment character', 'key#1'],
    ['newline', 'key\n'],
    ['too long', 'k'.repeat(256)],
  ])('rejects a secret key with %s and stores nothing', async (_, key) => {
    await expect(store().put(contextA, key, 'v')).rejects.toBeInstanceOf(ValidationException);
    await expect(store().get(contextA, key)).rejects.toBeInstanceOf(ValidationException);
    await expect(store().delete(contextA, key)).rejects.toBeInstanceOf(ValidationException);
  });

  it('rejects a value that is not a string', async () => {
    await expect(store().put(contextA, 'k', 42 as unknown as string)).rejects.toBeInstanceOf(ValidationException);
  });

  it('reports itself healthy', async () => {
    expect(await store().isHealthy()).toBe(true);
  });
}
