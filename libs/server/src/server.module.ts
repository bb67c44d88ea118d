import { DynamicModule, Global, Module, Provider, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ProblemDetailsFilter } from './problem-details.filter';
import { READINESS_CHECKS, ReadinessCheck } from './readiness';

export interface ServerModuleOptions {
  service: string;
  /** Readiness checks besides the database (found automatically when the service has a DataSource). */
  readinessChecks?: { inject: any[]; useFactory: (...deps: any[]) => ReadinessCheck[] };
}

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/**
 * What every service has: JSON logs, /health/live, /health/ready, /metrics, strict input validation and
 * one problem-details error shape.
 */
@Global()
@Module({})
export class ServerModule {
  static forRoot(options: ServerModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: options.service },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      {
        provide: APP_PIPE,
        useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
      },
      options.readinessChecks
        ? { provide: READINESS_CHECKS, inject: options.readinessChecks.inject, useFactory: options.readinessChecks.useFactory }
        : { provide: READINESS_CHECKS, useValue: [] },
    ];
    return {
      module: ServerModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_NAME],
    };
  }
}
