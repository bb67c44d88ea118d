import { Inject, Injectable } from '@nestjs/common';
import { DidResolver } from '@dsaas/identity';
import { DCP_CONTEXT_URL, dcpValidator, PresentationQueryMessage } from '@dsaas/protocol-dcp';
import { DspConfig } from '../dsp/dsp.config';
import { DSP_DID_RESOLVER } from '../dsp/dsp.tokens';
import { PresentationUnavailableException } from './presentation-unavailable.exception';
import { StsClient } from './sts.client';

export interface PresentationQuery {
  /** Our context (the verifier). */
  participantContextId: string;
  ourDid: string;
  /** The caller whose credentials we want. */
  holderDid: string;
  /** The access token the holder gave us in its self-issued token, passed back to its credential service. */
  accessToken?: string;
  scopes: string[];
}

/** DCP §5.4 verifier side: asks a holder's CredentialService for a presentation of the scoped credentials. */
@Injectable()
export class PresentationClient {
  constructor(
    @Inject(DSP_DID_RESOLVER) private readonly resolver: DidResolver,
    private readonly sts: StsClient,
    private readonly config: DspConfig,
  ) {}

  /** The JWT VPs of the answer. */
  async query(query: PresentationQuery): Promise<string[]> {
    const endpoint = `${await this.credentialService(query.holderDid)}/presentations/query`;
    const token = await this.sts.selfIssuedToken({ participantContextId: query.participantContextId, audience: query.holderDid, token: query.accessToken });
    const message: PresentationQueryMessage = { '@context': [DCP_CONTEXT_URL], type: 'PresentationQueryMessage', scope: query.scopes };
    dcpValidator.assertValid('PresentationQueryMessage', message);
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(message),
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.DSP_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new PresentationUnavailableException(`the credential service of ${query.holderDid} could not be reached: ${(error as Error)?.message ?? error}`);
    }
    const text = await response.text();
    if (!response.ok) {
      throw new PresentationUnavailableException(`the credential service of ${query.holderDid} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PresentationUnavailableException(`the credential service of ${query.holderDid} answered with something that is not JSON`);
    }
    const validation = dcpValidator.validate('PresentationResponseMessage', body);
    if (!validation.valid) {
      throw new PresentationUnavailableException(`the credential service of ${query.holderDid} answered an invalid PresentationResponseMessage: ${validation.errors.slice(0, 3).join('; ')}`);
    }
    const presentations = (body as { presentation?: unknown[] }).presentation ?? [];
    const jwts = presentations.filter((entry): entry is string => typeof entry === 'string');
    if (jwts.length !== presentations.length) throw new PresentationUnavailableException('only JWT presentations are supported');
    return jwts;
  }

  private async credentialService(did: string): Promise<string> {
    let document;
    try {
      document = await this.resolver.resolve(did);
    } catch (error) {
      throw new PresentationUnavailableException(`the DID ${did} could not be resolved: ${(error as Error)?.message ?? error}`);
    }
    const service = (document.service ?? []).find((s) => s?.type === 'CredentialService' && typeof s.serviceEndpoint === 'string');
    if (!service) throw new PresentationUnavailableException(`the DID document of ${did} lists no CredentialService`);
    return String(service.serviceEndpoint).replace(/\/+$/, '');
  }
}
