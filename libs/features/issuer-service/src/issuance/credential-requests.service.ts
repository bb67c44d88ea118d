import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { OutboxWriter } from '@dsaas/messaging';
import { NotFoundException, ValidationException } from '@dsaas/model';
import { CredentialRequestMessage, CredentialStatus, DCP_CONTEXT_URL, IssuerMetadata, SupportedCredentialObject } from '@dsaas/protocol-dcp';
import { IssuerContext } from '../contexts/issuer-context';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { CredentialDefinition } from '../credential-definitions/credential-definition';
import { CredentialDefinitionRepository } from '../credential-definitions/credential-definition.repository';
import { isUuid } from '../http/is-uuid';
import { CredentialRequest } from './credential-request';
import { CREDENTIAL_REQUEST_RECEIVED_V1 } from './credential-request-received.v1';
import { CredentialRequestRepository } from './credential-request.repository';

/** DCP profile ids (DCP 1.0 §6.3) of our two formats; both publish revocation through a BitstringStatusList. */
const PROFILES = { vc1_0_jwt: 'vc11-sl2021/jwt', vc2_0_jose: 'vc20-bssl/jwt' } as const;
const DATA_MODEL = { vc1_0_jwt: 'https://www.w3.org/2018/credentials/v1', vc2_0_jose: 'https://www.w3.org/ns/credentials/v2' } as const;

/** The DCP issuance API of an issuer context: metadata, accepting requests, their status. */
@Injectable()
export class CredentialRequestsService {
  private readonly logger = new Logger(CredentialRequestsService.name);

  constructor(
    private readonly requests: CredentialRequestRepository,
    private readonly definitions: CredentialDefinitionRepository,
    private readonly contexts: IssuerContextsService,
    private readonly outbox: OutboxWriter,
  ) {}

  context(issuerContextId: string): Promise<IssuerContext> {
    return this.contexts.get(issuerContextId);
  }

  async metadata(issuerContextId: string): Promise<IssuerMetadata> {
    const context = await this.contexts.get(issuerContextId);
    const definitions = await this.definitions.list(issuerContextId);
    return {
      '@context': [DCP_CONTEXT_URL],
      type: 'IssuerMetadata',
      issuer: context.did,
      credentialsSupported: definitions.map(credentialObject),
    };
  }

  /**
   * Stores the request and its outbox message in one transaction. The same (holder, holderPid) again is the
   * same request: its id comes back and nothing new is stored or processed.
   */
  async receive(context: IssuerContext, holderDid: string, message: CredentialRequestMessage): Promise<CredentialRequest> {
    const ids = [...new Set(message.credentials.map((c) => c.id))];
    const offered = new Set((await this.definitions.findMany(context.id, ids)).map((d) => d.id));
    const unknown = ids.filter((id) => !offered.has(id));
    if (unknown.length) {
      throw new ValidationException('The request names credentials this issuer does not offer', unknown.map((id) => `credential '${id}' is not offered`));
    }
    if (ids.length === 0) throw new ValidationException('The request names no credentials');
    const now = new Date();
    const candidate: CredentialRequest = {
      id: randomUUID(),
      issuerContextId: context.id,
      holderDid,
      holderPid: message.holderPid,
      credentialDefinitionIds: ids,
      state: 'RECEIVED',
      createdAt: now,
      updatedAt: now,
    };
    const stored = await this.requests.transaction(async (manager) => {
      if (await this.requests.insertIfNew(candidate, manager)) {
        await this.outbox.enqueue(
          manager,
          CREDENTIAL_REQUEST_RECEIVED_V1,
          { requestId: candidate.id, issuerContextId: context.id },
          { id: candidate.id, key: candidate.id, headers: { participantContextId: context.id } },
        );
        return candidate;
      }
      return this.requests.findByHolderPid(context.id, holderDid, message.holderPid, manager);
    });
    if (!stored) throw new Error('credential request vanished right after it was stored');
    if (stored === candidate) this.logger.log({ participantContextId: context.id, issuerPid: stored.id, holderDid }, 'credential request received');
    return stored;
  }

  /** Only the holder that made the request sees it; to anyone else it does not exist. */
  async status(context: IssuerContext, holderDid: string, issuerPid: string): Promise<CredentialStatus> {
    const request = isUuid(issuerPid) ? await this.requests.find(issuerPid) : undefined;
    if (!request || request.issuerContextId !== context.id || request.holderDid !== holderDid) {
      throw new NotFoundException('Credential request', issuerPid);
    }
    return {
      '@context': [DCP_CONTEXT_URL],
      type: 'CredentialStatus',
      issuerPid: request.id,
      holderPid: request.holderPid,
      // DCP knows no delivery failure: an undeliverable request ended without a credential (and those issued were revoked).
      status: request.state === 'ERROR' ? 'REJECTED' : request.state,
    };
  }

  requestUrl(issuerContextId: string, issuerPid: string): string {
    return `${this.contexts.issuanceEndpoint(issuerContextId)}/requests/${issuerPid}`;
  }
}

function credentialObject(definition: CredentialDefinition): SupportedCredentialObject {
  return {
    id: definition.id,
    type: 'CredentialObject',
    credentialType: definition.credentialType,
    // No JSON schema is published per credential type; the data model it follows is named instead.
    credentialSchema: DATA_MODEL[definition.format],
    offerReason: 'issuance',
    bindingMethods: ['did:web'],
    profile: PROFILES[definition.format],
  };
}
