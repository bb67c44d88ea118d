import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { buildStatusListEntry, issueJwtCredential } from '@dsaas/identity';
import { AttestationDefinitionRepository } from '../attestations/attestation-definition.repository';
import { IssuerContext } from '../contexts/issuer-context';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { CredentialDefinition } from '../credential-definitions/credential-definition';
import { CredentialDefinitionRepository } from '../credential-definitions/credential-definition.repository';
import { IssuedCredential } from '../credentials/issued-credential';
import { IssuedCredentialRepository } from '../credentials/issued-credential.repository';
import { HoldersService } from '../holders/holders.service';
import { StatusListCredentialsService } from '../status-lists/status-list-credentials.service';
import { StatusListsService } from '../status-lists/status-lists.service';
import { CredentialRequest, IssuanceDecision } from './credential-request';
import { CredentialRequestRepository } from './credential-request.repository';
import { AttestationData, attestationDataOf, evaluateAttestation, evaluateRules, mapClaims } from './issuance-rules';

export interface IssuanceOutcome {
  decision: IssuanceDecision;
  reason?: string;
  credentials: IssuedCredential[];
}

const VC_1_1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
const VC_2_0_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * Decides a credential request once: attestations, rules, then signs the credentials with fresh status list
 * slots. The request row is locked and the decision stored in the same transaction, so redeliveries of the
 * bus message and competing consumers get the stored outcome instead of issuing again.
 */
@Injectable()
export class CredentialIssuerService {
  constructor(
    private readonly requests: CredentialRequestRepository,
    private readonly issued: IssuedCredentialRepository,
    private readonly definitions: CredentialDefinitionRepository,
    private readonly attestations: AttestationDefinitionRepository,
    private readonly holders: HoldersService,
    private readonly contexts: IssuerContextsService,
    private readonly statusLists: StatusListsService,
    private readonly statusListCredentials: StatusListCredentialsService,
  ) {}

  /** Undefined when the request no longer exists (its issuer context was deleted). */
  async decide(requestId: string): Promise<IssuanceOutcome | undefined> {
    return this.requests.transaction(async (manager) => {
      const request = await this.requests.lock(requestId, manager);
      if (!request) return undefined;
      if (request.decision) {
        return { decision: request.decision, reason: request.reason, credentials: await this.issued.forRequest(request.id, manager) };
      }
      const context = await this.contexts.get(request.issuerContextId);
      const evaluated = await this.evaluate(request);
      if (!evaluated.ok) {
        await this.requests.recordDecision(request.id, 'REJECTED', evaluated.reason, manager);
        return { decision: 'REJECTED', reason: evaluated.reason, credentials: [] };
      }
      const credentials: IssuedCredential[] = [];
      for (const definition of evaluated.definitions) {
        credentials.push(await this.issue(context, request, definition, evaluated.data, manager));
      }
      await this.requests.recordDecision(request.id, 'ISSUED', undefined, manager);
      return { decision: 'ISSUED', credentials };
    });
  }

  private async evaluate(
    request: CredentialRequest,
  ): Promise<{ ok: true; definitions: CredentialDefinition[]; data: AttestationData } | { ok: false; reason: string }> {
    const definitions = await this.definitions.findMany(request.issuerContextId, request.credentialDefinitionIds);
    const missing = request.credentialDefinitionIds.filter((id) => !definitions.some((d) => d.id === id));
    if (missing.length) return { ok: false, reason: `credential ${missing.join(', ')} is no longer offered` };
    const holder = await this.holders.findByDid(request.issuerContextId, request.holderDid);
    for (const definition of definitions) {
      for (const attestationId of definition.attestations) {
        const attestation = await this.attestations.find(request.issuerContextId, attestationId);
        if (!attestation) return { ok: false, reason: `attestation ${attestationId} of ${definition.id} does not exist` };
        const result = evaluateAttestation(attestation, holder);
        if (!result.ok) return result;
      }
    }
    // Only reached with a holder when some attestation needed one; a definition without attestations needs none.
    const data: AttestationData = holder ? attestationDataOf(holder) : { holder: { holderId: '', did: request.holderDid, properties: {} } };
    for (const definition of definitions) {
      const result = evaluateRules(definition.rules, data);
      if (!result.ok) return result;
    }
    return { ok: true, definitions, data };
  }

  private async issue(
    context: IssuerContext,
    request: CredentialRequest,
    definition: CredentialDefinition,
    data: AttestationData,
    manager: EntityManager,
  ): Promise<IssuedCredential> {
    const id = randomUUID();
    const slot = await this.statusLists.allocate(context.id, manager);
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const expiresAt = new Date(issuedAt.getTime() + definition.validitySeconds * 1000);
    const v2 = definition.format === 'vc2_0_jose';
    const credential: Record<string, unknown> = {
      '@context': [v2 ? VC_2_0_CONTEXT : VC_1_1_CONTEXT],
      id: `urn:uuid:${id}`,
      type: ['VerifiableCredential', definition.credentialType],
      issuer: context.did,
      ...(v2 ? { validFrom: isoSeconds(issuedAt), validUntil: isoSeconds(expiresAt) } : { issuanceDate: isoSeconds(issuedAt), expirationDate: isoSeconds(expiresAt) }),
      credentialSubject: { ...mapClaims(definition.mappings, data), id: request.holderDid },
      credentialStatus: buildStatusListEntry({ statusListCredential: this.statusListCredentials.url(context.id, slot.listId), index: slot.index }),
    };
    const signer = await this.contexts.signer(context);
    const jwt = await issueJwtCredential({ ...signer, format: definition.format, credential });
    const issued: IssuedCredential = {
      id,
      issuerContextId: context.id,
      requestId: request.id,
      credentialDefinitionId: definition.id,
      credentialType: definition.credentialType,
      holderDid: request.holderDid,
      format: definition.format,
      statusListId: slot.listId,
      statusListIndex: slot.index,
      jwt,
      issuedAt,
      expiresAt,
    };
    await this.issued.insert(issued, manager);
    return issued;
  }
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
