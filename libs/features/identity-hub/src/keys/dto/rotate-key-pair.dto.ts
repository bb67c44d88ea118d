import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { KeyAlgorithm } from '@dsaas/identity';
import { KEY_ID_PATTERN } from './add-key-pair.dto';

export class RotateKeyPairDto {
  @ApiPropertyOptional({ description: 'Id of the new key; generated when omitted', example: 'key-2027' })
  @IsOptional()
  @Matches(KEY_ID_PATTERN, { message: 'newKeyId must be 1-64 characters of letters, digits, ".", "_" or "-"' })
  newKeyId?: string;

  @ApiPropertyOptional({ enum: ['ES256', 'EdDSA'], description: 'Default: the algorithm of the rotated key', example: 'ES256' })
  @IsOptional()
  @IsIn(['ES256', 'EdDSA'])
  algorithm?: KeyAlgorithm;
}
