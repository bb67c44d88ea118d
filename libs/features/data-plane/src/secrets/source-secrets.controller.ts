import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { jsonResponse, problemResponse } from '../common/api-docs';
import { SourceSecretsService } from './source-secrets.service';

const CONTEXT = { name: 'ctxId', description: 'Participant context id', example: 'acme' };
const NAME = { name: 'name', description: 'The name data addresses use as secretName', example: 'weather-api-key' };

/**
 * Credentials of a context's data sources (what `secretName` in a data address points at). Write-only: values are
 * never answered, only names.
 */
@ApiTags('data plane: source secrets')
@ApiBearerAuth()
@Controller('api/data-plane/participants/:ctxId/secrets')
@Roles('admin', 'provisioner', 'participant')
export class SourceSecretsController {
  constructor(private readonly secrets: SourceSecretsService) {}

  @Get()
  @RequireScopes(Scopes.ManagementRead)
  @ApiOperation({ summary: 'Names of the source secrets of the context' })
  @ApiParam(CONTEXT)
  @(jsonResponse(200, 'Secret names', ['weather-api-key']) as MethodDecorator)
  @(problemResponse(403, 'Missing role or scope', 'The access token lacks the scopes: management-api:read', 'forbidden') as MethodDecorator)
  list(@Param('ctxId') ctxId: string) {
    return this.secrets.list(ctxId);
  }

  @Put(':name')
  @HttpCode(204)
  @RequireScopes(Scopes.ManagementWrite)
  @ApiOperation({ summary: 'Create or replace a source secret (e.g. the value of an API key header)' })
  @ApiParam(CONTEXT)
  @ApiParam(NAME)
  @ApiBody({ schema: { type: 'object', example: { value: 'Bearer 9f8e7d...' } } })
  @ApiResponse({ status: 204, description: 'Stored', content: { 'application/json': { example: {} } } })
  @(problemResponse(400, 'Bad name or value', 'secret key must be 1-255 characters of letters, digits, ".", "_", ":" or "-"', 'validation_failed') as MethodDecorator)
  async put(@Param('ctxId') ctxId: string, @Param('name') name: string, @Body() body: unknown): Promise<void> {
    await this.secrets.put(ctxId, name, body);
  }

  @Delete(':name')
  @HttpCode(204)
  @RequireScopes(Scopes.ManagementWrite)
  @ApiOperation({ summary: 'Remove a source secret' })
  @ApiParam(CONTEXT)
  @ApiParam(NAME)
  @ApiResponse({ status: 204, description: 'Removed (or was not there)', content: { 'application/json': { example: {} } } })
  async delete(@Param('ctxId') ctxId: string, @Param('name') name: string): Promise<void> {
    await this.secrets.delete(ctxId, name);
  }
}
