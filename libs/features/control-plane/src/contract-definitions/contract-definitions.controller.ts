import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes, ValidationException } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { assertSameId } from '../common/body-reader';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { contextPaths } from '../common/management-paths';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { CONTRACT_DEFINITION_EXAMPLE, CONTRACT_DEFINITION_REQUEST_EXAMPLE, contractDefinitionToJson } from './contract-definition.json';
import { ContractDefinitionsService } from './contract-definitions.service';
import { parseContractDefinition } from './parse-contract-definition';

const ID_PARAM = { name: 'id', example: 'weather-offer' };
const QUERY_EXAMPLE = { ...QUERY_SPEC_EXAMPLE, filterExpression: [{ operandLeft: 'accessPolicyId', operator: '=', operandRight: 'member-policy' }] };

@ApiTags('management: contract definitions')
@Controller(contextPaths('contractdefinitions'))
@Roles('admin', 'provisioner', 'participant')
export class ContractDefinitionsController {
  constructor(private readonly definitions: ContractDefinitionsService) {}

  @Post()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Create a contract definition (both policies must exist in this context)',
    inContext: true,
    body: { example: CONTRACT_DEFINITION_REQUEST_EXAMPLE },
    response: { ...ID_RESPONSE_EXAMPLE, '@id': 'weather-offer' },
    errors: [400, 409, 413],
  })
  async create(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    const definition = await this.definitions.create(ctxId, parseContractDefinition(body));
    return idResponse(definition.id, definition.createdAt);
  }

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'Query contract definitions (no body, an empty body or a QuerySpec)',
    inContext: true,
    body: { example: QUERY_EXAMPLE, optional: true },
    response: [CONTRACT_DEFINITION_EXAMPLE],
    errors: [400],
  })
  async query(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return (await this.definitions.query(ctxId, parseQuerySpec(body))).map(contractDefinitionToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One contract definition', inContext: true, idParam: ID_PARAM, response: CONTRACT_DEFINITION_EXAMPLE })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return contractDefinitionToJson(await this.definitions.get(ctxId, id));
  }

  @Put()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Replace a contract definition (id from the body, as EDC)', inContext: true, status: 204, body: { example: CONTRACT_DEFINITION_REQUEST_EXAMPLE }, errors: [400, 413] })
  async updateFromBody(@Param('ctxId') ctxId: string, @Body() body: unknown): Promise<void> {
    const input = parseContractDefinition(body);
    if (!input.id) throw new ValidationException('The request is invalid', ['@id is required']);
    await this.definitions.update(ctxId, input.id, input);
  }

  @Put(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Replace a contract definition', inContext: true, idParam: ID_PARAM, status: 204, body: { example: CONTRACT_DEFINITION_REQUEST_EXAMPLE }, errors: [400, 413] })
  async update(@Param('ctxId') ctxId: string, @Param('id') id: string, @Body() body: unknown): Promise<void> {
    const input = parseContractDefinition(body);
    assertSameId(id, input.id);
    await this.definitions.update(ctxId, id, input);
  }

  @Delete(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Delete a contract definition', inContext: true, idParam: ID_PARAM, status: 204 })
  async delete(@Param('ctxId') ctxId: string, @Param('id') id: string): Promise<void> {
    await this.definitions.delete(ctxId, id);
  }
}
