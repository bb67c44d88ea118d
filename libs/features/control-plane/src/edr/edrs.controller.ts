import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { contextPaths } from '../common/management-paths';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { EDR_DATA_ADDRESS_EXAMPLE, EDR_ENTRY_EXAMPLE, edrDataAddressToJson, edrEntryToJson } from './edr.json';
import { EdrsService } from './edrs.service';

/** The EDRs a consumer context received for its pull transfers (EDC's EDR management API). */
@ApiTags('management: EDRs')
@Controller(contextPaths('edrs'))
@Roles('admin', 'provisioner', 'participant')
export class EdrsController {
  constructor(private readonly edrs: EdrsService) {}

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'Query the EDR entries of this context (consumer transfers that received an EDR; QuerySpec over transfer process fields)',
    inContext: true,
    body: { example: { ...QUERY_SPEC_EXAMPLE, sortField: 'createdAt', filterExpression: [{ operandLeft: 'assetId', operator: '=', operandRight: 'asset-1' }] }, optional: true },
    response: [EDR_ENTRY_EXAMPLE],
    errors: [400],
  })
  async query(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return (await this.edrs.query(ctxId, parseQuerySpec(body))).map(edrEntryToJson);
  }

  @Get(':id/dataaddress')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'The EDR (endpoint and access token) of a STARTED pull transfer of this context',
    inContext: true,
    idParam: { name: 'id', example: EDR_ENTRY_EXAMPLE.transferProcessId },
    response: EDR_DATA_ADDRESS_EXAMPLE,
  })
  async dataAddress(@Param('ctxId') ctxId: string, @Param('id') transferProcessId: string) {
    return edrDataAddressToJson(await this.edrs.dataAddress(ctxId, transferProcessId));
  }
}
