import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { assertSameId } from '../common/body-reader';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { contextPaths } from '../common/management-paths';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { parsePolicyDefinition } from './parse-policy-definition';
import { POLICY_DEFINITION_EXAMPLE, POLICY_DEFINITION_REQUEST_EXAMPLE, policyDefinitionToJson } from './policy-definition.json';
import { PolicyDefinitionsService } from './policy-definitions.service';

const ID_PARAM = { name: 'id', example: 'member-policy' };
const QUERY_EXAMPLE = { ...QUERY_SPEC_EXAMPLE, filterExpression: [{ operandLeft: '@id', operator: 'like', operandRight: 'member-%' }] };

@ApiTags('management: policy definitions')
@Controller(contextPaths('policydefinitions'))
@Roles('admin', 'provisioner', 'participant')
export class PolicyDefinitionsController {
  constructor(private readonly policies: PolicyDefinitionsService) {}

  @Post()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Create a policy definition (ODRL Set)',
    inContext: true,
    body: { example: POLICY_DEFINITION_REQUEST_EXAMPLE },
    response: { ...ID_RESPONSE_EXAMPLE, '@id': 'member-policy' },
    errors: [400, 409, 413],
  })
  async create(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    const definition = await this.policies.create(ctxId, parsePolicyDefinition(body));
    return idResponse(definition.id, definition.createdAt);
  }

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'Query policy definitions (no body, an empty body or a QuerySpec)',
    inContext: true,
    body: { example: QUERY_EXAMPLE, optional: true },
    response: [POLICY_DEFINITION_EXAMPLE],
    errors: [400],
  })
  async query(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return (await this.policies.query(ctxId, parseQuerySpec(body))).map(policyDefinitionToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One policy definition', inContext: true, idParam: ID_PARAM, response: POLICY_DEFINITION_EXAMPLE })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return policyDefinitionToJson(await this.policies.get(ctxId, id));
  }

  @Put(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Replace a policy definition', inContext: true, idParam: ID_PARAM, status: 204, body: { example: POLICY_DEFINITION_REQUEST_EXAMPLE }, errors: [400, 413] })
  async update(@Param('ctxId') ctxId: string, @Param('id') id: string, @Body() body: unknown): Promise<void> {
    const input = parsePolicyDefinition(body);
    assertSameId(id, input.id);
    await this.policies.update(ctxId, id, input);
  }

  @Delete(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Delete a policy definition (409 while a contract definition references it)', inContext: true, idParam: ID_PARAM, status: 204, errors: [409] })
  async delete(@Param('ctxId') ctxId: string, @Param('id') id: string): Promise<void> {
    await this.policies.delete(ctxId, id);
  }
}
