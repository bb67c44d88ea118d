import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { BAD_REQUEST, CONTEXT_ID_PARAM, EXAMPLE_JWT, FORBIDDEN, problemExample, UNAUTHORIZED } from '../common/api-docs';
import { CredentialsService } from './credentials.service';
import { CREDENTIAL_EXAMPLE, CREDENTIAL_METADATA_EXAMPLE, CredentialDto } from './dto/credential.dto';
import { ImportCredentialDto } from './dto/import-credential.dto';
import { ListCredentialsQuery } from './dto/list-credentials.query';

const CREDENTIAL_ID_PARAM = { name: 'id', description: 'Id of the stored credential', example: CREDENTIAL_METADATA_EXAMPLE.id };
const NOT_FOUND = {
  status: 404,
  description: 'No such context or credential (also for a context the token may not reach)',
  schema: { example: problemExample(404, 'not_found', 'Not Found', "Credential '7d1c3b7e-7b1f-4a8e-9a37-3f4a8d0f2c11' was not found") },
};

@ApiTags('identity: credentials')
@ApiBearerAuth()
@ApiResponse(UNAUTHORIZED)
@ApiResponse(FORBIDDEN)
@ApiResponse(NOT_FOUND)
@Roles('admin', 'provisioner', 'participant')
@Controller('api/identity/participants/:ctxId/credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: 'Credentials the context holds (metadata only unless includeContent=true)' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: [CredentialDto], schema: { example: [CREDENTIAL_METADATA_EXAMPLE] } })
  async list(@Param('ctxId') ctxId: string, @Query() query: ListCredentialsQuery): Promise<CredentialDto[]> {
    return (await this.credentials.list(ctxId, query.type)).map((c) => CredentialDto.from(c, query.includeContent === true));
  }

  @Get(':id')
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: 'One credential with its JWT and decoded content' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiParam(CREDENTIAL_ID_PARAM)
  @ApiResponse({ status: 200, type: CredentialDto, schema: { example: CREDENTIAL_EXAMPLE } })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string): Promise<CredentialDto> {
    return CredentialDto.from(await this.credentials.get(ctxId, id), true);
  }

  @Post()
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: "Import a JWT VC issued to the context's DID" })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiBody({ type: ImportCredentialDto, examples: { jwtVc: { value: { credential: EXAMPLE_JWT } } } })
  @ApiResponse({ status: 201, type: CredentialDto, schema: { example: CREDENTIAL_EXAMPLE } })
  @ApiResponse({ ...BAD_REQUEST, description: 'Not a JWT VC, or about another DID' })
  @ApiResponse({ status: 409, description: 'Already held', schema: { example: problemExample(409, 'conflict', 'Conflict') } })
  async import(@Param('ctxId') ctxId: string, @Body() body: ImportCredentialDto): Promise<CredentialDto> {
    return CredentialDto.from(await this.credentials.import(ctxId, body.credential), true);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Delete a credential' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiParam(CREDENTIAL_ID_PARAM)
  @ApiResponse({ status: 204, description: 'Deleted' })
  async delete(@Param('ctxId') ctxId: string, @Param('id') id: string): Promise<void> {
    await this.credentials.delete(ctxId, id);
  }
}
