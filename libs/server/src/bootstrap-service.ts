import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import pinoHttp from 'pino-http';
import { createLogger, ensureDefaultMetrics } from '@dsaas/telemetry';
import { PinoNestLogger } from './pino-nest-logger';
import { BodyErrorResponder, installBodyParsers } from './body-parsers';
import { httpMetricsMiddleware } from './http-metrics.middleware';

export interface BootstrapOptions {
  service: string;
  port: number;
  host?: string;
  maxBodySize?: string;
  logLevel?: string;
  description?: string;
  /** Register SIGTERM/SIGINT handlers (off when a parent process owns shutdown, as in the platform app). */
  shutdownHooks?: boolean;
  /** Protocol paths whose refused bodies answer with the protocol's error message instead of problem+json. */
  bodyErrorResponders?: readonly BodyErrorResponder[];
}

export const OPENAPI_PATH = 'api/openapi';

/** Creates, configures and starts one service's HTTP server. */
export async function bootstrapService(rootModule: unknown, options: BootstrapOptions): Promise<INestApplication> {
  ensureDefaultMetrics();
  const logger = createLogger(options.service, options.logLevel);
  // Timers and listeners created while the service boots (workers, consumers) keep this scope.
  return PinoNestLogger.scope.run(logger, () => createApp(rootModule, options, logger));
}

async function createApp(rootModule: unknown, options: BootstrapOptions, logger: ReturnType<typeof createLogger>): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule as any, { logger: new PinoNestLogger(logger), bodyParser: false, abortOnError: false });
  app.use((_req: unknown, _res: unknown, next: () => void) => PinoNestLogger.scope.run(logger, next));
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
      customProps: (req: any) => ({ participantContextId: req.params?.ctxId ?? req.user?.participantContextId }),
    }),
  );
  app.use(httpMetricsMiddleware(options.service));
  installBodyParsers(app, options.maxBodySize ?? '1mb', options.bodyErrorResponders);
  app.getHttpAdapter().getInstance().disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`dsaas ${options.service}`)
      .setDescription(options.description ?? `${options.service} API`)
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}.json`, yamlDocumentUrl: `${OPENAPI_PATH}.yaml` });

  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  await app.listen(options.port, options.host ?? '0.0.0.0');
  new NestLogger(options.service).log(`${options.service} listening on ${await app.getUrl()}`);
  return app;
}
