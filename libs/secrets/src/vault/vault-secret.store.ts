import nodeVault from 'node-vault';
import { TransientException } from '@dsaas/model';
import { assertParticipantContextId, assertSecretKey, assertSecretValue } from '../secret-address';
import { SecretStore } from '../secret-store';
import { VaultSecretStoreOptions } from './vault-secret-store.options';

const PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

interface VaultResponseError extends Error {
  response?: { statusCode: number; body?: unknown };
}

function statusOf(error: unknown): number | undefined {
  return (error as VaultResponseError)?.response?.statusCode;
}

/**
 * Secrets in HashiCorp Vault's KV version 2 engine, one folder per participant context:
 * `<mount>/data/<prefix>/<participantContextId>/<key>` holding `{ value }`. A Vault policy can confine a
 * context's own token to its folder; this adapter confines every call to the folder it names.
 */
export class VaultSecretStore implements SecretStore {
  private readonly client: nodeVault.client;
  private readonly mount: string;
  private readonly prefix: string;
  private loggedIn: Promise<void> | undefined;

  constructor(private readonly options: VaultSecretStoreOptions) {
    this.mount = options.mount ?? 'secret';
    this.prefix = options.pathPrefix ?? 'dsaas/participants';
    for (const [setting, value] of [
      ['mount', this.mount],
      ['pathPrefix', this.prefix],
    ]) {
      if (!PATH.test(value)) throw new Error(`Vault ${setting} "${value}" must be path segments of [A-Za-z0-9_-]`);
    }
    if (!options.token && !options.appRole) {
      throw new Error('Vault secret store needs a token (VAULT_TOKEN) or an AppRole (VAULT_ROLE_ID)');
    }
    this.client = nodeVault({
      endpoint: options.address,
      token: options.appRole ? undefined : options.token,
      namespace: options.namespace,
      // GET ?list=1 instead of the LIST verb, which proxies and load balancers often reject.
      noCustomHTTPVerbs: true,
      requestOptions: { timeout: options.requestTimeoutMs ?? 5000 },
    });
  }

  async get(participantContextId: string, key: string): Promise<string | undefined> {
    assertParticipantContextId(participantContextId);
    assertSecretKey(key);
    const body = await this.call('read', () => this.client.read(this.dataPath(participantContextId, key)), {
      notFound: undefined,
    });
    const value = body?.data?.data?.value;
    return typeof value === 'string' ? value : undefined;
  }

  async put(participantContextId: string, key: string, value: string): Promise<void> {
    assertParticipantContextId(participantContextId);
    assertSecretKey(key);
    assertSecretValue(value);
    await this.call('write', () => this.client.write(this.dataPath(participantContextId, key), { data: { value } }));
  }

  async delete(participantContextId: string, key: string): Promise<void> {
    assertParticipantContextId(participantContextId);
    assertSecretKey(key);
    await this.deleteKey(participantContextId, key);
  }

  async list(participantContextId: string): Promise<string[]> {
    assertParticipantContextId(participantContextId);
    const body = await this.call(
      'list',
      () => this.client.list(`${this.mount}/metadata/${this.prefix}/${participantContextId}`),
      { notFound: undefined },
    );
    const keys: unknown[] = body?.data?.keys ?? [];
    // Sub-folders ("x/") are not ours: keys never contain "/".
    return keys.filter((k): k is string => typeof k === 'string' && !k.endsWith('/')).sort();
  }

  async deleteNamespace(participantContextId: string): Promise<void> {
    assertParticipantContextId(participantContextId);
    const keys = await this.list(participantContextId);
    for (let i = 0; i < keys.length; i += 10) {
      await Promise.all(keys.slice(i, i + 10).map((key) => this.deleteKey(participantContextId, key)));
    }
  }

  async isHealthy(): Promise<boolean> {
    try {
      const health = await this.client.health({ standbyok: true, perfstandbyok: true });
      if (!health?.initialized || health?.sealed) return false;
      // Also proves the token (or AppRole) still works against our folder.
      await this.call('list', () => this.client.list(`${this.mount}/metadata/${this.prefix}`), {
        notFound: undefined,
      });
      return true;
    } catch {
      return false;
    }
  }

  private dataPath(participantContextId: string, key: string): string {
    return `${this.mount}/data/${this.prefix}/${participantContextId}/${key}`;
  }

  private async deleteKey(participantContextId: string, key: string): Promise<void> {
    // Deleting the metadata removes every version, not just the latest.
    await this.call(
      'delete',
      () => this.client.delete(`${this.mount}/metadata/${this.prefix}/${participantContextId}/${key}`),
      { notFound: undefined },
    );
  }

  private login(): Promise<void> {
    const appRole = this.options.appRole;
    if (!appRole) return Promise.resolve();
    this.loggedIn ??= this.client
      .approleLogin({ role_id: appRole.roleId, secret_id: appRole.secretId, mount_point: appRole.mountPath })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.loggedIn = undefined;
        throw error;
      });
    return this.loggedIn;
  }

  private async call(
    operation: string,
    request: () => Promise<any>,
    handle: { notFound?: undefined } = {},
  ): Promise<any> {
    const notFoundIsEmpty = 'notFound' in handle;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.login();
        return await request();
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 && notFoundIsEmpty) return undefined;
        // An AppRole token may have expired: log in again once.
        if (status === 403 && this.options.appRole && attempt === 0) {
          this.loggedIn = undefined;
          continue;
        }
        if (status === undefined || status >= 500 || status === 429) {
          throw new TransientException(`Vault ${operation} failed: ${(error as Error).message}`);
        }
        throw new Error(`Vault ${operation} answered ${status}: ${(error as Error).message}`);
      }
    }
  }
}
