import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ISSUER_DID } from '../../common/api-docs';
import { CredentialOffer } from '../credential-offer';

export const CREDENTIAL_OFFER_EXAMPLE = {
  id: '5a0c1d2e-3f4a-4b5c-8d9e-0f1a2b3c4d5e',
  issuer: EXAMPLE_ISSUER_DID,
  credentials: [{ id: 'membership-credential-def', type: 'CredentialObject', credentialType: 'MembershipCredential', offerReason: 'reissue' }],
  receivedAt: '2026-01-01T12:00:00.000Z',
};

export class CredentialOfferDto {
  @ApiProperty({ example: CREDENTIAL_OFFER_EXAMPLE.id })
  id: string;

  @ApiProperty({ example: CREDENTIAL_OFFER_EXAMPLE.issuer })
  issuer: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'CredentialObjects as offered', example: CREDENTIAL_OFFER_EXAMPLE.credentials })
  credentials: object[];

  @ApiProperty({ example: CREDENTIAL_OFFER_EXAMPLE.receivedAt })
  receivedAt: string;

  static from(offer: CredentialOffer): CredentialOfferDto {
    return Object.assign(new CredentialOfferDto(), { id: offer.id, issuer: offer.issuer, credentials: offer.credentials, receivedAt: offer.receivedAt.toISOString() });
  }
}
