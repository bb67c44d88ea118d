import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dsaas/auth';
import { AuthServerInitializer } from './bootstrap/auth-server-initializer';
import { BootstrapCredentials } from './bootstrap/bootstrap-credentials';
import { ClientRepository } from './clients/client.repository';
import { ClientsController } from './clients/clients.controller';
import { ClientsService } from './clients/clients.service';
import { AUTH_SERVER_OPTIONS, AuthServerOptions, ResolvedAuthServerOptions, resolveAuthServerOptions } from './config/auth-server-options';
import { InProcessKeyResolver } from './keys/in-process-key-resolver';
import { JwksController } from './keys/jwks.controller';
import { KeysController } from './keys/keys.controller';
import { SigningKeyRepository } from './keys/signing-key.repository';
import { SigningKeysService } from './keys/signing-keys.service';
import { AUTH_SERVER_ENTITIES } from './persistence/auth-server-persistence';
import { TokenController } from './token/token.controller';
import { TokenService } from './token/token.service';

export interface AuthServerWiring {
  keyResolver?: InProcessKeyResolver;
}

export interface AuthServerModuleAsyncOptions {
  imports?: any[];
  inject?: any[];
  useFactory: (...args: any[]) => AuthServerOptions | Promise<AuthServerOptions>;
}

/**
 * The embedded OAuth2 authorization server: token endpoint, JWKS, client and key admin API. Needs a TypeORM
 * data source holding AUTH_SERVER_ENTITIES (PersistenceModule.forService). Global, so the app can hand its
 * key resolver to AuthModule (see {@link AuthServerModule.authGuards}).
 */
@Module({})
export class AuthServerModule {
  /** `wiring.keyResolver`: filled with our verification keys, for an AuthModule configured before this module starts. */
  static forRoot(options: AuthServerOptions, wiring: AuthServerWiring = {}): DynamicModule {
    return AuthServerModule.build([], { provide: AUTH_SERVER_OPTIONS, useValue: resolveAuthServerOptions(options) }, wiring);
  }

  static forRootAsync(options: AuthServerModuleAsyncOptions, wiring: AuthServerWiring = {}): DynamicModule {
    return AuthServerModule.build(options.imports ?? [], {
      provide: AUTH_SERVER_OPTIONS,
      inject: options.inject ?? [],
      useFactory: async (...args: any[]) => resolveAuthServerOptions(await options.useFactory(...args)),
    }, wiring);
  }

  /**
   * The global guards for an app that hosts this module, verifying our own tokens in-process (no HTTP call
   * to itself). Apps without the auth-server use AuthModule.forRoot({ issuer | jwksUrl, audience }) instead.
   */
  static authGuards(): DynamicModule {
    return AuthModule.forRootAsync({
      inject: [AUTH_SERVER_OPTIONS, SigningKeysService],
      useFactory: (options: ResolvedAuthServerOptions, keys: SigningKeysService) => ({
        issuer: options.issuer,
        audience: options.audience,
        getKey: keys.keyResolver(),
      }),
    });
  }

  private static build(imports: any[], optionsProvider: Provider, wiring: AuthServerWiring): DynamicModule {
    return {
      module: AuthServerModule,
      global: true,
      imports: [...imports, TypeOrmModule.forFeature(AUTH_SERVER_ENTITIES)],
      controllers: [TokenController, JwksController, ClientsController, KeysController],
      providers: [
        optionsProvider,
        { provide: InProcessKeyResolver, useValue: wiring.keyResolver ?? new InProcessKeyResolver() },
        ClientRepository,
        ClientsService,
        SigningKeyRepository,
        SigningKeysService,
        TokenService,
        BootstrapCredentials,
        AuthServerInitializer,
      ],
      exports: [AUTH_SERVER_OPTIONS, SigningKeysService, ClientsService, BootstrapCredentials],
    };
  }
}
