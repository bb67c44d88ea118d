import { INestApplication, Logger } from '@nestjs/common';
import * as path from 'path';
import { startEmbeddedDatabase } from '@dsaas/persistence';
import { bootstrapService } from './bootstrap-service';
import { loadConfig } from './load-config';
import { ServiceDefinition } from './service-definition';
import { ServiceConfig } from './service.config';

export interface StartServiceOptions {
  /** Register SIGTERM/SIGINT handlers; the platform app owns them itself. */
  shutdownHooks?: boolean;
}

/**
 * Reads and validates the service's config (fails fast naming the variable), starts an embedded PostgreSQL
 * when no DATABASE_URL is set, and serves the service over HTTP.
 */
export async function startService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
  options: StartServiceOptions = {},
): Promise<INestApplication> {
  const config = loadConfig(definition.configClass, env);
  let stopDatabase: (() => Promise<void>) | undefined;
  if (!config.DATABASE_URL) {
    const dataDir = path.resolve(env.EMBEDDED_DATA_DIR ?? path.join('.data', definition.name, 'postgres'));
    new Logger(definition.name).log(`DATABASE_URL not set: starting embedded PostgreSQL in ${dataDir}`);
    const db = await startEmbeddedDatabase({ dataDir });
    config.DATABASE_URL = db.url;
    stopDatabase = db.stop;
  }
  try {
    const app = await bootstrapService(definition.module(config), {
      service: definition.name,
      port: config.PORT,
      host: config.HOST,
      maxBodySize: config.MAX_BODY_SIZE,
      logLevel: config.LOG_LEVEL,
      shutdownHooks: options.shutdownHooks,
      bodyErrorResponders: definition.bodyErrorResponders,
    });
    if (stopDatabase) {
      const close = app.close.bind(app);
      app.close = async () => {
        await close();
        await stopDatabase!();
      };
    }
    return app;
  } catch (error) {
    await stopDatabase?.();
    throw error;
  }
}
