import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import type { KeyAlgorithm } from '@dsaas/identity';

/** Same rule as the SecretStore's namespaces: the context id names the context's secret namespace. */
export const CONTEXT_ID_PATTERN = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class CreateParticipantContextDto {
  @ApiProperty({ description: 'Customer-facing id of the context (also its secret namespace)', example: 'acme' })
  @Matches(CONTEXT_ID_PATTERN, { message: 'participantContextId must be 1-128 characters of letters, digits, ".", "_" or "-", starting with a letter or digit' })
  participantContextId: string;

  @ApiPropertyOptional({ description: 'did:web DID; default: derived from PUBLIC_URL and the context id', example: 'did:web:identity.example.com:acme' })
  @IsOptional()
  @MaxLength(512)
  @Matches(/^did:web:[A-Za-z0-9.%_:-]+$/, { message: 'did must be a did:web DID' })
  did?: string;

  @ApiPropertyOptional({ description: "The context's DSP endpoint (ProtocolEndpoint service of the DID document)", example: 'https://cp.example.com/api/dsp/acme/2025-1' })
  @IsOptional()
  @MaxLength(2048)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  dspEndpoint?: string;

  @ApiPropertyOptional({ enum: ['ES256', 'EdDSA'], default: 'ES256', example: 'ES256' })
  @IsOptional()
  @IsIn(['ES256', 'EdDSA'])
  keyAlgorithm?: KeyAlgorithm;
}
