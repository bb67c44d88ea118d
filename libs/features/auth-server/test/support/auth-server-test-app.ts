import { INestApplication, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AddressInfo } from 'net';
import { PersistenceModule } from '@dsaas/persistence';
import { installBodyParsers, ProblemDetailsFilter } from '@dsaas/server';
import { AUTH_SERVER_ENTITIES, AUTH_SERVER_MIGRATIONS, AUTH_SERVER_SCHEMA, AuthServerModule, AuthServerOptions } from '../../src';

export const TEST_KEY_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts an HTTP server the way the platform does: our body parsers, problem-details filter, strict validation. */
export async function listen(app: INestApplication): Promise<RunningApp> {
  installBodyParsers(app, '1mb');
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export const platformProviders = [
  { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }) },
];

/** The auth-server app as apps/auth-server wires it, on the given database. */
export async function startAuthServer(databaseUrl: string, options: Partial<AuthServerOptions> = {}): Promise<RunningApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PersistenceModule.forService({
        useFactory: () => ({ url: databaseUrl, schema: AUTH_SERVER_SCHEMA, entities: AUTH_SERVER_ENTITIES, migrations: AUTH_SERVER_MIGRATIONS, poolSize: 4 }),
      }),
      AuthServerModule.forRoot({ issuer: 'http://auth.test', keyEncryptionKey: TEST_KEY_ENCRYPTION_KEY, ...options }),
      AuthServerModule.authGuards(),
    ],
    providers: platformProviders,
  }).compile();
  return listen(moduleRef.createNestApplication({ bodyParser: false, logger: false }));
}

export function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export function claimsOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

export function headerOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
}
