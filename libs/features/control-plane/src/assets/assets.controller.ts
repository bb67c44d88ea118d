import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes, ValidationException } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { assertSameId } from '../common/body-reader';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { contextPaths } from '../common/management-paths';
import { parseQuerySpec, QUERY_SPEC_EXAMPLE } from '../common/query-spec';
import { ASSET_EXAMPLE, ASSET_REQUEST_EXAMPLE, assetToJson } from './asset.json';
import { AssetsService } from './assets.service';
import { parseAsset } from './parse-asset';

const ID_PARAM = { name: 'id', example: 'asset-1' };

@ApiTags('management: assets')
@Controller(contextPaths('assets'))
@Roles('admin', 'provisioner', 'participant')
export class AssetsController {
  constructor(private readonly assets: AssetsService) {}

  @Post()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Create an asset (an @id is generated when none is given)', inContext: true, body: { example: ASSET_REQUEST_EXAMPLE }, response: ID_RESPONSE_EXAMPLE, errors: [400, 409, 413] })
  async create(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    const asset = await this.assets.create(ctxId, parseAsset(body));
    return idResponse(asset.id, asset.createdAt);
  }

  @Post('request')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({
    summary: 'Query assets (no body, an empty body or a QuerySpec)',
    inContext: true,
    body: { example: QUERY_SPEC_EXAMPLE, optional: true },
    response: [ASSET_EXAMPLE],
    errors: [400],
  })
  async query(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return (await this.assets.query(ctxId, parseQuerySpec(body))).map(assetToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One asset', inContext: true, idParam: ID_PARAM, response: ASSET_EXAMPLE })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return assetToJson(await this.assets.get(ctxId, id));
  }

  @Put()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Replace an asset (id from the body, as EDC)', inContext: true, status: 204, body: { example: ASSET_REQUEST_EXAMPLE }, errors: [400, 413] })
  async updateFromBody(@Param('ctxId') ctxId: string, @Body() body: unknown): Promise<void> {
    const input = parseAsset(body);
    if (!input.id) throw new ValidationException('The request is invalid', ['@id is required']);
    await this.assets.update(ctxId, input.id, input);
  }

  @Put(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Replace an asset', inContext: true, idParam: ID_PARAM, status: 204, body: { example: ASSET_REQUEST_EXAMPLE }, errors: [400, 413] })
  async update(@Param('ctxId') ctxId: string, @Param('id') id: string, @Body() body: unknown): Promise<void> {
    const input = parseAsset(body);
    assertSameId(id, input.id);
    await this.assets.update(ctxId, id, input);
  }

  @Delete(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Delete an asset', inContext: true, idParam: ID_PARAM, status: 204 })
  async delete(@Param('ctxId') ctxId: string, @Param('id') id: string): Promise<void> {
    await this.assets.delete(ctxId, id);
  }
}
