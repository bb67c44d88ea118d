// Decorator metadata (which types env strings convert to) is only recorded once reflect-metadata is loaded.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@dsaas/server';

/** Configuration of the issuer-service (environment variables). */
export class IssuerServiceConfig extends ServiceConfig {
  override PORT = 8086;

  /** Hosts whose did:web documents may be fetched over plain http (development and tests); all others need https. */
  @IsString()
  DID_WEB_ALLOW_HTTP_HOSTS = 'localhost,127.0.0.1';

  /** How long a resolved DID document is reused before it is fetched again. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  DID_CACHE_TTL_SECONDS: number = 300;

  /** How long verifiers may cache a status list credential (Cache-Control max-age of the status list endpoint). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  STATUS_LIST_TTL_SECONDS: number = 300;

  /** Attempts to deliver a CredentialMessage to the holder's storage endpoint before the request ends in ERROR. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  ISSUANCE_DELIVERY_MAX_ATTEMPTS: number = 8;

  /** Comma-separated delays (ms) between delivery attempts; the last one repeats. */
  @IsOptional()
  @Matches(/^\d+(\s*,\s*\d+)*$/, { message: 'ISSUANCE_DELIVERY_BACKOFF_MS must be comma-separated milliseconds' })
  ISSUANCE_DELIVERY_BACKOFF_MS = '1000,5000,30000,60000';

  /** Timeout of one HTTP call to a holder (DID document fetch or credential delivery). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120000)
  HOLDER_CALL_TIMEOUT_MS: number = 10000;
}

/** The externally visible base URL without a trailing slash (`http://localhost:<PORT>` when PUBLIC_URL is unset). */
export function publicBaseUrl(config: IssuerServiceConfig): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** The hosts of DID_WEB_ALLOW_HTTP_HOSTS as a list. */
export function allowHttpHosts(config: IssuerServiceConfig): string[] {
  return config.DID_WEB_ALLOW_HTTP_HOSTS.split(',')
    .map((host) => host.trim())
    .filter(Boolean);
}

export function deliveryBackoffMs(config: IssuerServiceConfig): number[] {
  return config.ISSUANCE_DELIVERY_BACKOFF_MS.split(',').map((ms) => Number(ms.trim()));
}
