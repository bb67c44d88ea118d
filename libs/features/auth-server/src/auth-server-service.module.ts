import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@dsaas/server';
import { AuthServerModule } from './auth-server.module';
import { AuthServerServiceConfig, authServerOptionsFromConfig } from './config/auth-server-service.config';
import { InProcessKeyResolver } from './keys/in-process-key-resolver';
import { AUTH_SERVER_ENTITIES, AUTH_SERVER_MIGRATIONS, AUTH_SERVER_SCHEMA } from './persistence/auth-server-persistence';

/** The auth-server as a service: shared runtime (logs, health, metrics, database) plus the authorization server. */
@Module({})
export class AuthServerServiceModule {
  static forRoot(config: AuthServerServiceConfig): DynamicModule {
    const options = authServerOptionsFromConfig(config);
    const keyResolver = new InProcessKeyResolver();
    return {
      module: AuthServerServiceModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'auth-server',
          config,
          database: { schema: AUTH_SERVER_SCHEMA, entities: AUTH_SERVER_ENTITIES, migrations: AUTH_SERVER_MIGRATIONS },
          // Our own tokens are checked against our own keys in-process (no HTTP call to ourselves).
          auth: { issuer: options.issuer.replace(/\/+$/, ''), audience: config.AUTH_AUDIENCE, getKey: keyResolver.getKey },
        }),
        AuthServerModule.forRoot(options, { keyResolver }),
      ],
    };
  }
}
