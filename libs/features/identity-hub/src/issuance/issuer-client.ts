import { Inject, Injectable } from '@nestjs/common';
import { DidResolutionException, DidResolver } from '@dsaas/identity';
import { CredentialRequestMessage, dcpValidator, IssuerMetadata } from '@dsaas/protocol-dcp';
import { ValidationException } from '@dsaas/model';
import { DCP_DID_RESOLVER } from '../dcp/dcp-authenticator';
import { IssuerCallFailedException } from './issuer-call-failed.exception';

const TIMEOUT_MS = 10_000;

/** Holder → issuer calls of DCP issuance, each authenticated with a self-issued token for the issuer. */
@Injectable()
export class IssuerClient {
  constructor(@Inject(DCP_DID_RESOLVER) private readonly resolver: DidResolver) {}

  /** The IssuerService endpoint listed in the issuer's DID document. */
  async issuerServiceEndpoint(issuerDid: string): Promise<string> {
    let document;
    try {
      document = await this.resolver.resolve(issuerDid);
    } catch (error) {
      if (error instanceof DidResolutionException && error.status < 500) {
        throw new ValidationException(`The issuer DID cannot be resolved: ${error.message}`, [`issuerDid: ${error.code}`]);
      }
      throw new IssuerCallFailedException(`The issuer DID cannot be resolved: ${error?.message ?? error}`);
    }
    const service = document.service.find((candidate) => candidate.type === 'IssuerService' && typeof candidate.serviceEndpoint === 'string');
    if (!service) throw new ValidationException(`The DID document of ${issuerDid} lists no IssuerService`, ['issuerDid: no IssuerService endpoint']);
    return service.serviceEndpoint.replace(/\/+$/, '');
  }

  async metadata(endpoint: string, token: string): Promise<IssuerMetadata> {
    const response = await this.call('GET', `${endpoint}/metadata`, token);
    const body = await response.json().catch(() => undefined);
    if (!response.ok || !dcpValidator.validate('IssuerMetadata', body).valid) {
      throw new IssuerCallFailedException(`The issuer's metadata could not be read (HTTP ${response.status})`);
    }
    return body as IssuerMetadata;
  }

  /** Sends the request; answers the issuer's id for it (the last segment of the Location header). */
  async requestCredentials(endpoint: string, token: string, message: CredentialRequestMessage): Promise<string | undefined> {
    dcpValidator.assertValid('CredentialRequestMessage', message);
    const response = await this.call('POST', `${endpoint}/credentials`, token, message);
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 500);
      throw new IssuerCallFailedException(`The issuer refused the credential request (HTTP ${response.status}): ${detail}`, message.holderPid);
    }
    await response.body?.cancel();
    const location = response.headers.get('location');
    return location ? decodeURIComponent(location.replace(/\/+$/, '').split('/').pop() ?? '') || undefined : undefined;
  }

  private async call(method: string, url: string, token: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new IssuerCallFailedException(`The issuer at ${url} could not be reached: ${error?.cause?.code ?? error?.name ?? error}`);
    }
  }
}
