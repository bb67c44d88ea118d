import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { ConflictException } from '@dsaas/model';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { CredentialNotFoundException } from './credential-not-found.exception';
import { InvalidCredentialException } from './invalid-credential.exception';
import { parseJwtCredential } from './parse-jwt-credential';
import { CredentialSource, StoredCredential } from './stored-credential';
import { StoredCredentialRepository } from './stored-credential.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StoreOptions {
  source: CredentialSource;
  /** When set, the credential must have been issued by this DID (the authenticated issuer). */
  expectedIssuer?: string;
  holderPid?: string;
}

/** The credential store of each context. */
@Injectable()
export class CredentialsService {
  private readonly logger = new Logger('Credentials');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly credentials: StoredCredentialRepository,
  ) {}

  async list(participantContextId: string, type?: string): Promise<StoredCredential[]> {
    await this.contexts.get(participantContextId);
    return this.credentials.list(participantContextId, type);
  }

  async get(participantContextId: string, id: string): Promise<StoredCredential> {
    await this.contexts.get(participantContextId);
    const credential = UUID.test(id) ? await this.credentials.find(participantContextId, id) : undefined;
    if (!credential) throw new CredentialNotFoundException(id);
    return credential;
  }

  /** Imports a JWT VC through the identity API; the same JWT twice is a conflict. */
  async import(participantContextId: string, jwt: string): Promise<StoredCredential> {
    const { credential, stored } = await this.store(participantContextId, jwt, { source: 'import' });
    if (!stored) throw new ConflictException(`The context already holds this credential (${credential.id})`);
    return credential;
  }

  /**
   * Stores a JWT VC for the context, checking that it is about the context's DID (and from the expected
   * issuer). Idempotent: answers the stored copy when the context already holds the same JWT.
   */
  async store(participantContextId: string, jwt: string, options: StoreOptions): Promise<{ credential: StoredCredential; stored: boolean }> {
    const context = await this.contexts.get(participantContextId);
    const parsed = this.check(context.did, jwt, options.expectedIssuer);
    const existing = await this.credentials.findByHash(participantContextId, parsed.contentHash);
    if (existing) return { credential: existing, stored: false };
    const credential: StoredCredential = {
      id: randomUUID(),
      participantContextId,
      credentialId: parsed.credentialId,
      types: parsed.types,
      issuer: parsed.issuer,
      format: parsed.format,
      raw: jwt,
      content: parsed.content,
      contentHash: parsed.contentHash,
      validFrom: parsed.validFrom,
      validUntil: parsed.validUntil,
      source: options.source,
      holderPid: options.holderPid,
      createdAt: new Date(),
    };
    if (!(await this.credentials.insertIfAbsent(credential))) {
      // A concurrent delivery of the same credential won the insert.
      return { credential: (await this.credentials.findByHash(participantContextId, parsed.contentHash))!, stored: false };
    }
    this.logger.log({ participantContextId, credentialId: credential.id, types: credential.types, issuer: credential.issuer, source: options.source }, 'credential stored');
    return { credential, stored: true };
  }

  /** Validates without storing (so a batch can be checked before any of it is stored). */
  check(holderDid: string, jwt: string, expectedIssuer?: string): ReturnType<typeof parseJwtCredential> {
    const parsed = parseJwtCredential(jwt);
    if (parsed.subjectIds.length === 0 || parsed.subjectIds.some((id) => id !== holderDid)) {
      throw new InvalidCredentialException(`The credential's subject is not this context's DID (${holderDid})`);
    }
    if (expectedIssuer && parsed.issuer !== expectedIssuer) {
      throw new InvalidCredentialException(`The credential was issued by ${parsed.issuer}, not by ${expectedIssuer}`);
    }
    return parsed;
  }

  async delete(participantContextId: string, id: string): Promise<void> {
    await this.contexts.get(participantContextId);
    if (!UUID.test(id) || !(await this.credentials.delete(participantContextId, id))) throw new CredentialNotFoundException(id);
    this.logger.log({ participantContextId, credentialId: id }, 'credential deleted');
  }

  /** Credentials of any of the types that are valid now, for a presentation. */
  async currentlyValid(participantContextId: string, types: string[], now = new Date()): Promise<StoredCredential[]> {
    const candidates = await this.credentials.withAnyType(participantContextId, types);
    return candidates.filter((c) => (!c.validFrom || c.validFrom <= now) && (!c.validUntil || c.validUntil > now));
  }
}
