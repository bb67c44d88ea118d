import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { Scopes } from '@dsaas/model';
import { ManagementEndpoint } from '../common/api-docs';
import { idResponse, ID_RESPONSE_EXAMPLE } from '../common/id-response';
import { contextPaths } from '../common/management-paths';
import { DATA_PLANE_EXAMPLE, DATA_PLANE_REQUEST_EXAMPLE, dataPlaneToJson } from './data-plane.json';
import { DataPlanesService } from './data-planes.service';
import { parseDataPlane } from './parse-data-plane';

const ID_PARAM = { name: 'id', example: 'dataplane-1' };
const REGISTERED = { ...ID_RESPONSE_EXAMPLE, '@id': 'dataplane-1' };

@ApiTags('management: data planes')
@Controller(contextPaths('dataplanes'))
@Roles('admin', 'provisioner', 'participant')
export class DataPlanesController {
  constructor(private readonly dataPlanes: DataPlanesService) {}

  @Post()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Register a data plane (same @id again: replaced)', inContext: true, body: { example: DATA_PLANE_REQUEST_EXAMPLE }, response: REGISTERED, errors: [400, 413] })
  async register(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    const dataPlane = await this.dataPlanes.register(ctxId, parseDataPlane(body));
    return idResponse(dataPlane.id, dataPlane.createdAt);
  }

  @Put()
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Register or re-register a data plane', inContext: true, body: { example: DATA_PLANE_REQUEST_EXAMPLE }, response: REGISTERED, errors: [400, 413] })
  async reregister(@Param('ctxId') ctxId: string, @Body() body: unknown) {
    return this.register(ctxId, body);
  }

  @Get()
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'The data planes this context may use', inContext: true, response: [DATA_PLANE_EXAMPLE] })
  async list(@Param('ctxId') ctxId: string) {
    return (await this.dataPlanes.list(ctxId)).map(dataPlaneToJson);
  }

  @Get(':id')
  @RequireScopes(Scopes.ManagementRead)
  @ManagementEndpoint({ summary: 'One registered data plane', inContext: true, idParam: ID_PARAM, response: DATA_PLANE_EXAMPLE })
  async get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    return dataPlaneToJson(await this.dataPlanes.get(ctxId, id));
  }

  @Delete(':id')
  @RequireScopes(Scopes.ManagementWrite)
  @ManagementEndpoint({ summary: 'Remove a data plane', inContext: true, idParam: ID_PARAM, status: 204 })
  async delete(@Param('ctxId') ctxId: string, @Param('id') id: string): Promise<void> {
    await this.dataPlanes.delete(ctxId, id);
  }
}
