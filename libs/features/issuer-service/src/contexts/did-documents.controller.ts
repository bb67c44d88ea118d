import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import type { DidDocument } from '@dsaas/identity';
import { ISSUER_CTX_PARAM, notFound } from '../http/problem-examples';
import { IssuerContextsService } from './issuer-contexts.service';

const DID_DOCUMENT_EXAMPLE = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
  id: 'did:web:issuer.example.com:dataspace-issuer',
  verificationMethod: [
    {
      id: 'did:web:issuer.example.com:dataspace-issuer#key-1',
      type: 'JsonWebKey2020',
      controller: 'did:web:issuer.example.com:dataspace-issuer',
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', alg: 'ES256' },
    },
  ],
  authentication: ['did:web:issuer.example.com:dataspace-issuer#key-1'],
  assertionMethod: ['did:web:issuer.example.com:dataspace-issuer#key-1'],
  service: [
    {
      id: 'did:web:issuer.example.com:dataspace-issuer#issuer-service',
      type: 'IssuerService',
      serviceEndpoint: 'https://issuer.example.com/api/issuance/dataspace-issuer',
    },
  ],
};
const OK = { status: 200, description: 'The DID document', content: { 'application/did+json': { example: DID_DOCUMENT_EXAMPLE } } };

/** did:web documents of the issuer contexts, public as did:web requires. */
@ApiTags('did:web')
@Public()
@Controller()
export class DidDocumentsController {
  constructor(private readonly contexts: IssuerContextsService) {}

  @Get(':issuerCtxId/did.json')
  @Header('Content-Type', 'application/did+json')
  @ApiOperation({ summary: 'DID document of an issuer context' })
  @ApiParam(ISSUER_CTX_PARAM)
  @ApiResponse(OK)
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  document(@Param('issuerCtxId') issuerCtxId: string): Promise<DidDocument> {
    return this.contexts.didDocument(issuerCtxId);
  }

  @Get(':issuerCtxId/.well-known/did.json')
  @Header('Content-Type', 'application/did+json')
  @ApiOperation({ summary: 'The same DID document, where some resolvers look for it' })
  @ApiParam(ISSUER_CTX_PARAM)
  @ApiResponse(OK)
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  wellKnownDocument(@Param('issuerCtxId') issuerCtxId: string): Promise<DidDocument> {
    return this.contexts.didDocument(issuerCtxId);
  }
}
