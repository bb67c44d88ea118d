import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { contextPaths } from '../common/management-paths';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { CONTRACT_NEGOTIATION_EXAMPLE, contractNegotiationToJson } from '../negotiation/contract-negotiation.json';
import { CONTRACT_AGREEMENT_EXAMPLE, contractAgreementToJson } from './contract-agreement.json';
import { ContractAgreementsService } from './contract-agreements.service';

const ID_PARAM = { name: 'id', example: CONTRACT_AGREEMENT_EXAMPLE['@id'] };

@ApiTags('management: contract agreements')
@Controller(contextPaths('contractagreements'))
@Roles('admin', 'provisioner', 'participant')
export class ContractAgreementsController {
  constructor(private readonly agreements: ContractAgreementsService) {}

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'Query the contract agreements in force (no body, an empty body or a QuerySpec; fields: id, assetId, providerId, consumerId, negotiationId, contractSigningDate, createdAt, policy.<path>)',
    inContext: true,
    body: { example: { ...QUERY_SPEC_EXAMPLE, sortField: 'contractSigningDate', filterExpression: [{ operandLeft: 'assetId', operator: '=', operandRight: 'asset-1' }] }, optional: true },
    response: [CONTRACT_AGREEMENT_EXAMPLE],
    errors: [400],
  })
  async query(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return (await this.agreements.query(ctxId, parseQuerySpec(body))).map(contractAgreementToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One contract agreement', inContext: true, idParam: ID_PARAM, response: CONTRACT_AGREEMENT_EXAMPLE })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return contractAgreementToJson(await this.agreements.get(ctxId, id));
  }

  @Get(':id/negotiation')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'The negotiation that reached a contract agreement', inContext: true, idParam: ID_PARAM, response: CONTRACT_NEGOTIATION_EXAMPLE })
  async negotiation(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return contractNegotiationToJson(await this.agreements.negotiation(ctxId, id));
  }
}
