import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@dsaas/auth';
import { SERVICE_NAME } from './server.module';

export const PLATFORM_VERSION = '0.1.0';

/** What an operator asks first: which service, which version, which schema migrations are applied. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/service-info')
export class ServiceInfoController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('admin', 'provisioner')
  @ApiOkResponse({
    schema: {
      example: { service: 'tenant-manager', version: '0.1.0', schema: 'tenant_manager', migrations: ['CreateOutbox1767225600000'] },
    },
  })
  @ApiUnauthorizedResponse({ description: 'Missing, expired or forged token (problem details)' })
  @ApiForbiddenResponse({ description: 'Not an admin or provisioner token (problem details)' })
  async info() {
    const schema = (this.dataSource.options as { schema?: string }).schema;
    const applied: { name: string }[] = await this.dataSource.query(`SELECT name FROM "${schema}"."migrations" ORDER BY id`);
    return { service: this.service, version: PLATFORM_VERSION, schema, migrations: applied.map((m) => m.name) };
  }
}
