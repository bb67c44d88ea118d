import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthModule, AuthModuleOptions } from '@dsaas/auth';
import {
  CreateOutboxTable1764000000000,
  EVENT_BUS,
  EventBus,
  JetStreamEventBus,
  MessagingModule,
  OutboxMessageEntity,
  OutboxRelay,
  PostgresEventBus,
} from '@dsaas/messaging';
import { PersistenceModule } from '@dsaas/persistence';
import { SECRET_STORE, SecretsModule, secretsOptionsFromEnv, SecretStore } from '@dsaas/secrets';
import { ServerModule } from './server.module';
import { ServiceInfoController } from './service-info.controller';
import { ServiceConfig } from './service.config';

export interface ServiceRuntimeOptions {
  service: string;
  config: ServiceConfig;
  /** The service's own schema, entities and migrations; the outbox table is added to every schema. */
  database: ServiceDatabase;
  /** Replaces the token verification derived from AUTH_* variables (the auth-server verifies in-process). */
  auth?: AuthModuleOptions;
  /** The service keeps participant secrets: provide SECRET_STORE (embedded or Vault) and check it in /health/ready. */
  secrets?: boolean;
}

/** The issuer's JWKS unless AUTH_JWKS_URL names another; defaults to the auth-server on this host. */
export function authOptionsFromConfig(config: ServiceConfig): AuthModuleOptions {
  const issuer = config.AUTH_ISSUER_URL ?? 'http://127.0.0.1:8080';
  return {
    issuer,
    audience: config.AUTH_AUDIENCE,
    jwksUrl: config.AUTH_JWKS_URL ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
  };
}

export interface ServiceDatabase {
  schema: string;
  entities: any[];
  migrations: any[];
}

/** A service's tables plus the outbox every service schema has. */
export function withOutbox(database: ServiceDatabase): ServiceDatabase {
  return {
    schema: database.schema,
    entities: [OutboxMessageEntity, ...database.entities],
    migrations: [CreateOutboxTable1764000000000, ...database.migrations],
  };
}

/** NATS JetStream in distributed deployments, the Postgres bus in the single-process platform. */
export function connectEventBus(config: ServiceConfig): Promise<EventBus> {
  if (config.EVENT_BUS === 'postgres') {
    return PostgresEventBus.connect({ url: config.DATABASE_URL!, poolSize: 4 });
  }
  return JetStreamEventBus.connect({
    servers: config.NATS_URL.split(',').map((s) => s.trim()),
    prefix: config.EVENT_BUS_PREFIX,
  });
}

/** Drains the service's outbox to the bus for as long as the service runs. */
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay = new OutboxRelay(this.dataSource, this.bus);
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}

/**
 * What every service runs: logs, health, metrics, problem details (ServerModule), deny-by-default token
 * guards (AuthModule), its own database schema (PersistenceModule), the event bus and its outbox relay.
 */
@Module({})
export class ServiceRuntimeModule {
  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    const { config, database } = options;
    if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be resolved before the service module is built');
    return {
      module: ServiceRuntimeModule,
      imports: [
        ServerModule.forRoot({
          service: options.service,
          readinessChecks: {
            inject: options.secrets ? [EVENT_BUS, SECRET_STORE] : [EVENT_BUS],
            useFactory: (bus: EventBus, secrets?: SecretStore) => [
              { name: 'eventBus', isHealthy: () => bus.isHealthy() },
              ...(secrets ? [{ name: 'secretStore', isHealthy: () => secrets.isHealthy() }] : []),
            ],
          },
        }),
        AuthModule.forRoot(options.auth ?? authOptionsFromConfig(config)),
        PersistenceModule.forService({
          useFactory: () => ({ url: config.DATABASE_URL!, ...withOutbox(database) }),
        }),
        MessagingModule.forRootAsync({ useFactory: () => connectEventBus(config) }),
        ...(options.secrets ? [SecretsModule.forRoot(secretsOptionsFromEnv(config as unknown as Record<string, string | undefined>))] : []),
      ],
      controllers: [ServiceInfoController],
      providers: [OutboxRelayLifecycle],
    };
  }
}
