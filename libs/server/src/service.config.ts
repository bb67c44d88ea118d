import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBase64, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';

const urlOptions = { require_tld: false, require_protocol: true };

/** Environment variables every service reads. Apps extend it with their own. */
export class ServiceConfig {
  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number;

  /** Externally visible base URL of this service (used in documents that point back at it). */
  @IsOptional()
  @IsUrl(urlOptions)
  PUBLIC_URL?: string;

  @IsOptional()
  @IsUrl({ ...urlOptions, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL?: string;

  @IsIn(['nats', 'postgres'])
  EVENT_BUS: 'nats' | 'postgres' = 'nats';

  @ValidateIf((c: ServiceConfig) => c.EVENT_BUS === 'nats')
  @IsString()
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Prefix of NATS stream names and subjects, so several installations can share one NATS. */
  @IsString()
  EVENT_BUS_PREFIX = 'dsaas';

  /** Where access tokens are verified: a JWKS URL, or an issuer whose /.well-known/jwks.json is used. */
  @IsOptional()
  @IsUrl(urlOptions)
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsUrl(urlOptions)
  AUTH_ISSUER_URL?: string;

  @IsString()
  AUTH_AUDIENCE = 'dsaas';

  @IsIn(['embedded', 'vault'])
  SECRETS_BACKEND: 'embedded' | 'vault' = 'embedded';

  @ValidateIf((c: ServiceConfig) => c.SECRETS_BACKEND === 'embedded' && c.SECRETS_ENCRYPTION_KEY !== undefined)
  @IsBase64()
  SECRETS_ENCRYPTION_KEY?: string;

  /** Comma-separated retired master keys, still read during a key rotation. */
  @IsOptional()
  @IsString()
  SECRETS_PREVIOUS_ENCRYPTION_KEYS?: string;

  @ValidateIf((c: ServiceConfig) => c.SECRETS_BACKEND === 'vault')
  @IsUrl(urlOptions)
  VAULT_ADDR?: string;

  @IsOptional()
  @IsString()
  VAULT_TOKEN?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest accepted request body. */
  @IsString()
  @Transform(({ value }) => String(value))
  MAX_BODY_SIZE = '1mb';
}
