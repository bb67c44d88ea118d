import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { CONTRACT_AGREEMENT_EXAMPLE, contractAgreementToJson } from '../agreements/contract-agreement.json';
import { ManagementEndpoint } from '../common/api-docs';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { contextPaths } from '../common/management-paths';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { CONTRACT_NEGOTIATION_EXAMPLE, contractNegotiationToJson, NEGOTIATION_STATE_EXAMPLE, negotiationStateToJson } from './contract-negotiation.json';
import { ContractNegotiationsService } from './contract-negotiations.service';
import { CONTRACT_REQUEST_EXAMPLE, parseContractRequest, parseTerminateNegotiation } from './parse-contract-request';

const ID_PARAM = { name: 'id', example: CONTRACT_NEGOTIATION_EXAMPLE['@id'] };

@ApiTags('management: contract negotiations')
@Controller(contextPaths('contractnegotiations'))
@Roles('admin', 'provisioner', 'participant')
export class ContractNegotiationsController {
  constructor(private readonly negotiations: ContractNegotiationsService) {}

  @Post()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Negotiate a contract for an offer of a provider catalog (the ContractRequestMessage is sent asynchronously)',
    inContext: true,
    body: { example: CONTRACT_REQUEST_EXAMPLE },
    response: { ...ID_RESPONSE_EXAMPLE, '@id': CONTRACT_NEGOTIATION_EXAMPLE['@id'] },
    errors: [400, 409, 413],
  })
  async initiate(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    const negotiation = await this.negotiations.initiate(ctxId, parseContractRequest(body));
    return idResponse(negotiation.id, negotiation.createdAt);
  }

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'Query contract negotiations (no body, an empty body or a QuerySpec; fields: id, state, type, counterPartyId, counterPartyAddress, correlationId, assetId, contractAgreementId, createdAt, stateTimestamp)',
    inContext: true,
    body: { example: { ...QUERY_SPEC_EXAMPLE, filterExpression: [{ operandLeft: 'state', operator: '=', operandRight: 'FINALIZED' }] }, optional: true },
    response: [CONTRACT_NEGOTIATION_EXAMPLE],
    errors: [400],
  })
  async query(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return (await this.negotiations.query(ctxId, parseQuerySpec(body))).map(contractNegotiationToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One contract negotiation', inContext: true, idParam: ID_PARAM, response: CONTRACT_NEGOTIATION_EXAMPLE })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return contractNegotiationToJson(await this.negotiations.get(ctxId, id));
  }

  @Get(':id/state')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'The state of a contract negotiation', inContext: true, idParam: ID_PARAM, response: NEGOTIATION_STATE_EXAMPLE })
  async state(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return negotiationStateToJson(await this.negotiations.get(ctxId, id));
  }

  @Get(':id/agreement')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'The contract agreement a negotiation reached (404 before it is agreed)', inContext: true, idParam: ID_PARAM, response: CONTRACT_AGREEMENT_EXAMPLE })
  async agreement(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return contractAgreementToJson(await this.negotiations.agreement(ctxId, id));
  }

  @Post(':id/terminate')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Terminate a negotiation (the counter-party is told); 409 once it is FINALIZED',
    inContext: true,
    idParam: ID_PARAM,
    status: 204,
    body: { example: { '@context': ['https://w3id.org/edc/connector/management/v2'], '@type': 'TerminateNegotiation', reason: 'no longer needed' }, optional: true },
    errors: [400, 409],
  })
  async terminate(@Param('ctxId') ctxId: string, @Param('id') id: string, @Body() body: unknown): Promise<void> {
    await this.negotiations.terminate(ctxId, id, parseTerminateNegotiation(body));
  }
}
