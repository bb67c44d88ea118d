import { ApiProperty } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { KEY_ALGORITHMS, KeyAlgorithm } from '@dsaas/identity';
import { IssuerContext, issuerKid } from '../issuer-context';

export const ISSUER_CONTEXT_EXAMPLE = {
  issuerContextId: 'dataspace-issuer',
  did: 'did:web:issuer.example.com:dataspace-issuer',
  keyId: 'did:web:issuer.example.com:dataspace-issuer#key-1',
  keyAlgorithm: 'ES256',
  publicJwk: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', alg: 'ES256' },
  issuanceEndpoint: 'https://issuer.example.com/api/issuance/dataspace-issuer',
  createdAt: '2026-01-01T12:00:00.000Z',
};

/** An issuer context as the admin API shows it: public key only. */
export class IssuerContextDto {
  @ApiProperty({ example: ISSUER_CONTEXT_EXAMPLE.issuerContextId })
  issuerContextId: string;

  @ApiProperty({ example: ISSUER_CONTEXT_EXAMPLE.did })
  did: string;

  @ApiProperty({ example: ISSUER_CONTEXT_EXAMPLE.keyId, description: 'Absolute key id (kid of the JWS headers)' })
  keyId: string;

  @ApiProperty({ enum: KEY_ALGORITHMS, example: ISSUER_CONTEXT_EXAMPLE.keyAlgorithm })
  keyAlgorithm: KeyAlgorithm;

  @ApiProperty({ example: ISSUER_CONTEXT_EXAMPLE.publicJwk })
  publicJwk: JWK;

  @ApiProperty({ example: ISSUER_CONTEXT_EXAMPLE.issuanceEndpoint, description: 'The IssuerService endpoint of the DID document' })
  issuanceEndpoint: string;

  @ApiProperty({ example: ISSUER_CONTEXT_EXAMPLE.createdAt })
  createdAt: string;

  static from(context: IssuerContext, issuanceEndpoint: string): IssuerContextDto {
    return Object.assign(new IssuerContextDto(), {
      issuerContextId: context.id,
      did: context.did,
      keyId: issuerKid(context),
      keyAlgorithm: context.keyAlgorithm,
      publicJwk: context.publicJwk,
      issuanceEndpoint,
      createdAt: context.createdAt.toISOString(),
    });
  }
}
