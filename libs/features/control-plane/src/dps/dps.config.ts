// Decorator metadata (which types env strings convert to) is only recorded once reflect-metadata is loaded.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { loadConfig } from '@dsaas/server';
import { stsTokenUrl } from '../dcp-client/sts.client';
import type { DspConfig } from '../dsp/dsp.config';

const urlOptions = { require_tld: false, require_protocol: true };

/**
 * Environment variables of the control plane's Data Plane Signaling client. The OAuth2 client defaults to the STS
 * client (role provisioner or admin); it needs the scope `signaling-api:write` at the data planes.
 */
export class DpsConfig {
  @IsOptional()
  @IsString()
  DPS_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  DPS_CLIENT_SECRET?: string;

  /** Token endpoint of that client; default STS_TOKEN_URL, else `<AUTH_ISSUER_URL>/oauth2/token`. */
  @IsOptional()
  @IsUrl(urlOptions)
  DPS_TOKEN_URL?: string;

  /** Timeout of one signaling call to a data plane. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120000)
  DPS_CALL_TIMEOUT_MS: number = 10000;

  /** `dataspaceContext` of the DPS messages we send. */
  @IsString()
  @MaxLength(256)
  DPS_DATASPACE_CONTEXT = 'dsaas';
}

/** Reads DpsConfig from the service's environment (the ControlPlaneConfig object carries every variable). */
export function loadDpsConfig(env: object): DpsConfig {
  return loadConfig(DpsConfig, env as NodeJS.ProcessEnv);
}

/** The OAuth2 client the control plane signals data planes with: its own, else the STS client (DspConfig). */
export function dpsClientOf(config: DpsConfig, dsp: DspConfig): { clientId?: string; clientSecret?: string; tokenUrl: string } {
  return {
    clientId: config.DPS_CLIENT_ID ?? dsp.STS_CLIENT_ID,
    clientSecret: config.DPS_CLIENT_SECRET ?? dsp.STS_CLIENT_SECRET,
    tokenUrl: config.DPS_TOKEN_URL ?? stsTokenUrl(dsp),
  };
}
