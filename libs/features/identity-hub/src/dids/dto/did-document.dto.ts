import { ApiProperty } from '@nestjs/swagger';

export const DID_DOCUMENT_EXAMPLE = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
  id: 'did:web:identity.example.com:acme',
  verificationMethod: [
    {
      id: 'did:web:identity.example.com:acme#key-1a2b3c4d5e6f',
      type: 'JsonWebKey2020',
      controller: 'did:web:identity.example.com:acme',
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', alg: 'ES256', kid: 'key-1a2b3c4d5e6f' },
    },
  ],
  authentication: ['did:web:identity.example.com:acme#key-1a2b3c4d5e6f'],
  assertionMethod: ['did:web:identity.example.com:acme#key-1a2b3c4d5e6f'],
  service: [
    { id: 'did:web:identity.example.com:acme#credential-service', type: 'CredentialService', serviceEndpoint: 'https://identity.example.com/api/credentials/acme' },
    { id: 'did:web:identity.example.com:acme#dsp', type: 'ProtocolEndpoint', serviceEndpoint: 'https://cp.example.com/api/dsp/acme/2025-1' },
  ],
};

/** A W3C DID document (JsonWebKey2020 verification methods). */
export class DidDocumentDto {
  @ApiProperty({ name: '@context', type: [String], example: DID_DOCUMENT_EXAMPLE['@context'] })
  '@context': string[];

  @ApiProperty({ example: DID_DOCUMENT_EXAMPLE.id })
  id: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, example: DID_DOCUMENT_EXAMPLE.verificationMethod })
  verificationMethod: object[];

  @ApiProperty({ type: [String], example: DID_DOCUMENT_EXAMPLE.authentication })
  authentication: string[];

  @ApiProperty({ type: [String], example: DID_DOCUMENT_EXAMPLE.assertionMethod })
  assertionMethod: string[];

  @ApiProperty({ type: 'array', items: { type: 'object' }, example: DID_DOCUMENT_EXAMPLE.service })
  service: object[];
}
