import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { BAD_REQUEST, CONTEXT_ID_PARAM, CONTEXT_NOT_FOUND, EXAMPLE_ISSUER_DID, FORBIDDEN, problemExample, UNAUTHORIZED } from '../common/api-docs';
import { CredentialRequestsService } from './credential-requests.service';
import { CredentialStorageService } from './credential-storage.service';
import { CREDENTIAL_OFFER_EXAMPLE, CredentialOfferDto } from './dto/credential-offer.dto';
import { CREDENTIAL_REQUEST_EXAMPLE, CredentialRequestDto } from './dto/credential-request.dto';
import { RequestCredentialsDto } from './dto/request-credentials.dto';

/** Identity API for the holder side of issuance. Registered before the credentials controller (its `:id` route). */
@ApiTags('identity: credential requests and offers')
@ApiBearerAuth()
@ApiResponse(UNAUTHORIZED)
@ApiResponse(FORBIDDEN)
@ApiResponse(CONTEXT_NOT_FOUND)
@Roles('admin', 'provisioner', 'participant')
@Controller('api/identity/participants/:ctxId/credentials')
export class CredentialRequestsController {
  constructor(private readonly requests: CredentialRequestsService, private readonly storage: CredentialStorageService) {}

  @Post('request')
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: "Ask an issuer for credentials (DCP CredentialRequestMessage to the IssuerService of its DID document)" })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiBody({
    type: RequestCredentialsDto,
    examples: {
      byType: { value: { issuerDid: EXAMPLE_ISSUER_DID, credentials: [{ credentialType: 'MembershipCredential' }] } },
      byId: { value: { issuerDid: EXAMPLE_ISSUER_DID, credentials: [{ id: 'membership-credential-def', format: 'vc1_0_jwt' }] } },
    },
  })
  @ApiResponse({ status: 201, type: CredentialRequestDto, schema: { example: CREDENTIAL_REQUEST_EXAMPLE } })
  @ApiResponse({ ...BAD_REQUEST, description: 'Malformed body, unresolvable issuer DID or unknown credential type' })
  @ApiResponse({ status: 502, description: 'The issuer could not be reached or refused (request kept in state ERROR)', schema: { example: problemExample(502, 'issuer_call_failed', 'Bad Gateway') } })
  async request(@Param('ctxId') ctxId: string, @Body() body: RequestCredentialsDto): Promise<CredentialRequestDto> {
    return CredentialRequestDto.from(await this.requests.request(ctxId, body));
  }

  @Get('requests')
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: 'Credential requests of the context' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: [CredentialRequestDto], schema: { example: [CREDENTIAL_REQUEST_EXAMPLE] } })
  async list(@Param('ctxId') ctxId: string): Promise<CredentialRequestDto[]> {
    return (await this.requests.list(ctxId)).map(CredentialRequestDto.from);
  }

  @Get('requests/:holderPid')
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: 'One credential request and its state' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiParam({ name: 'holderPid', example: CREDENTIAL_REQUEST_EXAMPLE.holderPid })
  @ApiResponse({ status: 200, type: CredentialRequestDto, schema: { example: { ...CREDENTIAL_REQUEST_EXAMPLE, state: 'ISSUED' } } })
  async get(@Param('ctxId') ctxId: string, @Param('holderPid') holderPid: string): Promise<CredentialRequestDto> {
    return CredentialRequestDto.from(await this.requests.get(ctxId, holderPid));
  }

  @Get('offers')
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: 'Credential offers issuers sent to the context' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: [CredentialOfferDto], schema: { example: [CREDENTIAL_OFFER_EXAMPLE] } })
  async offers(@Param('ctxId') ctxId: string): Promise<CredentialOfferDto[]> {
    return (await this.storage.listOffers(ctxId)).map(CredentialOfferDto.from);
  }
}
