import { TransientException } from '@dsaas/model';
import { VaultSecretStore } from '../src';
import { startKv2StandIn, Kv2StandIn } from './kv2-stand-in.server';
import { secretStoreContract } from './secret-store.contract';

const vaultAddr = process.env.VAULT_ADDR;
const describeWithVault = vaultAddr ? describe : describe.skip;

describeWithVault(
  vaultAddr ? `VaultSecretStore against the Vault at ${vaultAddr}` : 'VaultSecretStore against a real Vault (skipped: VAULT_ADDR not set)',
  () => {
    let store: VaultSecretStore;
    beforeAll(() => {
      store = new VaultSecretStore({
      address: vaultAddr ?? 'http://127.0.0.1:8200',
      token: process.env.VAULT_TOKEN,
      appRole: process.env.VAULT_ROLE_ID
        ? { roleId: process.env.VAULT_ROLE_ID, secretId: process.env.VAULT_SECRET_ID }
        : undefined,
      namespace: process.env.VAULT_NAMESPACE,
      mount: process.env.VAULT_KV_MOUNT ?? 'secret',
      pathPrefix: `dsaas-test/run-${process.pid}`,
      });
    });
    secretStoreContract(() => store);
  },
);

describe('VaultSecretStore against an in-process KV v2 stand-in', () => {
  let vault: Kv2StandIn;
  let store: VaultSecretStore;

  beforeAll(async () => {
    vault = await startKv2StandIn({ namespace: 'tenants/acme' });
    store = new VaultSecretStore({
      address: vault.address,
      token: vault.rootToken,
      namespace: 'tenants/acme',
      pathPrefix: 'dsaas/participants',
    });
  });
  afterAll(() => vault.close());
  afterEach(() => (vault.failWith = undefined));

  describe('contract', () => secretStoreContract(() => store));

  it('writes each context under its own folder of the KV v2 mount, in the configured namespace', async () => {
    await store.put('ctx-path', 'client-secret', 's3cr3t');
    expect(vault.entries.get('tenants/acme|secret/dsaas/participants/ctx-path/client-secret')).toEqual({
      value: 's3cr3t',
    });
  });

  it('ignores sub-folders that are not secrets of the context', async () => {
    await store.put('ctx-nested', 'mine', '1');
    vault.entries.set('tenants/acme|secret/dsaas/participants/ctx-nested/other/thing', { value: 'x' });
    expect(await store.list('ctx-nested')).toEqual(['mine']);
  });

  it('logs in with AppRole and logs in again when the token has expired', async () => {
    const appRoleStore = new VaultSecretStore({
      address: vault.address,
      appRole: vault.appRole,
      namespace: 'tenants/acme',
    });
    await appRoleStore.put('ctx-approle', 'k', 'v1');
    vault.expireTokens();
    expect(await appRoleStore.get('ctx-approle', 'k')).toBe('v1');
  });

  it('fails with a permission error for a bad token, and reports itself unhealthy', async () => {
    const badToken = new VaultSecretStore({ address: vault.address, token: 'nope', namespace: 'tenants/acme' });
    await expect(badToken.get('ctx-a', 'k')).rejects.toThrow(/403/);
    expect(await badToken.isHealthy()).toBe(false);
  });

  it('maps an unavailable Vault to a TransientException so callers retry', async () => {
    vault.failWith = 503;
    await expect(store.get('ctx-a', 'k')).rejects.toBeInstanceOf(TransientException);
    expect(await store.isHealthy()).toBe(false);
  });

  it('maps an unreachable Vault to a TransientException', async () => {
    const unreachable = new VaultSecretStore({ address: 'http://127.0.0.1:1', token: 't', requestTimeoutMs: 500 });
    await expect(unreachable.put('ctx-a', 'k', 'v')).rejects.toBeInstanceOf(TransientException);
    expect(await unreachable.isHealthy()).toBe(false);
  });

  it('refuses a configuration without credentials or with a malformed mount', () => {
    expect(() => new VaultSecretStore({ address: vault.address })).toThrow(/VAULT_TOKEN/);
    expect(() => new VaultSecretStore({ address: vault.address, token: 't', mount: '../sys' })).toThrow(/mount/);
  });
});
