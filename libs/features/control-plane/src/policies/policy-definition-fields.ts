import { BindParameter, jsonField, SqlField } from '../common/criteria-sql';

/** Policy definition fields for QuerySpec filters: the id, `createdAt`, `policy.<path>`, `privateProperties.<key>`. */
export function policyDefinitionField(field: string, bind: BindParameter): SqlField | undefined {
  if (field === '@id' || field === 'id') return { kind: 'text', expression: '"e"."id"' };
  if (field === 'createdAt') return { kind: 'timestamp', expression: '"e"."created_at"' };
  if (field === 'policy') return jsonField('"e"."policy"', '', bind);
  if (field.startsWith('policy.')) return jsonField('"e"."policy"', field.slice('policy.'.length), bind);
  if (field === 'privateProperties') return jsonField('"e"."private_properties"', '', bind);
  if (field.startsWith('privateProperties.')) return jsonField('"e"."private_properties"', field.slice('privateProperties.'.length), bind);
  return undefined;
}
