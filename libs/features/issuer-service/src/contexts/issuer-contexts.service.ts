import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { participantContextNotFound } from '@dsaas/auth';
import { buildDidDocument, DidDocument, didWebForUrl, generateKeyPair, KeyAlgorithm } from '@dsaas/identity';
import { ConflictException, TransientException } from '@dsaas/model';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { DEFAULT_HOLDER_ATTESTATION_ID } from '../attestations/attestation-definition';
import { AttestationDefinitionRepository } from '../attestations/attestation-definition.repository';
import { defaultMembershipDefinition } from '../credential-definitions/credential-definition';
import { CredentialDefinitionRepository } from '../credential-definitions/credential-definition.repository';
import { IssuerServiceConfig, publicBaseUrl } from '../issuer-service.config';
import { StatusListsService } from '../status-lists/status-lists.service';
import { IssuerContext, issuerKid, privateKeySecretName } from './issuer-context';

import { IssuerContextRepository } from './issuer-context.repository';
import { IssuerSigner } from './issuer-signer';

export interface NewIssuerContext {
  id: string;
  did?: string;
  keyAlgorithm?: KeyAlgorithm;
}

const FIRST_KEY_ID = 'key-1';

/** Issuer contexts: each with its own DID, signing key (private half only in its SecretStore namespace) and defaults. */
@Injectable()
export class IssuerContextsService {
  private readonly logger = new Logger(IssuerContextsService.name);

  constructor(
    private readonly contexts: IssuerContextRepository,
    private readonly attestations: AttestationDefinitionRepository,
    private readonly definitions: CredentialDefinitionRepository,
    private readonly statusLists: StatusListsService,
    private readonly config: IssuerServiceConfig,
    @Inject(SECRET_STORE) private readonly secrets: SecretStore,
  ) {}

  /**
   * One transaction for the context, its default attestation + MembershipCredential definition and its status
   * list; the private key is stored before the commit, so a context never exists without its key.
   */
  async create(input: NewIssuerContext): Promise<IssuerContext> {
    const algorithm = input.keyAlgorithm ?? 'ES256';
    const keys = await generateKeyPair(algorithm);
    const now = new Date();
    const context: IssuerContext = {
      id: input.id,
      did: input.did ?? didWebForUrl(publicBaseUrl(this.config), [input.id]),
      keyId: FIRST_KEY_ID,
      keyAlgorithm: algorithm,
      publicJwk: keys.publicJwk,
      createdAt: now,
    };
    await this.contexts.transaction(async (manager: EntityManager) => {
      if (!(await this.contexts.insert(context, manager))) {
        throw new ConflictException(`An issuer context with id '${context.id}' or DID '${context.did}' already exists`);
      }
      await this.attestations.insert(
        { issuerContextId: context.id, id: DEFAULT_HOLDER_ATTESTATION_ID, type: 'database', config: { table: 'holders' }, createdAt: now },
        manager,
      );
      await this.definitions.insert(defaultMembershipDefinition(context.id, now), manager);
      await this.statusLists.createList(context.id, manager);
      await this.secrets.put(context.id, privateKeySecretName(context.keyId), JSON.stringify(keys.privateJwk));
    });
    this.logger.log({ participantContextId: context.id, did: context.did }, 'issuer context created');
    return context;
  }

  list(): Promise<IssuerContext[]> {
    return this.contexts.list();
  }

  /** The context, or the same 404 a token for another context gets. */
  async get(id: string): Promise<IssuerContext> {
    const context = await this.contexts.find(id);
    if (!context) throw participantContextNotFound(id);
    return context;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.contexts.delete(id))) throw participantContextNotFound(id);
    await this.secrets.deleteNamespace(id);
    this.logger.log({ participantContextId: id }, 'issuer context deleted');
  }

  /** The DID document: the signing key and the IssuerService endpoint. */
  async didDocument(id: string): Promise<DidDocument> {
    const context = await this.get(id);
    return buildDidDocument(context.did, [{ id: context.keyId, publicJwk: context.publicJwk }], [
      { id: `${context.did}#issuer-service`, type: 'IssuerService', serviceEndpoint: this.issuanceEndpoint(id) },
    ]);
  }

  /** Base of the DCP issuance API of a context. */
  issuanceEndpoint(id: string): string {
    return `${publicBaseUrl(this.config)}/api/issuance/${encodeURIComponent(id)}`;
  }

  /** The context's signing key from its SecretStore namespace. */
  async signer(context: IssuerContext): Promise<IssuerSigner> {
    const stored = await this.secrets.get(context.id, privateKeySecretName(context.keyId));
    if (!stored) {
      // Not the caller's fault and maybe a secret backend hiccup; the message names no key material.
      throw new TransientException(`The signing key of issuer context '${context.id}' is not available`);
    }
    return { issuerDid: context.did, kid: issuerKid(context), privateJwk: JSON.parse(stored), algorithm: context.keyAlgorithm };
  }
}
