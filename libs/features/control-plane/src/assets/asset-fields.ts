import { BindParameter, jsonField, SqlField } from '../common/criteria-sql';

const JSON_COLUMNS: Record<string, string> = {
  properties: '"e"."properties"',
  privateProperties: '"e"."private_properties"',
  dataAddress: '"e"."data_address"',
};

/** Ways clients name an asset's id in filters and selectors (EDC: `https://w3id.org/edc/v0.0.1/ns/id`, compacted to `id`). */
export const ASSET_ID_FIELDS = ['@id', 'id', 'assetId'];

/**
 * Asset fields for QuerySpec filters and contract-definition selectors: the id, `createdAt`,
 * `properties.<key>`, `privateProperties.<key>`, `dataAddress.<key>`, and a bare key as a public property
 * (EDC's selectors name properties that way).
 */
export function assetField(field: string, bind: BindParameter): SqlField | undefined {
  if (ASSET_ID_FIELDS.includes(field)) return { kind: 'text', expression: '"e"."id"' };
  if (field === 'createdAt') return { kind: 'timestamp', expression: '"e"."created_at"' };
  for (const [name, column] of Object.entries(JSON_COLUMNS)) {
    if (field === name) return jsonField(column, '', bind);
    if (field.startsWith(`${name}.`)) return jsonField(column, field.slice(name.length + 1), bind);
  }
  if (field.startsWith('@') || field.trim() === '') return undefined;
  return jsonField(JSON_COLUMNS.properties, field, bind);
}
