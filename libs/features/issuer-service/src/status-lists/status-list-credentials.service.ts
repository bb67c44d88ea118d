import { Injectable } from '@nestjs/common';
import { BitstringStatusList, buildStatusListCredential, issueJwtCredential } from '@dsaas/identity';
import { NotFoundException } from '@dsaas/model';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { StatusListsService } from './status-lists.service';
import { isUuid } from '../http/is-uuid';

/** Serves a status list as a signed credential; signed again only after its bits changed. */
@Injectable()
export class StatusListCredentialsService {
  constructor(private readonly contexts: IssuerContextsService, private readonly lists: StatusListsService) {}

  /** Where verifiers fetch a list: the `statusListCredential` of every credential pointing into it. */
  url(issuerContextId: string, listId: string): string {
    return `${this.contexts.issuanceEndpoint(issuerContextId)}/statuslists/${listId}`;
  }

  async signedCredential(issuerContextId: string, listId: string): Promise<string> {
    const context = await this.contexts.get(issuerContextId);
    const list = isUuid(listId) ? await this.lists.find(issuerContextId, listId) : undefined;
    if (!list) throw new NotFoundException('Status list', listId);
    if (list.jwt) return list.jwt;
    const credential = buildStatusListCredential({
      id: this.url(issuerContextId, listId),
      issuerDid: context.did,
      list: BitstringStatusList.decode(list.encodedList),
      purpose: list.purpose,
    });
    const signer = await this.contexts.signer(context);
    const jwt = await issueJwtCredential({ ...signer, format: 'vc2_0_jose', credential });
    await this.lists.cacheCredential(list, jwt);
    return jwt;
  }
}
