import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { DidDocument } from '@dsaas/identity';
import { Scopes } from '@dsaas/model';
import { BAD_REQUEST, CONTEXT_ID_PARAM, CONTEXT_NOT_FOUND, FORBIDDEN, problemExample, UNAUTHORIZED } from '../common/api-docs';
import { DidDocumentsService } from './did-documents.service';
import { AddDidServiceDto } from './dto/add-did-service.dto';
import { DID_DOCUMENT_EXAMPLE, DidDocumentDto } from './dto/did-document.dto';

const NO_BODY = { required: false, description: 'No body', schema: { example: {} } };

@ApiTags('identity: dids')
@ApiBearerAuth()
@ApiResponse(UNAUTHORIZED)
@ApiResponse(FORBIDDEN)
@ApiResponse(CONTEXT_NOT_FOUND)
@Roles('admin', 'provisioner', 'participant')
@Controller('api/identity/participants/:ctxId/dids')
export class DidsController {
  constructor(private readonly documents: DidDocumentsService) {}

  @Get()
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: "The context's DID document (as served, also when unpublished)" })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: DidDocumentDto, schema: { example: DID_DOCUMENT_EXAMPLE } })
  get(@Param('ctxId') ctxId: string): Promise<DidDocument> {
    return this.documents.document(ctxId);
  }

  @Post('services')
  @HttpCode(200)
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Add a service endpoint to the DID document' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiBody({ type: AddDidServiceDto, examples: { issuer: { value: { id: 'issuer-service', type: 'IssuerService', serviceEndpoint: 'https://issuer.example.com/api/issuance/acme' } } } })
  @ApiResponse({ status: 200, type: DidDocumentDto, schema: { example: DID_DOCUMENT_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse({ status: 409, description: 'A service with that id exists', schema: { example: problemExample(409, 'did_service_conflict', 'Conflict') } })
  addService(@Param('ctxId') ctxId: string, @Body() body: AddDidServiceDto): Promise<DidDocument> {
    return this.documents.addService(ctxId, body);
  }

  @Post('publish')
  @HttpCode(200)
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Serve the DID document at its did:web URL (the default for new contexts)' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiBody(NO_BODY)
  @ApiResponse({ status: 200, type: DidDocumentDto, schema: { example: DID_DOCUMENT_EXAMPLE } })
  publish(@Param('ctxId') ctxId: string): Promise<DidDocument> {
    return this.documents.publish(ctxId, true);
  }

  @Post('unpublish')
  @HttpCode(200)
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Stop serving the DID document (resolvers get 404)' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiBody(NO_BODY)
  @ApiResponse({ status: 200, type: DidDocumentDto, schema: { example: DID_DOCUMENT_EXAMPLE } })
  unpublish(@Param('ctxId') ctxId: string): Promise<DidDocument> {
    return this.documents.publish(ctxId, false);
  }
}
