import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CredentialOfferEntity } from '../database/credential-offer.entity';
import { CredentialOffer } from './credential-offer';

/** Queries of the credential_offer table. */
@Injectable()
export class CredentialOfferRepository {
  constructor(@InjectRepository(CredentialOfferEntity) private readonly offers: Repository<CredentialOfferEntity>) {}

  async insert(offer: CredentialOffer): Promise<void> {
    await this.offers.insert({ ...offer, credentials: offer.credentials as Record<string, any>[] });
  }

  async list(participantContextId: string): Promise<CredentialOffer[]> {
    return this.offers.find({ where: { participantContextId }, order: { receivedAt: 'ASC' } });
  }
}
