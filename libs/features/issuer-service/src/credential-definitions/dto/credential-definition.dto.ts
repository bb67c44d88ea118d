import { ApiProperty } from '@nestjs/swagger';
import type { CredentialFormat } from '@dsaas/identity';
import { ClaimMapping, CREDENTIAL_FORMATS, CredentialDefinition, CredentialRule } from '../credential-definition';

export const CREDENTIAL_DEFINITION_EXAMPLE = {
  id: 'membership-credential',
  credentialType: 'MembershipCredential',
  format: 'vc1_0_jwt',
  validitySeconds: 31536000,
  attestations: ['holder-database'],
  rules: [],
  mappings: [
    { from: 'holder.properties.membershipType', to: 'credentialSubject.membership.membershipType', default: 'FullMember' },
    { from: 'holder.properties.membershipStartDate', to: 'credentialSubject.membership.since' },
    { from: 'holder.properties.membershipStartDate', to: 'credentialSubject.membershipStartDate' },
  ],
  createdAt: '2026-01-01T12:00:00.000Z',
  updatedAt: '2026-01-01T12:00:00.000Z',
};

export class CredentialDefinitionDto {
  @ApiProperty({ example: CREDENTIAL_DEFINITION_EXAMPLE.id })
  id: string;

  @ApiProperty({ example: CREDENTIAL_DEFINITION_EXAMPLE.credentialType })
  credentialType: string;

  @ApiProperty({ enum: CREDENTIAL_FORMATS, example: CREDENTIAL_DEFINITION_EXAMPLE.format })
  format: CredentialFormat;

  @ApiProperty({ example: CREDENTIAL_DEFINITION_EXAMPLE.validitySeconds })
  validitySeconds: number;

  @ApiProperty({ type: [String], example: CREDENTIAL_DEFINITION_EXAMPLE.attestations })
  attestations: string[];

  @ApiProperty({ example: [{ type: 'equals', path: 'holder.properties.membershipType', value: 'FullMember' }] })
  rules: CredentialRule[];

  @ApiProperty({ example: CREDENTIAL_DEFINITION_EXAMPLE.mappings })
  mappings: ClaimMapping[];

  @ApiProperty({ example: CREDENTIAL_DEFINITION_EXAMPLE.createdAt })
  createdAt: string;

  @ApiProperty({ example: CREDENTIAL_DEFINITION_EXAMPLE.updatedAt })
  updatedAt: string;

  static from(definition: CredentialDefinition): CredentialDefinitionDto {
    return Object.assign(new CredentialDefinitionDto(), {
      id: definition.id,
      credentialType: definition.credentialType,
      format: definition.format,
      validitySeconds: definition.validitySeconds,
      attestations: definition.attestations,
      rules: definition.rules,
      mappings: definition.mappings,
      createdAt: definition.createdAt.toISOString(),
      updatedAt: definition.updatedAt.toISOString(),
    });
  }
}
