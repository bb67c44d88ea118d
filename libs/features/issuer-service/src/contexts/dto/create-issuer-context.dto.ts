import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { KEY_ALGORITHMS, KeyAlgorithm } from '@dsaas/identity';
import { DID_PATTERN } from '../../holders/dto/holder-input.dto';
import { RESOURCE_ID_PATTERN } from '../../holders/dto/create-holder.dto';

export class CreateIssuerContextDto {
  @ApiProperty({ example: 'dataspace-issuer' })
  @Matches(RESOURCE_ID_PATTERN, { message: 'issuerContextId must be 1-128 characters of A-Z a-z 0-9 . _ ~ -' })
  issuerContextId: string;

  @ApiPropertyOptional({
    description: 'Defaults to did:web for PUBLIC_URL/<issuerContextId>, whose document this service serves',
    example: 'did:web:issuer.example.com:dataspace-issuer',
  })
  @IsOptional()
  @Matches(DID_PATTERN, { message: 'did must be a DID (did:<method>:<id>)' })
  @Length(1, 512)
  did?: string;

  @ApiPropertyOptional({ enum: KEY_ALGORITHMS, example: 'ES256', description: 'Default ES256 (P-256); EdDSA is Ed25519' })
  @IsOptional()
  @IsIn(KEY_ALGORITHMS as unknown as string[])
  keyAlgorithm?: KeyAlgorithm;
}
