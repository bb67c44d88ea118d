import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { DidDocument } from '@dsaas/identity';
import { CONTEXT_ID_PARAM, CONTEXT_NOT_FOUND } from '../common/api-docs';
import { DidDocumentsService } from './did-documents.service';
import { DID_DOCUMENT_EXAMPLE, DidDocumentDto } from './dto/did-document.dto';

/** did:web documents, for anyone to resolve. */
@ApiTags('did:web documents')
@Public()
@Controller()
export class DidDocumentController {
  constructor(private readonly documents: DidDocumentsService) {}

  @Get(':ctxId/did.json')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'The DID document of did:web:<host>:<ctxId>' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: DidDocumentDto, schema: { example: DID_DOCUMENT_EXAMPLE } })
  @ApiResponse({ ...CONTEXT_NOT_FOUND, description: 'Unknown, deactivated or unpublished context' })
  get(@Param('ctxId') ctxId: string): Promise<DidDocument> {
    return this.documents.published(ctxId);
  }

  @Get(':ctxId/.well-known/did.json')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'The same DID document, where some resolvers look for it' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: DidDocumentDto, schema: { example: DID_DOCUMENT_EXAMPLE } })
  @ApiResponse({ ...CONTEXT_NOT_FOUND, description: 'Unknown, deactivated or unpublished context' })
  getWellKnown(@Param('ctxId') ctxId: string): Promise<DidDocument> {
    return this.documents.published(ctxId);
  }
}
