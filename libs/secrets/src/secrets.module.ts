import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createSecretStore, OpenedSecretStore } from './create-secret-store';
import { SECRET_STORE } from './secret-store';
import { SecretsOptions } from './secrets-module.options';

const OPENED_SECRET_STORE = Symbol('dsaas.OpenedSecretStore');

export interface SecretsModuleAsyncOptions {
  imports?: any[];
  inject?: any[];
  useFactory: (...args: any[]) => SecretsOptions | Promise<SecretsOptions>;
  /** Registers SECRET_STORE for every module (default true). */
  isGlobal?: boolean;
}

/** Provides SECRET_STORE: the embedded encrypted Postgres store or Vault, as configured. */
@Module({})
export class SecretsModule implements OnApplicationShutdown {
  constructor(@Inject(OPENED_SECRET_STORE) private readonly opened: OpenedSecretStore) {}

  static forRoot(options: SecretsOptions & { isGlobal?: boolean }): DynamicModule {
    return SecretsModule.forRootAsync({ useFactory: () => options, isGlobal: options.isGlobal });
  }

  static forRootAsync(options: SecretsModuleAsyncOptions): DynamicModule {
    return {
      module: SecretsModule,
      global: options.isGlobal ?? true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: OPENED_SECRET_STORE,
          inject: options.inject ?? [],
          useFactory: async (...args: any[]) => createSecretStore(await options.useFactory(...args)),
        },
        { provide: SECRET_STORE, inject: [OPENED_SECRET_STORE], useFactory: (o: OpenedSecretStore) => o.store },
      ],
      exports: [SECRET_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.opened.close();
  }
}
