// Decorator metadata (which types env strings convert to) is only recorded once reflect-metadata is loaded.
import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@dsaas/server';
import { AuthServerOptions, SigningAlgorithm } from './auth-server-options';

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);

/** The auth-server's environment variables (besides every service's: AUTH_ISSUER_URL, AUTH_AUDIENCE, ...). */
export class AuthServerServiceConfig extends ServiceConfig {
  override PORT = 8080;

  /** Encrypts the token signing keys at rest: `openssl rand -base64 32`. */
  @Matches(BASE64_32_BYTES, { message: 'AUTH_KEY_ENCRYPTION_KEY must be a base64-encoded 32-byte key (openssl rand -base64 32)' })
  AUTH_KEY_ENCRYPTION_KEY: string;

  /** Comma-separated older key-encryption keys, still read during a key-encryption-key rotation. */
  @IsOptional()
  @Transform(list)
  @Matches(BASE64_32_BYTES, { each: true, message: 'AUTH_PREVIOUS_KEY_ENCRYPTION_KEYS must be base64-encoded 32-byte keys' })
  AUTH_PREVIOUS_KEY_ENCRYPTION_KEYS?: string[];

  @IsInt()
  @Min(1)
  AUTH_TOKEN_TTL_SECONDS = 3600;

  @IsIn(['ES256', 'RS256'])
  AUTH_SIGNING_ALGORITHM: SigningAlgorithm = 'ES256';

  /** 0: rotate only through the admin API. */
  @IsInt()
  @Min(0)
  AUTH_KEY_ROTATION_INTERVAL_SECONDS = 0;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._~-]{1,128}$/, { message: 'AUTH_BOOTSTRAP_CLIENT_ID must be 1-128 characters of A-Z a-z 0-9 . _ ~ -' })
  AUTH_BOOTSTRAP_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  AUTH_BOOTSTRAP_CLIENT_SECRET?: string;
}

/** Our tokens' `iss`: the configured issuer URL, else this service's public URL. */
export function issuerOf(config: AuthServerServiceConfig): string {
  return config.AUTH_ISSUER_URL ?? config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`;
}

export function authServerOptionsFromConfig(config: AuthServerServiceConfig): AuthServerOptions {
  return {
    issuer: issuerOf(config),
    audience: config.AUTH_AUDIENCE,
    tokenTtlSeconds: config.AUTH_TOKEN_TTL_SECONDS,
    keyEncryptionKey: config.AUTH_KEY_ENCRYPTION_KEY,
    previousKeyEncryptionKeys: config.AUTH_PREVIOUS_KEY_ENCRYPTION_KEYS,
    signingAlgorithm: config.AUTH_SIGNING_ALGORITHM,
    keyRotationIntervalSeconds: config.AUTH_KEY_ROTATION_INTERVAL_SECONDS,
    bootstrapClientId: config.AUTH_BOOTSTRAP_CLIENT_ID,
    bootstrapClientSecret: config.AUTH_BOOTSTRAP_CLIENT_SECRET,
  };
}
