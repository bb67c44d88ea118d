import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { ValidationException } from '@dsaas/model';
import { DCP_CONTEXT_URL } from '@dsaas/protocol-dcp';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { StsService } from '../sts/sts.service';
import { CredentialRequest, RequestedCredential } from './credential-request';
import { CredentialRequestNotFoundException } from './credential-request-not-found.exception';
import { CredentialRequestRepository } from './credential-request.repository';
import { IssuerCallFailedException } from './issuer-call-failed.exception';
import { IssuerClient } from './issuer-client';

export interface NewCredentialRequest {
  issuerDid: string;
  credentials: { id?: string; credentialType?: string; format?: string }[];
}

/** Holder side of DCP issuance: ask an issuer for credentials and follow the request. */
@Injectable()
export class CredentialRequestsService {
  private readonly logger = new Logger('CredentialRequests');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly requests: CredentialRequestRepository,
    private readonly issuers: IssuerClient,
    private readonly sts: StsService,
  ) {}

  async request(participantContextId: string, input: NewCredentialRequest): Promise<CredentialRequest> {
    await this.contexts.getActive(participantContextId);
    const endpoint = await this.issuers.issuerServiceEndpoint(input.issuerDid);
    // Each call gets its own token: the issuer accepts every token id once.
    const token = async () => (await this.sts.createToken(participantContextId, { audience: input.issuerDid })).accessToken;
    const credentials = await this.credentialIds(input, endpoint, token);

    const now = new Date();
    const request: CredentialRequest = {
      holderPid: randomUUID(),
      participantContextId,
      issuerDid: input.issuerDid,
      state: 'REQUESTED',
      credentials,
      createdAt: now,
      updatedAt: now,
    };
    // Stored before sending: the issuer may deliver before its 201 reaches us.
    await this.requests.insert(request);
    try {
      const issuerPid = await this.issuers.requestCredentials(endpoint, await token(), {
        '@context': [DCP_CONTEXT_URL],
        type: 'CredentialRequestMessage',
        holderPid: request.holderPid,
        credentials: credentials.map((credential) => ({ id: credential.id })),
      });
      if (issuerPid) await this.requests.setIssuerPidIfAbsent(request.holderPid, issuerPid);
    } catch (error) {
      await this.requests.update(request.holderPid, { state: 'ERROR', errorDetail: String(error?.message ?? error).slice(0, 2000) });
      this.logger.warn({ participantContextId, holderPid: request.holderPid, issuerDid: input.issuerDid, err: error?.message }, 'credential request failed');
      if (error instanceof IssuerCallFailedException) throw new IssuerCallFailedException(error.message, request.holderPid);
      throw error;
    }
    this.logger.log({ participantContextId, holderPid: request.holderPid, issuerDid: input.issuerDid }, 'credentials requested');
    return this.get(participantContextId, request.holderPid);
  }

  async get(participantContextId: string, holderPid: string): Promise<CredentialRequest> {
    await this.contexts.get(participantContextId);
    const request = await this.requests.find(participantContextId, holderPid);
    if (!request) throw new CredentialRequestNotFoundException(holderPid);
    return request;
  }

  async list(participantContextId: string): Promise<CredentialRequest[]> {
    await this.contexts.get(participantContextId);
    return this.requests.list(participantContextId);
  }

  /** Credential object ids; those named only by type are looked up in the issuer's metadata. */
  private async credentialIds(input: NewCredentialRequest, endpoint: string, token: () => Promise<string>): Promise<RequestedCredential[]> {
    if (input.credentials.every((credential) => credential.id)) {
      return input.credentials.map((c) => ({ id: c.id!, ...(c.credentialType ? { credentialType: c.credentialType } : {}), ...(c.format ? { format: c.format } : {}) }));
    }
    const metadata = await this.issuers.metadata(endpoint, await token());
    return input.credentials.map((credential) => {
      if (credential.id) return { id: credential.id, ...(credential.format ? { format: credential.format } : {}) };
      const supported = metadata.credentialsSupported.find((candidate) => candidate.credentialType === credential.credentialType);
      if (!supported) {
        throw new ValidationException(`The issuer does not offer ${credential.credentialType}`, [`credentials: ${credential.credentialType} is not in the issuer's metadata`]);
      }
      return { id: supported.id, credentialType: credential.credentialType!, ...(credential.format ? { format: credential.format } : {}) };
    });
  }
}
