import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@dsaas/auth';
import { FORBIDDEN, ISSUER_ADMIN_READ, ISSUER_ADMIN_WRITE, ISSUER_CTX_PARAM, notFound, UNAUTHENTICATED } from '../http/problem-examples';
import { ISSUED_CREDENTIAL_EXAMPLE, IssuedCredentialDto } from './dto/issued-credential.dto';
import { IssuedCredentialsService } from './issued-credentials.service';

const CREDENTIAL_ID = { name: 'credentialId', example: ISSUED_CREDENTIAL_EXAMPLE.id };
const NOT_FOUND = notFound('Credential', ISSUED_CREDENTIAL_EXAMPLE.id);

@ApiTags('issuer admin: issued credentials')
@ApiBearerAuth()
@ApiParam(ISSUER_CTX_PARAM)
@ApiResponse(UNAUTHENTICATED)
@ApiResponse(FORBIDDEN)
@Controller('api/issuer/participants/:issuerCtxId/credentials')
export class IssuedCredentialsController {
  constructor(private readonly credentials: IssuedCredentialsService) {}

  @Get()
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'Credentials the issuer has issued, newest first' })
  @ApiQuery({ name: 'holderDid', required: false, example: ISSUED_CREDENTIAL_EXAMPLE.holderDid })
  @ApiResponse({ status: 200, type: [IssuedCredentialDto], schema: { example: [ISSUED_CREDENTIAL_EXAMPLE] } })
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  async list(@Param('issuerCtxId') issuerCtxId: string, @Query('holderDid') holderDid?: string): Promise<IssuedCredentialDto[]> {
    return (await this.credentials.list(issuerCtxId, typeof holderDid === 'string' ? holderDid : undefined)).map(IssuedCredentialDto.from);
  }

  @Get(':credentialId')
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'One issued credential' })
  @ApiParam(CREDENTIAL_ID)
  @ApiResponse({ status: 200, type: IssuedCredentialDto, schema: { example: ISSUED_CREDENTIAL_EXAMPLE } })
  @ApiResponse(NOT_FOUND)
  async get(@Param('issuerCtxId') issuerCtxId: string, @Param('credentialId') id: string): Promise<IssuedCredentialDto> {
    return IssuedCredentialDto.from(await this.credentials.get(issuerCtxId, id));
  }

  @Post(':credentialId/revoke')
  @HttpCode(200)
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: "Revoke: sets the credential's bit in the published status list (idempotent)" })
  @ApiParam(CREDENTIAL_ID)
  @ApiBody({ required: false, description: 'No body', schema: { example: {} } })
  @ApiResponse({ status: 200, type: IssuedCredentialDto, schema: { example: { ...ISSUED_CREDENTIAL_EXAMPLE, revokedAt: '2026-06-01T12:00:00.000Z' } } })
  @ApiResponse(NOT_FOUND)
  async revoke(@Param('issuerCtxId') issuerCtxId: string, @Param('credentialId') id: string): Promise<IssuedCredentialDto> {
    return IssuedCredentialDto.from(await this.credentials.revoke(issuerCtxId, id));
  }
}
