import { SecretsOptions } from './secrets-module.options';

type Environment = Record<string, string | undefined>;

function required(env: Environment, name: string, why: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is required ${why}`);
  return value;
}

/**
 * Reads the secrets settings from the environment (SECRETS_BACKEND, SECRETS_ENCRYPTION_KEY,
 * SECRETS_PREVIOUS_ENCRYPTION_KEYS, DATABASE_URL, VAULT_*). Errors name the variable so start-up fails clearly.
 */
export function secretsOptionsFromEnv(env: Environment = process.env): SecretsOptions {
  const backend = (env.SECRETS_BACKEND ?? 'embedded').trim();
  if (backend === 'embedded') {
    return {
      backend,
      encryptionKey: required(env, 'SECRETS_ENCRYPTION_KEY', 'when SECRETS_BACKEND=embedded (openssl rand -base64 32)'),
      previousEncryptionKeys: (env.SECRETS_PREVIOUS_ENCRYPTION_KEYS ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      databaseUrl: required(env, 'DATABASE_URL', 'when SECRETS_BACKEND=embedded'),
    };
  }
  if (backend === 'vault') {
    const roleId = env.VAULT_ROLE_ID?.trim();
    const token = env.VAULT_TOKEN?.trim();
    if (!roleId && !token) throw new Error('VAULT_TOKEN (or VAULT_ROLE_ID + VAULT_SECRET_ID) is required when SECRETS_BACKEND=vault');
    const timeout = env.VAULT_REQUEST_TIMEOUT_MS ? Number(env.VAULT_REQUEST_TIMEOUT_MS) : undefined;
    if (timeout !== undefined && !(timeout > 0)) throw new Error('VAULT_REQUEST_TIMEOUT_MS must be a positive number');
    return {
      backend,
      address: required(env, 'VAULT_ADDR', 'when SECRETS_BACKEND=vault'),
      token,
      appRole: roleId ? { roleId, secretId: env.VAULT_SECRET_ID, mountPath: env.VAULT_APPROLE_MOUNT } : undefined,
      namespace: env.VAULT_NAMESPACE || undefined,
      mount: env.VAULT_KV_MOUNT || undefined,
      pathPrefix: env.VAULT_PATH_PREFIX || undefined,
      requestTimeoutMs: timeout,
    };
  }
  throw new Error(`SECRETS_BACKEND must be "embedded" or "vault", got "${backend}"`);
}
