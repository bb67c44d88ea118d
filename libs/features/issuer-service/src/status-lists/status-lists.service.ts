import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { BitstringStatusList } from '@dsaas/identity';
import { ConflictException } from '@dsaas/model';
import { StatusList, StatusListSlot } from './status-list';
import { StatusListRepository } from './status-list.repository';

/** The issuer's revocation lists: one slot per issued credential, a set bit means revoked. */
@Injectable()
export class StatusListsService {
  constructor(private readonly lists: StatusListRepository) {}

  async createList(issuerContextId: string, manager: EntityManager): Promise<StatusList> {
    const bits = BitstringStatusList.create();
    const list: StatusList = {
      id: randomUUID(),
      issuerContextId,
      purpose: 'revocation',
      encodedList: bits.encode(),
      length: bits.length,
      nextIndex: 0,
      updatedAt: new Date(),
    };
    await this.lists.insert(list, manager);
    return list;
  }

  /** A fresh slot, in the caller's transaction; a new list is started when the current ones are full. */
  async allocate(issuerContextId: string, manager: EntityManager): Promise<StatusListSlot> {
    const slot = await this.lists.allocate(issuerContextId, manager);
    if (slot) return slot;
    await this.createList(issuerContextId, manager);
    const fresh = await this.lists.allocate(issuerContextId, manager);
    if (!fresh) throw new ConflictException(`No status list slot could be allocated for issuer context '${issuerContextId}'`);
    return fresh;
  }

  /** Sets (or clears) the slot's bit, in the caller's transaction. */
  async setStatus(slot: StatusListSlot, revoked: boolean, manager: EntityManager): Promise<void> {
    const list = await this.lists.lock(slot.listId, manager);
    if (!list) throw new ConflictException(`Status list '${slot.listId}' does not exist`);
    const bits = BitstringStatusList.decode(list.encodedList);
    if (bits.get(slot.index) === revoked) return;
    bits.set(slot.index, revoked);
    await this.lists.updateBits(list.id, bits.encode(), manager);
  }

  find(issuerContextId: string, listId: string): Promise<StatusList | undefined> {
    return this.lists.find(issuerContextId, listId);
  }

  cacheCredential(list: StatusList, jwt: string): Promise<void> {
    return this.lists.cacheCredential(list.id, list.encodedList, jwt);
  }
}
