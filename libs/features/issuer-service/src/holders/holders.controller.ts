import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'crypto';
import { RequireScopes } from '@dsaas/auth';
import { BAD_REQUEST, conflict, FORBIDDEN, ISSUER_ADMIN_READ, ISSUER_ADMIN_WRITE, ISSUER_CTX_PARAM, notFound, UNAUTHENTICATED } from '../http/problem-examples';
import { CreateHolderDto } from './dto/create-holder.dto';
import { HOLDER_EXAMPLE, HolderDto } from './dto/holder.dto';
import { HolderInputDto } from './dto/holder-input.dto';
import { HoldersService } from './holders.service';

const HOLDER_ID = { name: 'holderId', example: 'acme' };
const NOT_FOUND = notFound('Holder', 'acme');
const BODY_EXAMPLE = { did: HOLDER_EXAMPLE.did, name: HOLDER_EXAMPLE.name, properties: HOLDER_EXAMPLE.properties };

@ApiTags('issuer admin: holders')
@ApiBearerAuth()
@ApiParam(ISSUER_CTX_PARAM)
@ApiResponse(UNAUTHENTICATED)
@ApiResponse(FORBIDDEN)
@Controller('api/issuer/participants/:issuerCtxId/holders')
export class HoldersController {
  constructor(private readonly holders: HoldersService) {}

  @Post()
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: "Add a member to the issuer's member table (the database attestation)" })
  @ApiBody({ type: CreateHolderDto, examples: { member: { value: { holderId: 'acme', ...BODY_EXAMPLE } } } })
  @ApiResponse({ status: 201, type: HolderDto, schema: { example: HOLDER_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  @ApiResponse(conflict("A holder with id 'acme' or DID 'did:web:identity-hub.example.com:acme' already exists"))
  async create(@Param('issuerCtxId') issuerCtxId: string, @Body() body: CreateHolderDto): Promise<HolderDto> {
    const { holderId, ...input } = body;
    return HolderDto.from(await this.holders.create(issuerCtxId, holderId ?? randomUUID(), input));
  }

  @Get()
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'All members of the issuer' })
  @ApiResponse({ status: 200, type: [HolderDto], schema: { example: [HOLDER_EXAMPLE] } })
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  async list(@Param('issuerCtxId') issuerCtxId: string): Promise<HolderDto[]> {
    return (await this.holders.list(issuerCtxId)).map(HolderDto.from);
  }

  @Get(':holderId')
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'One member' })
  @ApiParam(HOLDER_ID)
  @ApiResponse({ status: 200, type: HolderDto, schema: { example: HOLDER_EXAMPLE } })
  @ApiResponse(NOT_FOUND)
  async get(@Param('issuerCtxId') issuerCtxId: string, @Param('holderId') holderId: string): Promise<HolderDto> {
    return HolderDto.from(await this.holders.get(issuerCtxId, holderId));
  }

  @Put(':holderId')
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: "Replace a member's DID, name and properties" })
  @ApiParam(HOLDER_ID)
  @ApiBody({ type: HolderInputDto, examples: { member: { value: BODY_EXAMPLE } } })
  @ApiResponse({ status: 200, type: HolderDto, schema: { example: HOLDER_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(conflict("Another holder already has the DID 'did:web:identity-hub.example.com:acme'"))
  async update(@Param('issuerCtxId') issuerCtxId: string, @Param('holderId') holderId: string, @Body() body: HolderInputDto): Promise<HolderDto> {
    return HolderDto.from(await this.holders.update(issuerCtxId, holderId, body));
  }

  @Delete(':holderId')
  @HttpCode(204)
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Remove a member: it is no longer issued credentials (issued ones stay valid until revoked)' })
  @ApiParam(HOLDER_ID)
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiResponse(NOT_FOUND)
  async delete(@Param('issuerCtxId') issuerCtxId: string, @Param('holderId') holderId: string): Promise<void> {
    await this.holders.delete(issuerCtxId, holderId);
  }
}
