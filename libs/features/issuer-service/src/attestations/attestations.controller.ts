import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@dsaas/auth';
import { BAD_REQUEST, conflict, FORBIDDEN, ISSUER_ADMIN_READ, ISSUER_ADMIN_WRITE, ISSUER_CTX_PARAM, notFound, UNAUTHENTICATED } from '../http/problem-examples';
import { AttestationsService } from './attestations.service';
import { ATTESTATION_EXAMPLE, AttestationDto } from './dto/attestation.dto';
import { AttestationInputDto } from './dto/attestation-input.dto';
import { CreateAttestationDto } from './dto/create-attestation.dto';

const ATTESTATION_ID = { name: 'attestationId', example: 'holder-database' };
const NOT_FOUND = notFound('Attestation definition', 'holder-database');
const INPUT_EXAMPLE = { type: 'database', config: { table: 'holders', requiredProperties: ['membershipStartDate'] } };

@ApiTags('issuer admin: attestations')
@ApiBearerAuth()
@ApiParam(ISSUER_CTX_PARAM)
@ApiResponse(UNAUTHENTICATED)
@ApiResponse(FORBIDDEN)
@Controller('api/issuer/participants/:issuerCtxId/attestations')
export class AttestationsController {
  constructor(private readonly attestations: AttestationsService) {}

  @Post()
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Define an attestation (where the issuer gets the facts it attests)' })
  @ApiBody({ type: CreateAttestationDto, examples: { database: { value: { id: 'member-with-start-date', ...INPUT_EXAMPLE } } } })
  @ApiResponse({ status: 201, type: AttestationDto, schema: { example: ATTESTATION_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(conflict("Attestation definition 'member-with-start-date' already exists"))
  async create(@Param('issuerCtxId') issuerCtxId: string, @Body() body: CreateAttestationDto): Promise<AttestationDto> {
    const { id, ...input } = body;
    return AttestationDto.from(await this.attestations.create(issuerCtxId, id, input));
  }

  @Get()
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'All attestation definitions of the issuer' })
  @ApiResponse({ status: 200, type: [AttestationDto], schema: { example: [ATTESTATION_EXAMPLE] } })
  @ApiResponse(notFound('Participant context', 'dataspace-issuer'))
  async list(@Param('issuerCtxId') issuerCtxId: string): Promise<AttestationDto[]> {
    return (await this.attestations.list(issuerCtxId)).map(AttestationDto.from);
  }

  @Get(':attestationId')
  @RequireScopes(ISSUER_ADMIN_READ)
  @ApiOperation({ summary: 'One attestation definition' })
  @ApiParam(ATTESTATION_ID)
  @ApiResponse({ status: 200, type: AttestationDto, schema: { example: ATTESTATION_EXAMPLE } })
  @ApiResponse(NOT_FOUND)
  async get(@Param('issuerCtxId') issuerCtxId: string, @Param('attestationId') id: string): Promise<AttestationDto> {
    return AttestationDto.from(await this.attestations.get(issuerCtxId, id));
  }

  @Put(':attestationId')
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Replace an attestation definition' })
  @ApiParam(ATTESTATION_ID)
  @ApiBody({ type: AttestationInputDto, examples: { database: { value: INPUT_EXAMPLE } } })
  @ApiResponse({ status: 200, type: AttestationDto, schema: { example: ATTESTATION_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse(NOT_FOUND)
  async update(@Param('issuerCtxId') issuerCtxId: string, @Param('attestationId') id: string, @Body() body: AttestationInputDto): Promise<AttestationDto> {
    return AttestationDto.from(await this.attestations.update(issuerCtxId, id, body));
  }

  @Delete(':attestationId')
  @HttpCode(204)
  @RequireScopes(ISSUER_ADMIN_WRITE)
  @ApiOperation({ summary: 'Remove an attestation definition (credential definitions naming it then reject requests)' })
  @ApiParam(ATTESTATION_ID)
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiResponse(NOT_FOUND)
  async delete(@Param('issuerCtxId') issuerCtxId: string, @Param('attestationId') id: string): Promise<void> {
    await this.attestations.delete(issuerCtxId, id);
  }
}
