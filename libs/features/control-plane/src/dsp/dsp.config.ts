// Decorator metadata (which types env strings convert to) is only recorded once reflect-metadata is loaded.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { TrustedIssuerEntry } from '@dsaas/identity';
import { loadConfig } from '@dsaas/server';

const urlOptions = { require_tld: false, require_protocol: true };

/**
 * Environment variables of the Dataspace Protocol side of the control plane (DSP endpoints, DCP client, state
 * machines). Read from the same environment as ControlPlaneConfig and validated at start-up.
 */
export class DspConfig {
  @IsOptional()
  @IsUrl(urlOptions)
  PUBLIC_URL?: string;

  @Type(() => Number)
  @IsInt()
  PORT: number = 8084;

  /** The identity hub whose STS signs our contexts' self-issued tokens (`<IDENTITY_HUB_URL>/api/sts/token`). */
  @IsOptional()
  @IsUrl(urlOptions)
  IDENTITY_HUB_URL?: string;

  /** OAuth2 client (role provisioner or admin) the control plane uses at the STS. */
  @IsOptional()
  @IsString()
  STS_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  STS_CLIENT_SECRET?: string;

  /** Token endpoint of that client; default `<AUTH_ISSUER_URL>/oauth2/token`. */
  @IsOptional()
  @IsUrl(urlOptions)
  STS_TOKEN_URL?: string;

  @IsOptional()
  @IsUrl(urlOptions)
  AUTH_ISSUER_URL?: string;

  /** JSON list `[{"did":"did:web:...","credentialTypes":["MembershipCredential"]}]` until dataspace profiles carry trust. */
  @IsString()
  @Matches(/^\s*\[[\s\S]*\]\s*$/, { message: 'TRUSTED_ISSUERS must be a JSON array' })
  TRUSTED_ISSUERS = '[]';

  /** Hosts whose did:web documents may be fetched over plain http (development and tests). */
  @IsString()
  DID_WEB_ALLOW_HTTP_HOSTS = 'localhost,127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  DID_CACHE_TTL_SECONDS: number = 300;

  /** Credential types asked for when a policy names none (space-separated DCP scopes). */
  @IsString()
  DCP_DEFAULT_SCOPES = 'org.eclipse.dspace.dcp.vc.type:MembershipCredential:read';

  /** Timeout of one outgoing HTTP call (counter-party DSP endpoint, credential service, STS). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120000)
  DSP_CALL_TIMEOUT_MS: number = 10000;

  /** How often the state-machine workers look for due negotiations and transfers. */
  @Type(() => Number)
  @IsInt()
  @Min(20)
  @Max(60000)
  STATE_MACHINE_POLL_MS: number = 1000;

  /** How long a worker owns a claimed row; a crashed replica's rows are taken over after it. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600000)
  STATE_MACHINE_LEASE_MS: number = 30000;

  /** Rows one worker works on at the same time (claimed per round). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  STATE_MACHINE_BATCH_SIZE: number = 20;

  /** Attempts of one state's work (e.g. delivering a DSP message) before the row goes to its error state (TERMINATED). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  STATE_MACHINE_MAX_ATTEMPTS: number = 6;

  /** First retry delay; it doubles with each attempt (with jitter, at most 5 minutes). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(600000)
  STATE_MACHINE_BACKOFF_BASE_MS: number = 1000;
}

/** Reads DspConfig from the service's environment (the ControlPlaneConfig object carries every variable). */
export function loadDspConfig(env: object): DspConfig {
  const strings = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
  const config = loadConfig(DspConfig, strings);
  parseTrustedIssuers(config.TRUSTED_ISSUERS);
  return config;
}

/** TRUSTED_ISSUERS as entries; a malformed value fails start-up with the variable's name. */
export function parseTrustedIssuers(value: string): TrustedIssuerEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('Invalid configuration: TRUSTED_ISSUERS is not valid JSON');
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.every(
      (entry) =>
        entry && typeof entry.did === 'string' && Array.isArray(entry.credentialTypes) && entry.credentialTypes.every((t: unknown) => typeof t === 'string'),
    );
  if (!valid) throw new Error('Invalid configuration: TRUSTED_ISSUERS must be [{"did": "...", "credentialTypes": ["..."]}]');
  return (parsed as TrustedIssuerEntry[]).map((entry) => ({ did: entry.did, credentialTypes: entry.credentialTypes }));
}

export function allowHttpHosts(config: DspConfig): string[] {
  return config.DID_WEB_ALLOW_HTTP_HOSTS.split(',').map((host) => host.trim()).filter(Boolean);
}
