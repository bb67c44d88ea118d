import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@dsaas/auth';
import { ValidationException } from '@dsaas/model';
import { CredentialRequestMessage, CredentialStatus, dcpValidator, IssuerMetadata } from '@dsaas/protocol-dcp';
import { ISSUER_CTX_PARAM, notFound, problemExample } from '../http/problem-examples';
import { CredentialRequestsService } from './credential-requests.service';
import { CREDENTIAL_REQUEST_EXAMPLE, CREDENTIAL_STATUS_EXAMPLE, ISSUER_METADATA_EXAMPLE } from './dcp-examples';
import { SelfIssuedTokenAuthenticator } from './self-issued-token.authenticator';

const SI_TOKEN_HEADER = { name: 'Authorization', description: "Bearer <self-issued ID token of the holder, aud = the issuer's DID>", required: true };
const INVALID_TOKEN = {
  status: 401,
  description: 'Missing, expired, replayed or misaddressed self-issued token, or a key not in the holder DID document',
  schema: { example: { ...problemExample(401, 'invalid_token', 'Unauthorized', 'token audience does not match'), reason: 'wrong_audience' } },
};

/**
 * DCP 1.0 issuer service endpoints. Not behind OAuth2: holders authenticate each call with their self-issued
 * ID token, checked against their DID document.
 */
@ApiTags('DCP issuance')
@Public()
@ApiParam(ISSUER_CTX_PARAM)
@Controller('api/issuance/:issuerCtxId')
export class IssuanceController {
  constructor(private readonly requests: CredentialRequestsService, private readonly authenticator: SelfIssuedTokenAuthenticator) {}

  @Get('metadata')
  @ApiOperation({ summary: 'IssuerMetadata: the credentials this issuer offers' })
  @ApiResponse({ status: 200, description: 'IssuerMetadata', schema: { example: ISSUER_METADATA_EXAMPLE } })
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  metadata(@Param('issuerCtxId') issuerCtxId: string): Promise<IssuerMetadata> {
    return this.requests.metadata(issuerCtxId);
  }

  @Post('credentials')
  @HttpCode(201)
  @ApiOperation({ summary: 'CredentialRequestMessage: ask for credentials; answered with the Location of the request (idempotent on holderPid)' })
  @ApiHeader(SI_TOKEN_HEADER)
  @ApiBody({ description: 'CredentialRequestMessage', schema: { type: 'object', example: CREDENTIAL_REQUEST_EXAMPLE } })
  @ApiResponse({
    status: 201,
    description: 'Received; processing continues asynchronously and the CredentialMessage is delivered to the holder',
    headers: { Location: { description: 'The request status URL', schema: { type: 'string', example: 'https://issuer.example.com/api/issuance/dataspace-issuer/requests/5e0f5a8e-1c2b-4d3e-9f4a-6b7c8d9e0f1a' } } },
  })
  @ApiResponse({ status: 400, description: 'Not a valid CredentialRequestMessage', schema: { example: problemExample(400, 'dcp_schema_violation', 'Bad Request') } })
  @ApiResponse(INVALID_TOKEN)
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  async requestCredentials(
    @Param('issuerCtxId') issuerCtxId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const context = await this.requests.context(issuerCtxId);
    const holderDid = await this.authenticator.authenticate(authorization, context.did);
    dcpValidator.assertValid('CredentialRequestMessage', body);
    const message = body as CredentialRequestMessage;
    // The schema does not pin `type`; a different message posted here is still the wrong message.
    if (message.type !== 'CredentialRequestMessage') throw new ValidationException(`type must be CredentialRequestMessage, got ${JSON.stringify(message.type)}`);
    const request = await this.requests.receive(context, holderDid, message);
    response.location(this.requests.requestUrl(issuerCtxId, request.id));
  }

  @Get('requests/:issuerPid')
  @ApiOperation({ summary: 'CredentialStatus of a request; only the holder that made it can see it' })
  @ApiHeader(SI_TOKEN_HEADER)
  @ApiParam({ name: 'issuerPid', example: CREDENTIAL_STATUS_EXAMPLE.issuerPid })
  @ApiResponse({ status: 200, description: 'CredentialStatus', schema: { example: CREDENTIAL_STATUS_EXAMPLE } })
  @ApiResponse(INVALID_TOKEN)
  @ApiResponse(notFound('Credential request', CREDENTIAL_STATUS_EXAMPLE.issuerPid))
  async status(
    @Param('issuerCtxId') issuerCtxId: string,
    @Param('issuerPid') issuerPid: string,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<CredentialStatus> {
    const context = await this.requests.context(issuerCtxId);
    const holderDid = await this.authenticator.authenticate(authorization, context.did);
    return this.requests.status(context, holderDid, issuerPid);
  }
}
