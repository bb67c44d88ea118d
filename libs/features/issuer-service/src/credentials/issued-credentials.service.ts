import { Injectable, Logger } from '@nestjs/common';
import { NotFoundException } from '@dsaas/model';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { isUuid } from '../http/is-uuid';
import { StatusListsService } from '../status-lists/status-lists.service';
import { IssuedCredential } from './issued-credential';
import { IssuedCredentialRepository } from './issued-credential.repository';

/** What an issuer has issued, and revocation. */
@Injectable()
export class IssuedCredentialsService {
  private readonly logger = new Logger(IssuedCredentialsService.name);

  constructor(
    private readonly credentials: IssuedCredentialRepository,
    private readonly statusLists: StatusListsService,
    private readonly contexts: IssuerContextsService,
  ) {}

  async list(issuerContextId: string, holderDid?: string): Promise<IssuedCredential[]> {
    await this.contexts.get(issuerContextId);
    return this.credentials.list(issuerContextId, holderDid);
  }

  async get(issuerContextId: string, id: string): Promise<IssuedCredential> {
    await this.contexts.get(issuerContextId);
    const credential = isUuid(id) ? await this.credentials.find(issuerContextId, id) : undefined;
    if (!credential) throw new NotFoundException('Credential', id);
    return credential;
  }

  /** Sets the credential's status list bit; verifiers see it once their cached list expires. Idempotent. */
  async revoke(issuerContextId: string, id: string): Promise<IssuedCredential> {
    const credential = await this.get(issuerContextId, id);
    if (credential.revokedAt) return credential;
    const revokedAt = new Date();
    await this.credentials.transaction(async (manager) => {
      if (await this.credentials.markRevoked(id, revokedAt, manager)) {
        await this.statusLists.setStatus({ listId: credential.statusListId, index: credential.statusListIndex }, true, manager);
      }
    });
    this.logger.log({ participantContextId: issuerContextId, credentialId: id }, 'credential revoked');
    return { ...credential, revokedAt };
  }
}
