import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { DCP_CONTEXT_URL } from '@dsaas/protocol-dcp';
import { CONTEXT_ID_PARAM, CONTEXT_NOT_FOUND, EXAMPLE_ISSUER_DID, EXAMPLE_JWT, problemExample } from '../common/api-docs';
import { CredentialStorageService } from './credential-storage.service';

const CREDENTIAL_MESSAGE_EXAMPLE = {
  '@context': [DCP_CONTEXT_URL],
  type: 'CredentialMessage',
  issuerPid: 'c7e1f2a0-1d2b-4e5f-8a9b-0c1d2e3f4a5b',
  holderPid: '0b8f6f0e-3f7a-4c61-9a59-3b0e8c2d9f10',
  status: 'ISSUED',
  credentials: [{ credentialType: 'MembershipCredential', payload: EXAMPLE_JWT, format: 'jwt' }],
};
const CREDENTIAL_OFFER_MESSAGE_EXAMPLE = {
  '@context': [DCP_CONTEXT_URL],
  type: 'CredentialOfferMessage',
  issuer: EXAMPLE_ISSUER_DID,
  credentials: [{ id: 'membership-credential-def', type: 'CredentialObject', credentialType: 'MembershipCredential', offerReason: 'reissue' }],
};
const AUTH_HEADER = { name: 'Authorization', description: "Bearer <issuer's self-issued ID token, aud = holder DID>" };
const UNAUTHORIZED = { status: 401, description: 'No valid self-issued token', schema: { example: { ...problemExample(401, 'invalid_token', 'Unauthorized', 'token has expired'), reason: 'expired' } } };
const REFUSED = {
  status: 403,
  description: 'No open request of this holder with this issuer',
  schema: { example: problemExample(403, 'credential_delivery_refused', 'Forbidden', 'No open credential request of this holder matches the message and its issuer') },
};
const ACCEPTED = { status: 200, description: 'Accepted', content: { 'application/json': { example: {} } } };

/** DCP storage API of the credential service (issuer → holder). Authenticated by the issuer's SI token. */
@ApiTags('DCP: credential service')
@Public()
@Controller('api/credentials/:ctxId')
export class StorageController {
  constructor(private readonly storage: CredentialStorageService) {}

  @Post('credentials')
  @HttpCode(200)
  @ApiOperation({ summary: 'CredentialMessage: credentials issued for an open request of this holder (or its rejection)' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiHeader(AUTH_HEADER)
  @ApiBody({ description: 'CredentialMessage (DCP 1.0)', schema: { type: 'object', example: CREDENTIAL_MESSAGE_EXAMPLE } })
  @ApiResponse(ACCEPTED)
  @ApiResponse({ status: 400, description: 'Invalid message or credential (nothing stored)', schema: { example: problemExample(400, 'invalid_credential', 'Bad Request') } })
  @ApiResponse(UNAUTHORIZED)
  @ApiResponse(REFUSED)
  @ApiResponse(CONTEXT_NOT_FOUND)
  async credentials(@Param('ctxId') ctxId: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<Record<string, never>> {
    await this.storage.receiveCredentials(ctxId, authorization, body);
    return {};
  }

  @Post('offers')
  @HttpCode(200)
  @ApiOperation({ summary: 'CredentialOfferMessage: an issuer offers credentials to this holder' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiHeader(AUTH_HEADER)
  @ApiBody({ description: 'CredentialOfferMessage (DCP 1.0)', schema: { type: 'object', example: CREDENTIAL_OFFER_MESSAGE_EXAMPLE } })
  @ApiResponse(ACCEPTED)
  @ApiResponse({ status: 400, description: 'Invalid message', schema: { example: problemExample(400, 'dcp_schema_violation', 'Bad Request') } })
  @ApiResponse(UNAUTHORIZED)
  @ApiResponse({ ...REFUSED, description: 'The offer names another issuer than the caller' })
  @ApiResponse(CONTEXT_NOT_FOUND)
  async offers(@Param('ctxId') ctxId: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<Record<string, never>> {
    await this.storage.receiveOffer(ctxId, authorization, body);
    return {};
  }
}
