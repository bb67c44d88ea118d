import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { serviceDataSourceOptions, ServiceDatabaseOptions } from './data-source-options';
import { ensureSchema } from './ensure-schema';

export interface PersistenceModuleOptions {
  imports?: any[];
  inject?: any[];
  useFactory: (...args: any[]) => ServiceDatabaseOptions | Promise<ServiceDatabaseOptions>;
}

/** TypeORM for one service: its schema, its entities, its migrations run at start-up. */
@Module({})
export class PersistenceModule {
  static forService(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: async (...args: any[]) => {
            const db = await options.useFactory(...args);
            await ensureSchema(db.url, db.schema);
            return serviceDataSourceOptions(db);
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
