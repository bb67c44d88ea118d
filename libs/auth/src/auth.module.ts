import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_MODULE_OPTIONS, AuthModuleOptions } from './auth-module-options';
import { AuthenticationGuard } from './authentication.guard';
import { AuthorizationGuard } from './authorization.guard';
import { TokenVerifier } from './token-verifier';

export interface AuthModuleAsyncOptions {
  imports?: any[];
  inject?: any[];
  useFactory: (...args: any[]) => AuthModuleOptions | Promise<AuthModuleOptions>;
}

/**
 * Registers the global guards: authentication (deny by default), then roles, scopes and
 * participant-context ownership. Import once, in the app's root module.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return AuthModule.build([{ provide: AUTH_MODULE_OPTIONS, useValue: options }]);
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    const module = AuthModule.build([
      { provide: AUTH_MODULE_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
    ]);
    return { ...module, imports: options.imports ?? [] };
  }

  private static build(optionsProviders: Provider[]): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        ...optionsProviders,
        TokenVerifier,
        // Order matters: APP_GUARDs run in registration order.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: AuthorizationGuard },
      ],
      exports: [TokenVerifier, AUTH_MODULE_OPTIONS],
    };
  }
}
