import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SigningKeyInfo } from './signing-key';

export const SIGNING_KEY_EXAMPLE = {
  kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
  algorithm: 'ES256',
  createdAt: '2026-01-01T12:00:00.000Z',
};

export class SigningKeyDto {
  @ApiProperty({ example: SIGNING_KEY_EXAMPLE.kid })
  kid: string;

  @ApiProperty({ example: SIGNING_KEY_EXAMPLE.algorithm })
  algorithm: string;

  @ApiProperty({ example: SIGNING_KEY_EXAMPLE.createdAt })
  createdAt: string;

  @ApiPropertyOptional({ description: 'When it stopped signing; absent for the active key' })
  retiredAt?: string;

  @ApiPropertyOptional({ description: 'When it leaves the JWKS' })
  expiresAt?: string;

  static from(key: SigningKeyInfo): SigningKeyDto {
    return Object.assign(new SigningKeyDto(), {
      kid: key.kid,
      algorithm: key.algorithm,
      createdAt: key.createdAt.toISOString(),
      retiredAt: key.retiredAt?.toISOString(),
      expiresAt: key.expiresAt?.toISOString(),
    });
  }
}
