import { INestApplication, Logger } from '@nestjs/common';
import { randomBytes } from 'crypto';
import * as path from 'path';
import { didWebForUrl } from '@dsaas/identity';
import { startEmbeddedDatabase } from '@dsaas/persistence';
import { loadConfig, startService } from '@dsaas/server';
import { PlatformConfig } from './platform.config';
import { PLATFORM_SERVICES } from './platform-services';
import { persistentGeneratedValue } from './platform-secrets';

export interface RunningPlatform {
  urls: Record<string, string>;
  /** The bootstrap admin client; the secret is kept in the data dir (0600) unless set by the environment. */
  admin: { clientId: string; clientSecret: string; secretFile?: string };
  apps: Record<string, INestApplication>;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Every service in this one process: embedded PostgreSQL (unless DATABASE_URL is set), the Postgres event bus
 * (no NATS), the embedded secret store and our own auth-server. Each service keeps its own port and schema,
 * exactly as when it runs on its own.
 */
export async function startPlatform(env: NodeJS.ProcessEnv = process.env): Promise<RunningPlatform> {
  const config = loadConfig(PlatformConfig, env);
  const logger = new Logger('platform');
  const dataDir = path.resolve(config.PLATFORM_DATA_DIR);
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedDatabase({ dataDir: path.join(dataDir, 'postgres') });
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  const authPort = config.PLATFORM_BASE_PORT;
  const issuer = env.AUTH_ISSUER_URL ?? `http://${config.PUBLIC_HOST}:${authPort}`;
  const adminSecretFile = env.AUTH_BOOTSTRAP_CLIENT_SECRET ? undefined : path.join(dataDir, 'bootstrap-admin.secret');
  const admin = {
    clientId: env.AUTH_BOOTSTRAP_CLIENT_ID ?? 'platform-admin',
    clientSecret: env.AUTH_BOOTSTRAP_CLIENT_SECRET ?? persistentGeneratedValue(dataDir, 'bootstrap-admin.secret', () => randomBytes(24).toString('base64url')),
    secretFile: adminSecretFile,
  };
  const sharedEnv: NodeJS.ProcessEnv = {
    EVENT_BUS: 'postgres',
    SECRETS_BACKEND: 'embedded',
    SECRETS_ENCRYPTION_KEY: persistentGeneratedValue(dataDir, 'secrets.key'),
    AUTH_KEY_ENCRYPTION_KEY: persistentGeneratedValue(dataDir, 'auth-keys.key'),
    ...env,
    AUTH_BOOTSTRAP_CLIENT_ID: admin.clientId,
    AUTH_BOOTSTRAP_CLIENT_SECRET: admin.clientSecret,
    DATABASE_URL: databaseUrl,
    HOST: config.HOST,
    AUTH_ISSUER_URL: issuer,
    AUTH_JWKS_URL: env.AUTH_JWKS_URL ?? `http://127.0.0.1:${authPort}/.well-known/jwks.json`,
  };

  const portOf = (name: string) => config.PLATFORM_BASE_PORT + PLATFORM_SERVICES.findIndex((service) => service.name === name);
  const urlOf = (name: string) => `http://${config.PUBLIC_HOST}:${portOf(name)}`;
  const serviceEnvs = platformServiceEnv(env, config, admin, urlOf);

  const apps: Record<string, INestApplication> = {};
  const urls: Record<string, string> = {};
  const stop = async () => {
    for (const name of Object.keys(apps).reverse()) {
      await apps[name].close().catch((error) => logger.error(`closing ${name}: ${error}`));
    }
    await embedded?.stop();
  };
  try {
    for (const [index, service] of PLATFORM_SERVICES.entries()) {
      const port = config.PLATFORM_BASE_PORT + index;
      const serviceEnv = { ...sharedEnv, ...serviceEnvs[service.name], PORT: String(port), PUBLIC_URL: `http://${config.PUBLIC_HOST}:${port}` };
      apps[service.name] = await startService(service, serviceEnv, { shutdownHooks: false });
      urls[service.name] = `http://${config.PUBLIC_HOST}:${port}`;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, admin, apps, databaseUrl, stop };
}

/** The issuer context the embedded platform trusts by default (create it with the issuer admin API). */
export const DEFAULT_ISSUER_CONTEXT_ID = 'dataspace-issuer';

/**
 * How the services of the one process find each other: the control plane gets its self-issued tokens from the
 * identity hub's STS with the bootstrap admin client (one trust domain in one process; a split deployment gives
 * it its own client), resolves did:web over plain http on the platform's own host, and trusts the platform's
 * `dataspace-issuer` issuer context for every credential type; the data plane calls the control plane back with
 * the bootstrap admin client too. Variables set in the environment win.
 */
function platformServiceEnv(
  env: NodeJS.ProcessEnv,
  config: PlatformConfig,
  admin: { clientId: string; clientSecret: string },
  urlOf: (service: string) => string,
): Record<string, NodeJS.ProcessEnv> {
  const httpHosts = [...new Set(['localhost', '127.0.0.1', config.PUBLIC_HOST])].join(',');
  return {
    'control-plane': {
      IDENTITY_HUB_URL: urlOf('identity-hub'),
      STS_CLIENT_ID: admin.clientId,
      STS_CLIENT_SECRET: admin.clientSecret,
      DID_WEB_ALLOW_HTTP_HOSTS: httpHosts,
      TRUSTED_ISSUERS: JSON.stringify([{ did: didWebForUrl(urlOf('issuer-service'), [DEFAULT_ISSUER_CONTEXT_ID]), credentialTypes: ['*'] }]),
      ...pick(env, ['IDENTITY_HUB_URL', 'STS_CLIENT_ID', 'STS_CLIENT_SECRET', 'DID_WEB_ALLOW_HTTP_HOSTS', 'TRUSTED_ISSUERS']),
    },
    'identity-hub': { DID_WEB_ALLOW_HTTP_HOSTS: httpHosts, ...pick(env, ['DID_WEB_ALLOW_HTTP_HOSTS']) },
    'issuer-service': { DID_WEB_ALLOW_HTTP_HOSTS: httpHosts, ...pick(env, ['DID_WEB_ALLOW_HTTP_HOSTS']) },
    // The platform's data plane calls the control plane's DPS callbacks as the bootstrap admin (one trust domain).
    'data-plane': {
      DATA_PLANE_CLIENT_ID: admin.clientId,
      DATA_PLANE_CLIENT_SECRET: admin.clientSecret,
      ...pick(env, ['DATA_PLANE_CLIENT_ID', 'DATA_PLANE_CLIENT_SECRET']),
    },
  };
}

function pick(env: NodeJS.ProcessEnv, names: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(names.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]));
}
