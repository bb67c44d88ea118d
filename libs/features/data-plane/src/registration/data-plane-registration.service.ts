import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DPS_HTTP_PULL_PROFILE, DPS_HTTP_PUSH_PROFILE } from '@dsaas/protocol-dps';
import { DataPlaneClientToken } from '../callbacks/data-plane-client-token';
import { DataPlaneUrls } from '../common/data-plane-urls';
import { DataPlaneConfig, servedContexts } from '../data-plane.config';
import { SOURCE_TYPES } from '../sources/source-address';

export const TRANSFER_TYPES = ['HttpData-PULL', 'HttpData-PUSH'];
const MANAGEMENT_CONTEXT = ['https://w3id.org/edc/connector/management/v2'];

/**
 * Registers this data plane with its control plane (`PUT {CONTROL_PLANE_MANAGEMENT_URL}/participants/{ctx}/dataplanes`
 * for each served context) and repeats it every DATA_PLANE_HEARTBEAT_SECONDS: the control plane leaves a data plane
 * whose heartbeat stopped out of selection. Failures are logged and retried on the next beat, never fatal.
 */
@Injectable()
export class DataPlaneRegistrationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DataPlaneRegistration');
  private timer?: NodeJS.Timeout;
  private lastOk = new Map<string, Date>();

  constructor(
    private readonly config: DataPlaneConfig,
    private readonly client: DataPlaneClientToken,
    private readonly urls: DataPlaneUrls,
  ) {}

  enabled(): boolean {
    return !!this.config.CONTROL_PLANE_MANAGEMENT_URL && servedContexts(this.config).length > 0 && this.client.configured();
  }

  onApplicationBootstrap(): void {
    if (!this.enabled()) return;
    // The first beat right after the server listens (its port may only be known then).
    const beat = async () => {
      await this.registerAll();
      this.timer = setTimeout(beat, this.config.DATA_PLANE_HEARTBEAT_SECONDS * 1000);
      this.timer.unref();
    };
    this.timer = setTimeout(beat, 200);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  /** When each context last took our registration. */
  lastRegistered(participantContextId: string): Date | undefined {
    return this.lastOk.get(participantContextId);
  }

  registrationMessage(): Record<string, unknown> {
    return {
      '@context': MANAGEMENT_CONTEXT,
      '@type': 'DataPlaneInstance',
      '@id': this.config.DATA_PLANE_ID,
      url: this.urls.signaling(),
      allowedSourceTypes: SOURCE_TYPES,
      allowedTransferTypes: TRANSFER_TYPES,
      properties: {
        publicApiUrl: `${this.urls.base()}/api/public`,
        heartbeatSeconds: this.config.DATA_PLANE_HEARTBEAT_SECONDS,
        // What DPS's DataPlaneRegistrationMessage says in `profiles` and `authorization`: the profiles it runs and the
        // OAuth2 client its callbacks come from (never the secret).
        dpsProfiles: [DPS_HTTP_PULL_PROFILE, DPS_HTTP_PUSH_PROFILE],
        authorization: { type: 'oauth2_client_credentials', clientId: this.config.DATA_PLANE_CLIENT_ID!, tokenEndpoint: this.client.tokenUrl() },
      },
    };
  }

  async registerAll(): Promise<void> {
    for (const context of servedContexts(this.config)) await this.register(context);
  }

  async register(participantContextId: string): Promise<boolean> {
    const url = `${this.config.CONTROL_PLANE_MANAGEMENT_URL!.replace(/\/+$/, '')}/participants/${encodeURIComponent(participantContextId)}/dataplanes`;
    try {
      const response = await this.client.fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(this.registrationMessage()) });
      if (response.ok) {
        if (!this.lastOk.has(participantContextId)) this.logger.log({ participantContextId, dataPlaneId: this.config.DATA_PLANE_ID }, 'registered with the control plane');
        this.lastOk.set(participantContextId, new Date());
        return true;
      }
      this.logger.warn({ participantContextId, status: response.status, detail: (await response.text()).slice(0, 300) }, 'the control plane refused the registration');
    } catch (error) {
      this.logger.warn({ participantContextId, detail: (error as Error)?.message }, 'registration with the control plane failed');
    }
    return false;
  }
}
