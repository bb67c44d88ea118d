// Decorator metadata (which types env strings convert to) is only recorded once reflect-metadata is loaded.
import 'reflect-metadata';
import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { ServiceConfig } from '@dsaas/server';

/** Configuration of the identity-hub (environment variables). */
export class IdentityHubConfig extends ServiceConfig {
  override PORT = 8085;

  /** Hosts whose did:web documents may be fetched over plain http (development and tests); all others need https. */
  @IsString()
  DID_WEB_ALLOW_HTTP_HOSTS: string = 'localhost,127.0.0.1';

  /** How long a resolved DID document is reused before it is fetched again. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  DID_CACHE_TTL_SECONDS: number = 300;

  /** Lifetime of the self-issued ID tokens (and access tokens) the STS mints. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86400)
  STS_TOKEN_TTL_SECONDS: number = 300;

  /**
   * When true, a presentation query must carry the holder-minted access token (the `token` claim, DCP §5.3);
   * when false a verifier's valid self-issued token alone suffices.
   */
  @IsBoolean()
  @Transform(({ obj, key }) => (typeof obj[key] === 'string' ? obj[key].trim().toLowerCase() === 'true' : (obj[key] ?? false)))
  PRESENTATION_REQUIRE_ACCESS_TOKEN: boolean = false;
}

/** The hosts of DID_WEB_ALLOW_HTTP_HOSTS as a list. */
export function allowHttpHosts(config: IdentityHubConfig): string[] {
  return config.DID_WEB_ALLOW_HTTP_HOSTS.split(',').map((h) => h.trim()).filter(Boolean);
}
