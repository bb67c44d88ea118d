import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '@dsaas/auth';
import { READINESS_CHECKS, ReadinessCheck } from './readiness';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout(promise: Promise<boolean>): Promise<boolean> {
  return Promise.race([promise, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref())]).catch(
    () => false,
  );
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[] = [],
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @ApiOkResponse({ description: 'The process is alive', schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  /** Every dependency (database, event bus, ...) answers: the service can take traffic. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOkResponse({ schema: { example: { status: 'ok', info: { database: { status: 'up' }, eventBus: { status: 'up' } } } } })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  ready() {
    const checks = [...this.databaseCheck(), ...(this.checks ?? [])];
    return this.health.check(
      checks.map((check) => async () => {
        const indicator = this.indicators.check(check.name);
        return (await withTimeout(check.isHealthy())) ? indicator.up() : indicator.down();
      }),
    );
  }

  private databaseCheck(): ReadinessCheck[] {
    let dataSource: DataSource | undefined;
    try {
      dataSource = this.moduleRef.get(DataSource, { strict: false });
    } catch {
      return [];
    }
    return [
      {
        name: 'database',
        isHealthy: async () => dataSource!.isInitialized && (await dataSource!.query('SELECT 1')).length === 1,
      },
    ];
  }
}
