import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@dsaas/server';

const urlOptions = { require_tld: false, require_protocol: true };

/** Configuration of the data-plane (environment variables). */
export class DataPlaneConfig extends ServiceConfig {
  override PORT = 8087;

  /** This data plane's id at the control plane (the `@id` of its registration). */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
  DATA_PLANE_ID = 'data-plane';

  /**
   * Edge mode: the one participant context this data plane serves (flows of any other context are refused) and
   * registers with. Comma-separated for a data plane that registers with several contexts.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(,[A-Za-z0-9][A-Za-z0-9._-]{0,127})*$/)
  PARTICIPANT_CONTEXT_ID?: string;

  /** The control plane's management API base (`.../api/mgmt/v4alpha`): registration and heartbeat go there. */
  @IsOptional()
  @IsUrl(urlOptions)
  CONTROL_PLANE_MANAGEMENT_URL?: string;

  /** The data plane's own OAuth2 client (registration, callbacks to the control plane). */
  @ValidateIf((c: DataPlaneConfig) => c.CONTROL_PLANE_MANAGEMENT_URL !== undefined)
  @IsString()
  DATA_PLANE_CLIENT_ID?: string;

  @ValidateIf((c: DataPlaneConfig) => c.DATA_PLANE_CLIENT_ID !== undefined)
  @IsString()
  DATA_PLANE_CLIENT_SECRET?: string;

  /** Token endpoint of that client; defaults to `<AUTH_ISSUER_URL>/oauth2/token`. */
  @IsOptional()
  @IsUrl(urlOptions)
  DATA_PLANE_TOKEN_URL?: string;

  /** Seconds between two registrations (the heartbeat the control plane's selection relies on). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  DATA_PLANE_HEARTBEAT_SECONDS = 30;

  /** Lifetime of an EDR access token; the consumer refreshes it with the refresh token. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(86400)
  EDR_TOKEN_TTL_SECONDS = 300;

  /** Attempts of one push (source read + destination write) before the flow is reported errored. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  PUSH_MAX_ATTEMPTS = 3;

  /** Delay before the first retry of a push; doubles each attempt. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  PUSH_RETRY_DELAY_MS = 500;

  /** Timeout of signaling callbacks and registration calls (not of data transfers, which may run long). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DATA_PLANE_CALL_TIMEOUT_MS = 10_000;

  /** Default NATS servers of streaming sources whose data address names none. */
  @IsOptional()
  @IsString()
  STREAMING_NATS_URL?: string;
}

/** The contexts an edge data plane serves; empty: every context (the hosted data plane). */
export function servedContexts(config: DataPlaneConfig): string[] {
  return (config.PARTICIPANT_CONTEXT_ID ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
