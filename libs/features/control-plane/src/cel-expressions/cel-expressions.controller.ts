import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { assertSameId } from '../common/body-reader';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { managementPaths } from '../common/management-paths';
import { parsePaging } from '../common/parse-paging';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { CEL_EXPRESSION_EXAMPLE, CEL_EXPRESSION_REQUEST_EXAMPLE, celExpressionToJson } from './cel-expression.json';
import { CelExpressionsService } from './cel-expressions.service';
import { parseCelExpression } from './parse-cel-expression';

const ID_PARAM = { name: 'id', example: 'membership' };
const QUERY_EXAMPLE = { ...QUERY_SPEC_EXAMPLE, sortField: 'leftOperand', filterExpression: [{ operandLeft: 'scopes', operator: 'contains', operandRight: 'catalog' }] };

@ApiTags('management: CEL expressions')
@Controller(managementPaths('celexpressions'))
@Roles('admin', 'provisioner')
export class CelExpressionsController {
  constructor(private readonly expressions: CelExpressionsService) {}

  @Post()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({
    summary: 'Register a CEL expression deciding constraints with this leftOperand (the expression must compile)',
    body: { example: CEL_EXPRESSION_REQUEST_EXAMPLE },
    response: { ...ID_RESPONSE_EXAMPLE, '@id': 'membership' },
    errors: [400, 409, 413],
  })
  async create(@Body() body: unknown) {
    const expression = await this.expressions.create(parseCelExpression(body));
    return idResponse(expression.id, expression.createdAt);
  }

  @Get()
  @RequireScopes(Scopes.ManagementRead)
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ManagementEndpoint({ summary: 'List CEL expressions', response: [CEL_EXPRESSION_EXAMPLE], errors: [400] })
  async list(@Query('offset') offset?: string, @Query('limit') limit?: string) {
    const paging = parsePaging(offset, limit);
    return (await this.expressions.list({ ...paging, sortOrder: 'ASC', filterExpression: [] })).map(celExpressionToJson);
  }

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'Query CEL expressions (no body, an empty body or a QuerySpec)', body: { example: QUERY_EXAMPLE, optional: true }, response: [CEL_EXPRESSION_EXAMPLE], errors: [400] })
  async query(@Body() body: unknown) {
    return (await this.expressions.list(parseQuerySpec(body))).map(celExpressionToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One CEL expression', idParam: ID_PARAM, response: CEL_EXPRESSION_EXAMPLE, errors: [404] })
  async get(@Param('id') id: string) {
    return celExpressionToJson(await this.expressions.get(id));
  }

  @Put(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Replace a CEL expression', idParam: ID_PARAM, status: 204, body: { example: CEL_EXPRESSION_REQUEST_EXAMPLE }, errors: [400, 404, 413] })
  async update(@Param('id') id: string, @Body() body: unknown): Promise<void> {
    const input = parseCelExpression(body);
    assertSameId(id, input.id);
    await this.expressions.update(id, input);
  }

  @Delete(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Delete a CEL expression', idParam: ID_PARAM, status: 204, errors: [404] })
  async delete(@Param('id') id: string): Promise<void> {
    await this.expressions.delete(id);
  }
}
