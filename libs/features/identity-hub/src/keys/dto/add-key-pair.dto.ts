import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import type { KeyAlgorithm } from '@dsaas/identity';

export const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class AddKeyPairDto {
  @ApiPropertyOptional({ description: 'Fragment of the verification method; generated when omitted', example: 'key-2026' })
  @IsOptional()
  @Matches(KEY_ID_PATTERN, { message: 'keyId must be 1-64 characters of letters, digits, ".", "_" or "-"' })
  keyId?: string;

  @ApiPropertyOptional({ enum: ['ES256', 'EdDSA'], default: 'ES256', example: 'EdDSA' })
  @IsOptional()
  @IsIn(['ES256', 'EdDSA'])
  algorithm?: KeyAlgorithm;

  @ApiPropertyOptional({ description: 'Sign with this key from now on', default: false, example: false })
  @IsOptional()
  @IsBoolean()
  makeDefault?: boolean;
}
