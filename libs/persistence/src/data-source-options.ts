import { DataSourceOptions } from 'typeorm';

export interface ServiceDatabaseOptions {
  /** Connection URL of the PostgreSQL database. */
  url: string;
  /** The service's own schema; no service reads another's tables. */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  /** Run pending migrations at start-up (default true). */
  migrationsRun?: boolean;
  poolSize?: number;
}

/** TypeORM options for one service schema. Schema changes come from migrations only, never `synchronize`. */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: options.migrationsRun ?? true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    // Unqualified names in migrations and raw queries resolve to the service's own schema.
    extra: { max: options.poolSize ?? 10, application_name: `dsaas-${options.schema}`, options: `-c search_path="${options.schema}"` },
  };
}
