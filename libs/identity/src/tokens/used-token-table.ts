import { DataSource } from 'typeorm';

/** The schema-qualified used_token table of a data source (its own schema, or the search path without one). */
export function usedTokenTable(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  return schema ? `"${schema}"."used_token"` : `"used_token"`;
}
