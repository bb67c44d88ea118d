import { Inject, Injectable } from '@nestjs/common';
import { DidResolver, signSelfIssuedToken } from '@dsaas/identity';
import { TransientException } from '@dsaas/model';
import { CredentialMessage, dcpValidator } from '@dsaas/protocol-dcp';
import { IssuerSigner } from '../contexts/issuer-signer';
import { IssuerServiceConfig } from '../issuer-service.config';
import { DID_RESOLVER } from '../issuer-service.tokens';

/** Delivers CredentialMessages to the holder's storage API, found through the CredentialService of its DID document. */
@Injectable()
export class HolderDeliveryClient {
  constructor(@Inject(DID_RESOLVER) private readonly resolver: DidResolver, private readonly config: IssuerServiceConfig) {}

  /** Throws a TransientException when the holder cannot be reached or does not accept the message. */
  async deliver(holderDid: string, message: CredentialMessage, signer: IssuerSigner): Promise<void> {
    dcpValidator.assertValid('CredentialMessage', message);
    const endpoint = await this.storageEndpoint(holderDid);
    const token = await signSelfIssuedToken({ did: signer.issuerDid, kid: signer.kid, privateJwk: signer.privateJwk, algorithm: signer.algorithm, audience: holderDid });
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(message),
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.HOLDER_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new TransientException(`could not reach the holder's storage endpoint ${endpoint}: ${(error as Error)?.message ?? error}`);
    }
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) throw new TransientException(`the holder's storage endpoint ${endpoint} answered HTTP ${response.status}`);
  }

  private async storageEndpoint(holderDid: string): Promise<string> {
    let document;
    try {
      document = await this.resolver.resolve(holderDid);
    } catch (error) {
      throw new TransientException(`could not resolve the holder DID ${holderDid}: ${(error as Error)?.message ?? error}`);
    }
    const service = (document.service ?? []).find((s) => s?.type === 'CredentialService' && typeof s.serviceEndpoint === 'string');
    if (!service) throw new TransientException(`the DID document of ${holderDid} has no CredentialService`);
    return `${service.serviceEndpoint.replace(/\/+$/, '')}/credentials`;
  }
}
