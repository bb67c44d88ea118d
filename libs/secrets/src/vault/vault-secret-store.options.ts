export interface VaultAppRoleOptions {
  roleId: string;
  secretId?: string;
  /** Auth mount of the AppRole method (default `approle`). */
  mountPath?: string;
}

export interface VaultSecretStoreOptions {
  /** e.g. https://vault.example.com:8200 */
  address: string;
  /** Token auth; ignored when `appRole` is given. */
  token?: string;
  appRole?: VaultAppRoleOptions;
  /** Vault Enterprise namespace, sent as X-Vault-Namespace. */
  namespace?: string;
  /** KV version 2 mount (default `secret`). */
  mount?: string;
  /** Folder under the mount holding one sub-folder per participant context (default `dsaas/participants`). */
  pathPrefix?: string;
  /** Every call to Vault gives up after this long (default 5000 ms). */
  requestTimeoutMs?: number;
}
