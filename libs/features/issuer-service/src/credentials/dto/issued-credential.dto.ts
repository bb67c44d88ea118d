import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CredentialFormat } from '@dsaas/identity';
import { CREDENTIAL_FORMATS } from '../../credential-definitions/credential-definition';
import { IssuedCredential } from '../issued-credential';

export const ISSUED_CREDENTIAL_EXAMPLE = {
  id: '0b7d3a52-6f0e-4a55-9d0c-3f6a2b1c9e8d',
  credentialDefinitionId: 'membership-credential',
  credentialType: 'MembershipCredential',
  holderDid: 'did:web:identity-hub.example.com:acme',
  format: 'vc1_0_jwt',
  requestId: '5e0f5a8e-1c2b-4d3e-9f4a-6b7c8d9e0f1a',
  statusListId: '6f1c1b0e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  statusListIndex: 17,
  issuedAt: '2026-01-01T12:00:00.000Z',
  expiresAt: '2027-01-01T12:00:00.000Z',
};

/** An issued credential as the admin API shows it (the JWT itself only went to the holder). */
export class IssuedCredentialDto {
  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.id })
  id: string;

  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.credentialDefinitionId })
  credentialDefinitionId: string;

  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.credentialType })
  credentialType: string;

  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.holderDid })
  holderDid: string;

  @ApiProperty({ enum: CREDENTIAL_FORMATS, example: ISSUED_CREDENTIAL_EXAMPLE.format })
  format: CredentialFormat;

  @ApiPropertyOptional({ example: ISSUED_CREDENTIAL_EXAMPLE.requestId, description: 'The DCP credential request (issuerPid) it answered' })
  requestId?: string;

  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.statusListId })
  statusListId: string;

  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.statusListIndex })
  statusListIndex: number;

  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.issuedAt })
  issuedAt: string;

  @ApiProperty({ example: ISSUED_CREDENTIAL_EXAMPLE.expiresAt })
  expiresAt: string;

  @ApiPropertyOptional({ example: '2026-06-01T12:00:00.000Z', description: 'Set once revoked' })
  revokedAt?: string;

  static from(credential: IssuedCredential): IssuedCredentialDto {
    return Object.assign(new IssuedCredentialDto(), {
      id: credential.id,
      credentialDefinitionId: credential.credentialDefinitionId,
      credentialType: credential.credentialType,
      holderDid: credential.holderDid,
      format: credential.format,
      requestId: credential.requestId,
      statusListId: credential.statusListId,
      statusListIndex: credential.statusListIndex,
      issuedAt: credential.issuedAt.toISOString(),
      expiresAt: credential.expiresAt.toISOString(),
      revokedAt: credential.revokedAt?.toISOString(),
    });
  }
}
