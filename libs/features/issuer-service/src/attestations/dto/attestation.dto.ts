import { ApiProperty } from '@nestjs/swagger';
import { AttestationDefinition, ATTESTATION_TYPES, AttestationType, DatabaseAttestationConfig } from '../attestation-definition';

export const ATTESTATION_EXAMPLE = {
  id: 'holder-database',
  type: 'database',
  config: { table: 'holders' },
  createdAt: '2026-01-01T12:00:00.000Z',
};

export class AttestationDto {
  @ApiProperty({ example: ATTESTATION_EXAMPLE.id })
  id: string;

  @ApiProperty({ enum: ATTESTATION_TYPES, example: ATTESTATION_EXAMPLE.type })
  type: AttestationType;

  @ApiProperty({ example: ATTESTATION_EXAMPLE.config })
  config: DatabaseAttestationConfig;

  @ApiProperty({ example: ATTESTATION_EXAMPLE.createdAt })
  createdAt: string;

  static from(definition: AttestationDefinition): AttestationDto {
    return Object.assign(new AttestationDto(), {
      id: definition.id,
      type: definition.type,
      config: definition.config,
      createdAt: definition.createdAt.toISOString(),
    });
  }
}
