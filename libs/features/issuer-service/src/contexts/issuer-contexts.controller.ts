import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { BAD_REQUEST, conflict, FORBIDDEN, ISSUER_ADMIN_READ, ISSUER_ADMIN_WRITE, ISSUER_CTX_PARAM, notFound, UNAUTHENTICATED } from '../http/problem-examples';
import { CreateIssuerContextDto } from './dto/create-issuer-context.dto';
import { ISSUER_CONTEXT_EXAMPLE, IssuerContextDto } from './dto/issuer-context.dto';
import { IssuerContextsService } from './issuer-contexts.service';

const NOT_FOUND = notFound('Participant context', 'dataspace-issuer');

@ApiTags('issuer admin: issuer contexts')
@ApiBearerAuth()
@ApiResponse(UNAUTHENTICATED)
@ApiResponse(FORBIDDEN)
@Controller('api/issuer/participants')
export class IssuerContextsController {
  constructor(private readonly contexts: IssuerContextsService) {}

  @Post()
  @Roles('admin', 'provisioner')
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({
    summary: 'Create an issuer context: DID, signing key, status list and the default MembershipCredential definition',
  })
  @ApiBody({
    type: CreateIssuerContextDto,
    examples: { default: { value: { issuerContextId: 'dataspace-issuer' } }, ed25519: { value: { issuerContextId: 'other-issuer', keyAlgorithm: 'EdDSA' } } },
  })
  @ApiResponse({ status: 201, type: IssuerContextDto, schema: { example: ISSUER_CONTEXT_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(conflict("An issuer context with id 'dataspace-issuer' already exists"))
  async create(@Body() body: CreateIssuerContextDto): Promise<IssuerContextDto> {
    const context = await this.contexts.create({ id: body.issuerContextId, did: body.did, keyAlgorithm: body.keyAlgorithm });
    return IssuerContextDto.from(context, this.contexts.issuanceEndpoint(context.id));
  }

  @Get()
  @Roles('admin', 'provisioner')
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'All issuer contexts' })
  @ApiResponse({ status: 200, type: [IssuerContextDto], schema: { example: [ISSUER_CONTEXT_EXAMPLE] } })
  async list(): Promise<IssuerContextDto[]> {
    return (await this.contexts.list()).map((c) => IssuerContextDto.from(c, this.contexts.issuanceEndpoint(c.id)));
  }

  @Get(':issuerCtxId')
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'One issuer context (public key only)' })
  @ApiParam(ISSUER_CTX_PARAM)
  @ApiResponse({ status: 200, type: IssuerContextDto, schema: { example: ISSUER_CONTEXT_EXAMPLE } })
  @ApiResponse(NOT_FOUND)
  async get(@Param('issuerCtxId') issuerCtxId: string): Promise<IssuerContextDto> {
    return IssuerContextDto.from(await this.contexts.get(issuerCtxId), this.contexts.issuanceEndpoint(issuerCtxId));
  }

  @Delete(':issuerCtxId')
  @HttpCode(204)
  @Roles('admin', 'provisioner')
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Delete an issuer context with its data and keys; its DID stops resolving' })
  @ApiParam(ISSUER_CTX_PARAM)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse(NOT_FOUND)
  async delete(@Param('issuerCtxId') issuerCtxId: string): Promise<void> {
    await this.contexts.delete(issuerCtxId);
  }
}
