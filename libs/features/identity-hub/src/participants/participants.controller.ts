import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { BAD_REQUEST, CONTEXT_ID_PARAM, CONTEXT_NOT_FOUND, FORBIDDEN, problemExample, UNAUTHORIZED } from '../common/api-docs';
import { CreateParticipantContextDto } from './dto/create-participant-context.dto';
import { PARTICIPANT_CONTEXT_EXAMPLE, ParticipantContextDto } from './dto/participant-context.dto';
import { ParticipantContextsService } from './participant-contexts.service';

@ApiTags('identity: participant contexts')
@ApiBearerAuth()
@ApiResponse(UNAUTHORIZED)
@ApiResponse(FORBIDDEN)
@Controller('api/identity/participants')
export class ParticipantsController {
  constructor(private readonly contexts: ParticipantContextsService) {}

  @Post()
  @Roles('admin', 'provisioner')
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Create a participant context: its DID, first key pair (private key in the SecretStore) and DID document' })
  @ApiBody({
    type: CreateParticipantContextDto,
    examples: {
      derivedDid: { value: { participantContextId: 'acme', dspEndpoint: 'https://cp.example.com/api/dsp/acme/2025-1' } },
      ed25519: { value: { participantContextId: 'bravo', did: 'did:web:identity.example.com:bravo', keyAlgorithm: 'EdDSA' } },
    },
  })
  @ApiResponse({ status: 201, type: ParticipantContextDto, schema: { example: PARTICIPANT_CONTEXT_EXAMPLE } })
  @ApiResponse(BAD_REQUEST)
  @ApiResponse({ status: 409, description: 'Id or DID taken', schema: { example: problemExample(409, 'participant_context_conflict', 'Conflict', "Participant context 'acme' already exists") } })
  async create(@Body() body: CreateParticipantContextDto): Promise<ParticipantContextDto> {
    return ParticipantContextDto.from(await this.contexts.create(body));
  }

  @Get(':ctxId')
  @Roles('admin', 'provisioner', 'participant')
  @RequireScopes(Scopes.IdentityRead)
  @ApiOperation({ summary: 'One participant context' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 200, type: ParticipantContextDto, schema: { example: PARTICIPANT_CONTEXT_EXAMPLE } })
  @ApiResponse(CONTEXT_NOT_FOUND)
  async get(@Param('ctxId') ctxId: string): Promise<ParticipantContextDto> {
    return ParticipantContextDto.from(await this.contexts.get(ctxId));
  }

  @Post(':ctxId/deactivate')
  @HttpCode(200)
  @Roles('admin', 'provisioner')
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Deactivate: the DID document is no longer served, tokens and presentations are refused' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiBody({ required: false, description: 'No body', schema: { example: {} } })
  @ApiResponse({ status: 200, type: ParticipantContextDto, schema: { example: { ...PARTICIPANT_CONTEXT_EXAMPLE, state: 'deactivated' } } })
  @ApiResponse(CONTEXT_NOT_FOUND)
  async deactivate(@Param('ctxId') ctxId: string): Promise<ParticipantContextDto> {
    return ParticipantContextDto.from(await this.contexts.deactivate(ctxId));
  }

  @Delete(':ctxId')
  @HttpCode(204)
  @Roles('admin', 'provisioner')
  @RequireScopes(Scopes.IdentityWrite)
  @ApiOperation({ summary: 'Delete the context, its keys, credentials and its SecretStore namespace' })
  @ApiParam(CONTEXT_ID_PARAM)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse(CONTEXT_NOT_FOUND)
  async delete(@Param('ctxId') ctxId: string): Promise<void> {
    await this.contexts.delete(ctxId);
  }
}
