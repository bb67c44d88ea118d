import { DataSource } from 'typeorm';
import { serviceDataSourceOptions, ServiceDatabaseOptions } from './data-source-options';
import { ensureSchema } from './ensure-schema';

/** Opens a data source for one service schema, creating the schema and running migrations. */
export async function openServiceDataSource(options: ServiceDatabaseOptions): Promise<DataSource> {
  await ensureSchema(options.url, options.schema);
  const dataSource = new DataSource(serviceDataSourceOptions(options));
  await dataSource.initialize();
  return dataSource;
}

/**
 * The SQL TypeORM would run to make the database match the entities. Empty when migrations and
 * entities agree; a drift test asserts exactly that.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
