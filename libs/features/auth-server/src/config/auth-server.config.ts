import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Min, MinLength } from 'class-validator';
import { AuthServerOptions, SigningAlgorithm } from './auth-server-options';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;

/** The auth-server's environment variables; read with `loadConfig(AuthServerConfig)` from @dsaas/server. */
export class AuthServerConfig {
  @IsUrl({ require_tld: false, require_protocol: true })
  AUTH_ISSUER: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  AUTH_AUDIENCE?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  AUTH_TOKEN_TTL_SECONDS?: number;

  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'AUTH_KEY_ENCRYPTION_KEY must be a base64 32-byte key (openssl rand -base64 32)' })
  AUTH_KEY_ENCRYPTION_KEY: string;

  @IsOptional()
  @Transform(list)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { each: true, message: 'AUTH_PREVIOUS_KEY_ENCRYPTION_KEYS must be base64 32-byte keys' })
  AUTH_PREVIOUS_KEY_ENCRYPTION_KEYS?: string[];

  @IsOptional()
  @IsIn(['ES256', 'RS256'])
  AUTH_SIGNING_ALGORITHM?: SigningAlgorithm;

  @IsOptional()
  @IsInt()
  @Min(0)
  AUTH_KEY_ROTATION_INTERVAL_SECONDS?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._~-]{1,128}$/)
  AUTH_BOOTSTRAP_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  AUTH_BOOTSTRAP_CLIENT_SECRET?: string;
}

export function authServerOptionsFromConfig(config: AuthServerConfig): AuthServerOptions {
  return {
    issuer: config.AUTH_ISSUER,
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
