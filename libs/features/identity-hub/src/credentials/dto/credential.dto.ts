import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXAMPLE_DID, EXAMPLE_ISSUER_DID, EXAMPLE_JWT } from '../../common/api-docs';
import { StoredCredential } from '../stored-credential';

export const CREDENTIAL_METADATA_EXAMPLE = {
  id: '7d1c3b7e-7b1f-4a8e-9a37-3f4a8d0f2c11',
  credentialId: 'urn:uuid:2f7b1e38-5a8e-4c6a-8f1d-7a3c0e9b4d21',
  types: ['VerifiableCredential', 'MembershipCredential'],
  issuer: EXAMPLE_ISSUER_DID,
  format: 'vc1_0_jwt',
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2027-01-01T00:00:00.000Z',
  source: 'issuance',
  createdAt: '2026-01-01T12:00:00.000Z',
};

export const CREDENTIAL_EXAMPLE = {
  ...CREDENTIAL_METADATA_EXAMPLE,
  raw: EXAMPLE_JWT,
  content: {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiableCredential', 'MembershipCredential'],
    issuer: EXAMPLE_ISSUER_DID,
    issuanceDate: '2026-01-01T00:00:00Z',
    credentialSubject: { id: EXAMPLE_DID, membership: { membershipType: 'FullMember', since: '2026-01-01T00:00:00Z' } },
  },
};

/** A held credential: metadata, plus the JWT and its decoded content when asked for. */
export class CredentialDto {
  @ApiProperty({ description: 'Id of the stored credential in this hub', example: CREDENTIAL_METADATA_EXAMPLE.id })
  id: string;

  @ApiPropertyOptional({ description: "The VC's own id", example: CREDENTIAL_METADATA_EXAMPLE.credentialId })
  credentialId?: string;

  @ApiProperty({ type: [String], example: CREDENTIAL_METADATA_EXAMPLE.types })
  types: string[];

  @ApiProperty({ example: CREDENTIAL_METADATA_EXAMPLE.issuer })
  issuer: string;

  @ApiProperty({ enum: ['vc1_0_jwt', 'vc2_0_jose'], example: CREDENTIAL_METADATA_EXAMPLE.format })
  format: string;

  @ApiPropertyOptional({ example: CREDENTIAL_METADATA_EXAMPLE.validFrom })
  validFrom?: string;

  @ApiPropertyOptional({ example: CREDENTIAL_METADATA_EXAMPLE.validUntil })
  validUntil?: string;

  @ApiProperty({ enum: ['import', 'issuance'], example: CREDENTIAL_METADATA_EXAMPLE.source })
  source: string;

  @ApiProperty({ example: CREDENTIAL_METADATA_EXAMPLE.createdAt })
  createdAt: string;

  @ApiPropertyOptional({ description: 'The JWT VC (single reads, or lists with includeContent=true)', example: EXAMPLE_JWT })
  raw?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The decoded credential', example: CREDENTIAL_EXAMPLE.content })
  content?: Record<string, unknown>;

  static from(credential: StoredCredential, withContent: boolean): CredentialDto {
    return Object.assign(new CredentialDto(), {
      id: credential.id,
      credentialId: credential.credentialId,
      types: credential.types,
      issuer: credential.issuer,
      format: credential.format,
      validFrom: credential.validFrom?.toISOString(),
      validUntil: credential.validUntil?.toISOString(),
      source: credential.source,
      createdAt: credential.createdAt.toISOString(),
      ...(withContent ? { raw: credential.raw, content: credential.content } : {}),
    });
  }
}
