import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@dsaas/auth';
import { BAD_REQUEST, conflict, FORBIDDEN, ISSUER_ADMIN_READ, ISSUER_ADMIN_WRITE, ISSUER_CTX_PARAM, notFound, UNAUTHENTICATED } from '../http/problem-examples';
import { CredentialDefinitionsService } from './credential-definitions.service';
import { CreateCredentialDefinitionDto } from './dto/create-credential-definition.dto';
import { CREDENTIAL_DEFINITION_EXAMPLE, CredentialDefinitionDto } from './dto/credential-definition.dto';
import { CredentialDefinitionInputDto } from './dto/credential-definition-input.dto';

const DEFINITION_ID = { name: 'definitionId', example: 'membership-credential' };
const NOT_FOUND = notFound('Credential definition', 'membership-credential');
const INPUT_EXAMPLE = {
  credentialType: 'FullMembershipCredential',
  format: 'vc2_0_jose',
  validitySeconds: 2592000,
  attestations: ['holder-database'],
  rules: [{ type: 'equals', path: 'holder.properties.membershipType', value: 'FullMember' }],
  mappings: [{ from: 'holder.properties.membershipStartDate', to: 'credentialSubject.membership.since' }],
};

@ApiTags('issuer admin: credential definitions')
@ApiBearerAuth()
@ApiParam(ISSUER_CTX_PARAM)
@ApiResponse(UNAUTHENTICATED)
@ApiResponse(FORBIDDEN)
@Controller('api/issuer/participants/:issuerCtxId/credentialdefinitions')
export class CredentialDefinitionsController {
  constructor(private readonly definitions: CredentialDefinitionsService) {}

  @Post()
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Define a credential the issuer offers (listed in its DCP metadata)' })
  @ApiBody({ type: CreateCredentialDefinitionDto, examples: { fullMember: { value: { id: 'full-membership-credential', ...INPUT_EXAMPLE } } } })
  @ApiResponse({ status: 201, type: CredentialDefinitionDto, schema: { example: CREDENTIAL_DEFINITION_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(conflict("Credential definition 'full-membership-credential' already exists"))
  async create(@Param('issuerCtxId') issuerCtxId: string, @Body() body: CreateCredentialDefinitionDto): Promise<CredentialDefinitionDto> {
    const { id, ...input } = body;
    return CredentialDefinitionDto.from(await this.definitions.create(issuerCtxId, id, input));
  }

  @Get()
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'All credential definitions of the issuer' })
  @ApiResponse({ status: 200, type: [CredentialDefinitionDto], schema: { example: [CREDENTIAL_DEFINITION_EXAMPLE] } })
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  async list(@Param('issuerCtxId') issuerCtxId: string): Promise<CredentialDefinitionDto[]> {
    return (await this.definitions.list(issuerCtxId)).map(CredentialDefinitionDto.from);
  }

  @Get(':definitionId')
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'One credential definition' })
  @ApiParam(DEFINITION_ID)
  @ApiResponse({ status: 200, type: CredentialDefinitionDto, schema: { example: CREDENTIAL_DEFINITION_EXAMPLE } })
  @ApiResponse(NOT_FOUND)
  async get(@Param('issuerCtxId') issuerCtxId: string, @Param('definitionId') id: string): Promise<CredentialDefinitionDto> {
    return CredentialDefinitionDto.from(await this.definitions.get(issuerCtxId, id));
  }

  @Put(':definitionId')
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Replace a credential definition (credentials already issued are unchanged)' })
  @ApiParam(DEFINITION_ID)
  @ApiBody({ type: CredentialDefinitionInputDto, examples: { fullMember: { value: INPUT_EXAMPLE } } })
  @ApiResponse({ status: 200, type: CredentialDefinitionDto, schema: { example: CREDENTIAL_DEFINITION_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(NOT_FOUND)
  async update(
    @Param('issuerCtxId') issuerCtxId: string,
    @Param('definitionId') id: string,
    @Body() body: CredentialDefinitionInputDto,
  ): Promise<CredentialDefinitionDto> {
    return CredentialDefinitionDto.from(await this.definitions.update(issuerCtxId, id, body));
  }

  @Delete(':definitionId')
  @HttpCode(204)
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Stop offering a credential (issued ones stay valid until revoked)' })
  @ApiParam(DEFINITION_ID)
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiResponse(NOT_FOUND)
  async delete(@Param('issuerCtxId') issuerCtxId: string, @Param('definitionId') id: string): Promise<void> {
    await this.definitions.delete(issuerCtxId, id);
  }
}
