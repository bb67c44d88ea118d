import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { managementPaths } from '../common/management-paths';
import { assertSameId } from '../common/body-reader';
import { parsePaging } from '../common/parse-paging';
import { parseParticipantContext } from './parse-participant-context';
import { PARTICIPANT_CONTEXT_EXAMPLE, PARTICIPANT_CONTEXT_REQUEST_EXAMPLE, participantContextToJson } from './participant-context.json';
import { ParticipantContextsService } from './participant-contexts.service';

@ApiTags('management: participant contexts')
@Controller(managementPaths('participants'))
export class ParticipantsController {
  constructor(private readonly contexts: ParticipantContextsService) {}

  @Post()
  @Roles('admin', 'provisioner')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Create a participant context (its DID and configuration; `secrets` go to the SecretStore and are never returned)',
    body: { example: PARTICIPANT_CONTEXT_REQUEST_EXAMPLE },
    response: { ...ID_RESPONSE_EXAMPLE, '@id': 'acme' },
    errors: [400, 409, 413],
  })
  async create(@Body() body: unknown) {
    const input = parseParticipantContext(body, true);
    const context = await this.contexts.create({ ...input, participantContextId: input.participantContextId! });
    return idResponse(context.participantContextId, context.createdAt);
  }

  @Get()
  @Roles('admin', 'provisioner')
  @RequireScopes(Scopes.ManagementRead)
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ManagementEndpoint({ summary: 'List participant contexts', response: [PARTICIPANT_CONTEXT_EXAMPLE], errors: [400] })
  async list(@Query('offset') offset?: string, @Query('limit') limit?: string) {
    const paging = parsePaging(offset, limit);
    return (await this.contexts.list(paging.offset, paging.limit)).map(participantContextToJson);
  }

  @Get(':ctxId')
  @Roles('admin', 'provisioner', 'participant')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One participant context', inContext: true, response: PARTICIPANT_CONTEXT_EXAMPLE })
  async get(@Param('ctxId') ctxId: string) {
    return participantContextToJson(await this.contexts.get(ctxId));
  }

  @Put(':ctxId')
  @Roles('admin', 'provisioner')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Replace identity and properties of a participant context; given `secrets` are added or replaced',
    inContext: true,
    status: 204,
    body: { example: PARTICIPANT_CONTEXT_REQUEST_EXAMPLE },
    errors: [400, 409, 413],
  })
  async update(@Param('ctxId') ctxId: string, @Body() body: unknown): Promise<void> {
    await this.contexts.get(ctxId);
    const input = parseParticipantContext(body, false);
    assertSameId(ctxId, input.participantContextId);
    await this.contexts.update(ctxId, input);
  }

  @Delete(':ctxId')
  @Roles('admin', 'provisioner')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Delete a participant context, everything it owns here and its SecretStore namespace', inContext: true, status: 204 })
  async delete(@Param('ctxId') ctxId: string): Promise<void> {
    await this.contexts.delete(ctxId);
  }
}
