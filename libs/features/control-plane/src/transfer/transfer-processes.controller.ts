import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { contextPaths } from '../common/management-paths';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { parseReason, parseTransferRequest, TRANSFER_REQUEST_EXAMPLE } from './parse-transfer-request';
import { TRANSFER_PROCESS_EXAMPLE, TRANSFER_STATE_EXAMPLE, transferProcessToJson, transferStateToJson } from './transfer-process.json';
import { TransferProcessesService } from './transfer-processes.service';

const ID_PARAM = { name: 'id', example: TRANSFER_PROCESS_EXAMPLE['@id'] };
const STARTED = { ...ID_RESPONSE_EXAMPLE, '@id': TRANSFER_PROCESS_EXAMPLE['@id'] };

@ApiTags('management: transfer processes')
@Controller(contextPaths('transferprocesses'))
@Roles('admin', 'provisioner', 'participant')
export class TransferProcessesController {
  constructor(private readonly transfers: TransferProcessesService) {}

  @Post()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Start a transfer under a contract agreement this context holds as consumer (the TransferRequestMessage is sent asynchronously)',
    inContext: true,
    body: { example: TRANSFER_REQUEST_EXAMPLE },
    response: STARTED,
    errors: [400, 409, 413],
  })
  async initiate(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    const process = await this.transfers.initiate(ctxId, parseTransferRequest(body));
    return idResponse(process.id, process.createdAt);
  }

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'Query transfer processes (no body, an empty body or a QuerySpec; fields: id, state, type, assetId, contractId, transferType, counterPartyId, correlationId, createdAt, stateTimestamp)',
    inContext: true,
    body: { example: { ...QUERY_SPEC_EXAMPLE, sortField: 'createdAt', filterExpression: [{ operandLeft: 'state', operator: '=', operandRight: 'STARTED' }] }, optional: true },
    response: [TRANSFER_PROCESS_EXAMPLE],
    errors: [400],
  })
  async query(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return (await this.transfers.query(ctxId, parseQuerySpec(body))).map(transferProcessToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One transfer process', inContext: true, idParam: ID_PARAM, response: TRANSFER_PROCESS_EXAMPLE })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return transferProcessToJson(await this.transfers.get(ctxId, id));
  }

  @Get(':id/state')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'The state of a transfer process', inContext: true, idParam: ID_PARAM, response: TRANSFER_STATE_EXAMPLE })
  async state(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return transferStateToJson(await this.transfers.get(ctxId, id));
  }

  @Post(':id/suspend')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Suspend a STARTED transfer (the data flow and the counter-party are told)',
    inContext: true,
    idParam: ID_PARAM,
    status: 204,
    body: { example: { '@context': ['https://w3id.org/edc/connector/management/v2'], '@type': 'SuspendTransfer', reason: 'maintenance window' }, optional: true },
    errors: [400, 409],
  })
  async suspend(@Param('ctxId') ctxId: string, @Param('id') id: string, @Body() body: unknown): Promise<void> {
    await this.transfers.suspend(ctxId, id, parseReason(body, 'SuspendTransfer'));
  }

  @Post(':id/resume')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Resume a SUSPENDED transfer', inContext: true, idParam: ID_PARAM, status: 204, errors: [409] })
  async resume(@Param('ctxId') ctxId: string, @Param('id') id: string): Promise<void> {
    await this.transfers.resume(ctxId, id);
  }

  @Post(':id/terminate')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Terminate a transfer (the data flow and the counter-party are told)',
    inContext: true,
    idParam: ID_PARAM,
    status: 204,
    body: { example: { '@context': ['https://w3id.org/edc/connector/management/v2'], '@type': 'TerminateTransfer', reason: 'no longer needed' }, optional: true },
    errors: [400, 409],
  })
  async terminate(@Param('ctxId') ctxId: string, @Param('id') id: string, @Body() body: unknown): Promise<void> {
    await this.transfers.terminate(ctxId, id, parseReason(body, 'TerminateTransfer'));
  }
}
