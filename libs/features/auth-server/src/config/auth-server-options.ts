export type SigningAlgorithm = 'ES256' | 'RS256';

export interface AuthServerOptions {
  /** `iss` of every token: the public base URL of the auth-server (JWKS at `<issuer>/.well-known/jwks.json`). */
  issuer: string;
  /** `aud` of every token. Default `dsaas`. */
  audience?: string;
  /** Access token lifetime. Default 3600. */
  tokenTtlSeconds?: number;
  /** Base64 32-byte key that encrypts signing private keys at rest (`openssl rand -base64 32`). */
  keyEncryptionKey: string;
  /** Older key-encryption keys, still accepted for reading while keys encrypted under them remain. */
  previousKeyEncryptionKeys?: string[];
  /** Default ES256. */
  signingAlgorithm?: SigningAlgorithm;
  /** Rotate the signing key automatically this often; 0 or unset: only on request. */
  keyRotationIntervalSeconds?: number;
  /** Extra time a retired key stays in the JWKS beyond the token lifetime (clock skew, in-flight signing). Default 60. */
  keyRetirementGraceSeconds?: number;
  /** Credentials of the admin client created on first start; generated (and handed out once) when unset. */
  bootstrapClientId?: string;
  bootstrapClientSecret?: string;
  /** Scopes of that admin client. Default {@link DEFAULT_BOOTSTRAP_SCOPES}. */
  bootstrapClientScopes?: string[];
}

export type ResolvedAuthServerOptions = Required<Omit<AuthServerOptions, 'bootstrapClientId' | 'bootstrapClientSecret'>> &
  Pick<AuthServerOptions, 'bootstrapClientId' | 'bootstrapClientSecret'>;

export const AUTH_SERVER_OPTIONS = Symbol.for('dsaas.AuthServerOptions');

export const AUTH_ADMIN_SCOPE_READ = 'auth-admin-api:read';
export const AUTH_ADMIN_SCOPE_WRITE = 'auth-admin-api:write';

/** The operator's first credential may do everything an admin does on every API of the platform. */
export const DEFAULT_BOOTSTRAP_SCOPES = [
  AUTH_ADMIN_SCOPE_READ,
  AUTH_ADMIN_SCOPE_WRITE,
  'tenant-manager-api:read',
  'tenant-manager-api:write',
  'provision-manager-api:read',
  'provision-manager-api:write',
  'management-api:read',
  'management-api:write',
  'identity-api:read',
  'identity-api:write',
  'issuer-admin-api:read',
  'issuer-admin-api:write',
  // Data Plane Signaling (control plane ↔ data planes): on the platform the services use this client.
  'signaling-api:read',
  'signaling-api:write',
];

/** Applies defaults and checks the options once, so a bad setting fails start-up with a usable message. */
export function resolveAuthServerOptions(options: AuthServerOptions): ResolvedAuthServerOptions {
  const problems: string[] = [];
  try {
    const url = new URL(options.issuer);
    if (!/^https?:$/.test(url.protocol)) problems.push('issuer must be an http(s) URL');
  } catch {
    problems.push('issuer must be an absolute URL');
  }
  const ttl = options.tokenTtlSeconds ?? 3600;
  if (!Number.isInteger(ttl) || ttl < 1) problems.push('tokenTtlSeconds must be a positive integer');
  const rotation = options.keyRotationIntervalSeconds ?? 0;
  if (!Number.isInteger(rotation) || rotation < 0) problems.push('keyRotationIntervalSeconds must be a non-negative integer');
  const grace = options.keyRetirementGraceSeconds ?? 60;
  if (!Number.isInteger(grace) || grace < 0) problems.push('keyRetirementGraceSeconds must be a non-negative integer');
  const algorithm = options.signingAlgorithm ?? 'ES256';
  if (algorithm !== 'ES256' && algorithm !== 'RS256') problems.push('signingAlgorithm must be ES256 or RS256');
  if (!options.keyEncryptionKey) problems.push('keyEncryptionKey is required');
  if (options.bootstrapClientSecret && !options.bootstrapClientId) problems.push('bootstrapClientSecret needs bootstrapClientId');
  if (options.bootstrapClientSecret !== undefined && options.bootstrapClientSecret.length < 16) {
    problems.push('bootstrapClientSecret must be at least 16 characters');
  }
  if (problems.length) throw new Error(`Invalid auth-server configuration: ${problems.join('; ')}`);
  return {
    issuer: options.issuer.replace(/\/+$/, ''),
    audience: options.audience ?? 'dsaas',
    tokenTtlSeconds: ttl,
    keyEncryptionKey: options.keyEncryptionKey,
    previousKeyEncryptionKeys: options.previousKeyEncryptionKeys ?? [],
    signingAlgorithm: algorithm,
    keyRotationIntervalSeconds: rotation,
    keyRetirementGraceSeconds: grace,
    bootstrapClientId: options.bootstrapClientId,
    bootstrapClientSecret: options.bootstrapClientSecret,
    bootstrapClientScopes: options.bootstrapClientScopes ?? DEFAULT_BOOTSTRAP_SCOPES,
  };
}
