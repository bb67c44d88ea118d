import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KeyPair } from '../key-pair';

export const KEY_PAIR_EXAMPLE = {
  keyId: 'key-1a2b3c4d5e6f',
  kid: 'did:web:identity.example.com:acme#key-1a2b3c4d5e6f',
  algorithm: 'ES256',
  publicJwk: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', alg: 'ES256', kid: 'key-1a2b3c4d5e6f' },
  state: 'active',
  isDefault: true,
  createdAt: '2026-01-01T12:00:00.000Z',
};

/** A key pair as the API shows it: the public key only, never the private one. */
export class KeyPairDto {
  @ApiProperty({ example: KEY_PAIR_EXAMPLE.keyId })
  keyId: string;

  @ApiProperty({ description: 'Absolute key id (JWS kid, DID URL of the verification method)', example: KEY_PAIR_EXAMPLE.kid })
  kid: string;

  @ApiProperty({ enum: ['ES256', 'EdDSA'], example: KEY_PAIR_EXAMPLE.algorithm })
  algorithm: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: KEY_PAIR_EXAMPLE.publicJwk })
  publicJwk: object;

  @ApiProperty({ enum: ['active', 'rotated', 'revoked'], example: KEY_PAIR_EXAMPLE.state })
  state: string;

  @ApiProperty({ description: 'The key the context signs with', example: true })
  isDefault: boolean;

  @ApiProperty({ example: KEY_PAIR_EXAMPLE.createdAt })
  createdAt: string;

  @ApiPropertyOptional({ example: '2026-02-01T12:00:00.000Z' })
  rotatedAt?: string;

  @ApiPropertyOptional({ example: '2026-03-01T12:00:00.000Z' })
  revokedAt?: string;

  static from(did: string, key: KeyPair): KeyPairDto {
    return Object.assign(new KeyPairDto(), {
      keyId: key.keyId,
      kid: `${did}#${key.keyId}`,
      algorithm: key.algorithm,
      publicJwk: key.publicJwk,
      state: key.state,
      isDefault: key.isDefault,
      createdAt: key.createdAt.toISOString(),
      rotatedAt: key.rotatedAt?.toISOString(),
      revokedAt: key.revokedAt?.toISOString(),
    });
  }
}
